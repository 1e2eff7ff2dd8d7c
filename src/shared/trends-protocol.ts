// The messages between the extension and the trend panel's webview, validated with zod on both sides like the
// Summary's. The webview gets the grouped sessions (numbers, dates, file names) and draws everything itself with
// core's chart, table and narrative code, the same code as the HTML report.
import * as z from 'zod/mini';
import { TREND_SCORE_IDS, type TrendScoreId } from '../core/trends/trends';

const scores = z.object(Object.fromEntries(TREND_SCORE_IDS.map((id) => [id, z.nullable(z.number())])) as Record<TrendScoreId, z.ZodMiniNullable<z.ZodMiniNumber>>);

export const trendSessionModel = z.extend(scores, {
  file: z.string(),
  date: z.nullable(z.string()),
  session: z.nullable(z.number()),
  change: scores,
});

export const trendGroupModel = z.object({ key: z.nullable(z.string()), sessions: z.array(trendSessionModel) });

export const trendsPanelState = z.discriminatedUnion('kind', [
  /** Analysing: `done` of `total` transcripts so far. */
  z.object({ kind: z.literal('loading'), folder: z.string(), done: z.number(), total: z.number() }),
  z.object({
    kind: z.literal('trends'),
    /** What was analysed, as people name it: "trainee-sessions" or "this workspace". */
    folder: z.string(),
    groupBy: z.string(),
    groups: z.array(trendGroupModel),
    /** The key of the group on show (null is the group without one); the panel charts that group only. */
    selected: z.nullable(z.string()),
    /** Set when analysis stopped early (cancelled): what was analysed. */
    incomplete: z.nullable(z.string()),
    /** Files that could not be read. */
    problems: z.array(z.string()),
  }),
]);
export type TrendsPanelState = z.infer<typeof trendsPanelState>;

export const toTrendsWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('state'), state: trendsPanelState }),
]);

export const fromTrendsWebview = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** A point or a table row was pressed: open that session's transcript (a file of the group on show). */
  z.object({ type: z.literal('openSession'), file: z.string() }),
  z.object({ type: z.literal('selectGroup'), key: z.nullable(z.string()) }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('openAccuracyNotes') }),
  /** Sent after each render, so tests (and the extension) know what the panel actually shows. */
  z.object({ type: z.literal('rendered'), kind: z.enum(['loading', 'trends']), group: z.nullable(z.string()), sessions: z.number(), charts: z.number() }),
]);
export type FromTrendsWebview = z.infer<typeof fromTrendsWebview>;
