// The messages between the extension and the Summary webview: a discriminated union, validated with zod on both
// sides, so neither trusts what crosses the boundary. Shared by src/extension and src/webview (no vscode here).
// zod/mini keeps the webview and extension bundles small (the classic build brings ~450 KB of locales).
import * as z from 'zod/mini';

const band = z.nullable(z.enum(['below', 'fair', 'good']));
const role = z.enum(['therapist', 'client', 'other']);

export const speakerModel = z.object({ label: z.string(), role, turns: z.number(), words: z.number() });

export const scoreModel = z.object({
  id: z.string(),
  name: z.string(),
  /** Display text such as "1.8:1" or "45%", or null when the score is undefined for this session. */
  value: z.nullable(z.string()),
  band,
  /** The manual's thresholds in words, e.g. "fair 1:1 · good 2:1". */
  thresholds: z.string(),
  /** Set when the score does not agree well enough with expert coders to be graded: why, with the measured figure.
   * The panel then shows "estimate" where the band would be. */
  estimate: z.optional(z.nullable(z.string())),
  /** The one short line shown under an estimated score ("agrees with experts ICC 0.40"); `estimate` is its tooltip. */
  estimateBrief: z.optional(z.nullable(z.string())),
});

/** One weighted term of this session's alliance index: "reflections per therapist turn 0.33 × 50 = +16.7". */
export const indexTermModel = z.object({ label: z.string(), value: z.string(), weight: z.number(), points: z.number() });

export const momentModel = z.object({ utteranceIndex: z.number(), line: z.number(), text: z.string() });

export const summaryModel = z.object({
  fileName: z.string(),
  format: z.string(),
  speakers: z.array(speakerModel),
  allianceIndex: z.number(),
  allianceIndexFormula: z.string(),
  /** This session's index term by term, for "How is it computed?"; raw is base + points before clamping. */
  allianceIndexParts: z.optional(z.object({ base: z.number(), terms: z.array(indexTermModel), raw: z.number(), min: z.number(), max: z.number() })),
  scores: z.array(scoreModel),
  talk: z.object({ therapistWords: z.number(), clientWords: z.number(), clientTalkShare: z.nullable(z.number()) }),
  balance: z.object({ collaborative: z.number(), directive: z.number() }),
  timeline: z.array(z.object({
    startLine: z.number(), endLine: z.number(), collaborative: z.number(), directive: z.number(), allianceIndex: z.number(),
  })),
  ruptures: z.array(z.object({
    kind: z.enum(['withdrawal', 'confrontation']),
    line: z.number(),
    status: z.enum(['repaired', 'unaddressed', 'met-with-directive']),
    responseLine: z.nullable(z.number()),
  })),
  moments: z.object({ collaborative: z.array(momentModel), directive: z.array(momentModel) }),
  warnings: z.array(z.object({ line: z.number(), message: z.string() })),
  /** Filled by the human-coding features when a sidecar has codes for this file. */
  humanCodes: z.optional(z.array(z.object({ code: z.string(), name: z.optional(z.string()), count: z.number() }))),
});
export type SummaryModel = z.infer<typeof summaryModel>;

export const panelState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('loading'), fileName: z.string() }),
  z.object({ kind: z.literal('error'), fileName: z.string(), message: z.string() }),
  z.object({ kind: z.literal('summary'), summary: summaryModel }),
]);
export type PanelState = z.infer<typeof panelState>;

/** Extension → webview. */
export const toWebviewMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: panelState }),
]);
export type ToWebviewMessage = z.infer<typeof toWebviewMessage>;

/** Webview → extension. */
export const fromWebviewMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('revealLines'), startLine: z.int().check(z.minimum(1)), endLine: z.int().check(z.minimum(1)) }),
  z.object({ type: z.literal('selectUtterance'), utteranceIndex: z.int().check(z.minimum(0)) }),
  z.object({ type: z.literal('setRole'), speaker: z.string(), role: z.enum(['therapist', 'client']) }),
  z.object({ type: z.literal('analyzeActiveFile') }),
  /** "How good is the coding?": the README section behind every estimate mark. */
  z.object({ type: z.literal('openAccuracyNotes') }),
  /** Sent after each render, so tests (and the extension) know what the panel actually shows. */
  z.object({ type: z.literal('rendered'), kind: z.enum(['empty', 'loading', 'error', 'summary']), fileName: z.nullable(z.string()) }),
]);
export type FromWebviewMessage = z.infer<typeof fromWebviewMessage>;

export const EMPTY_STATE_TEXT = 'Open a transcript, or run Alliance Lens: Analyze This File';
