// The sidecar `<transcript>.alliance.json`: a person's codes, memos, comments and decisions on one transcript.
// Validated with zod; fields this version does not know are kept (loose objects) and written back after the
// known ones, so a newer Alliance Lens or a hand edit never loses data through an older one.
// zod/mini rather than zod: this schema is bundled into the extension host, where the classic build costs ~450 KB.
import * as z from 'zod/mini';
import { jsonKeyName, objectOf, parseJsonWithSchema, type JsonProblem } from './json-location';

export const SIDECAR_SCHEMA_ID = 'alliance-lens/sidecar';
export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.alliance.json';

const text = z.string();
const nonEmpty = z.string().check(z.minLength(1));
const offset = z.int().check(z.minimum(0));

export const anchorSchema = z.looseObject({
  utterance: z.int().check(z.minimum(-1)),
  start: offset,
  end: offset,
  exact: nonEmpty,
  prefix: text,
  suffix: text,
}).check(z.refine((anchor) => anchor.end > anchor.start, { message: 'end must be greater than start', path: ['end'] }));

export const annotationSchema = z.looseObject({
  id: nonEmpty,
  coder: nonEmpty,
  codes: z.array(nonEmpty).check(z.minLength(1)),
  memo: z._default(text, ''),
  anchor: anchorSchema,
  created: text,
  orphaned: z.optional(z.boolean()),
});

export const commentSchema = z.looseObject({
  id: nonEmpty,
  author: nonEmpty,
  body: text,
  created: text,
});

export const threadSchema = z.looseObject({
  id: nonEmpty,
  anchor: anchorSchema,
  resolved: z._default(z.boolean(), false),
  comments: z.array(commentSchema).check(z.minLength(1)),
  orphaned: z.optional(z.boolean()),
});

export const VERDICTS = ['accept', 'reject', 'replace'] as const;

export const decisionSchema = z.looseObject({
  id: nonEmpty,
  coder: nonEmpty,
  rule: nonEmpty,
  code: nonEmpty,
  verdict: z.enum(VERDICTS),
  replacement: z.optional(z.array(nonEmpty)),
  anchor: anchorSchema,
  created: text,
  orphaned: z.optional(z.boolean()),
}).check(z.refine((decision) => decision.verdict !== 'replace' || (decision.replacement?.length ?? 0) > 0, {
  message: 'a "replace" decision needs a non-empty "replacement" list of codes', path: ['replacement'],
}));

export const sidecarSchema = z.looseObject({
  schema: z.literal(SIDECAR_SCHEMA_ID),
  version: z.int().check(z.minimum(1), z.maximum(SIDECAR_VERSION, {
    message: `written by a newer Alliance Lens; this version reads sidecar version ${SIDECAR_VERSION} and will not overwrite it`,
  })),
  transcript: text,
  annotations: z._default(z.array(annotationSchema), []),
  comments: z._default(z.array(threadSchema), []),
  decisions: z._default(z.array(decisionSchema), []),
}).check(z.superRefine((sidecar, context) => {
  // Edits find an item by its id (removing a code takes it off the annotation or decision with that id), so two
  // items with one id would both change. Refused, with the place of the second, rather than guessed at.
  const check = (items: readonly { id: string }[], list: 'annotations' | 'decisions' | 'comments', seen: Map<string, string>) => {
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first !== undefined) {
        context.addIssue({
          code: 'custom', path: [list, index, 'id'],
          message: `duplicate id "${item.id}" (${first} has it too): ids must be unique, or a change to one would also change the other; give one of them a new id`,
        });
      } else {
        seen.set(item.id, `${list}[${index}]`);
      }
    });
  };
  const codingIds = new Map<string, string>();
  check(sidecar.annotations, 'annotations', codingIds);
  check(sidecar.decisions, 'decisions', codingIds);
  check(sidecar.comments, 'comments', new Map());
}));

export type AnchorData = z.infer<typeof anchorSchema>;
export type Annotation = z.infer<typeof annotationSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type CommentThread = z.infer<typeof threadSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type Verdict = (typeof VERDICTS)[number];
export type Sidecar = z.infer<typeof sidecarSchema>;

export type SidecarResult = { ok: true; sidecar: Sidecar } | { ok: false; problems: JsonProblem[] };

/** `notes/s1.transcript` → `notes/s1.transcript.alliance.json`. */
export function sidecarPathFor(transcriptPath: string): string {
  return transcriptPath + SIDECAR_SUFFIX;
}

export function transcriptPathFor(sidecarPath: string): string | null {
  return sidecarPath.endsWith(SIDECAR_SUFFIX) ? sidecarPath.slice(0, -SIDECAR_SUFFIX.length) : null;
}

export function emptySidecar(transcript: string): Sidecar {
  return { schema: SIDECAR_SCHEMA_ID, version: SIDECAR_VERSION, transcript, annotations: [], comments: [], decisions: [] };
}

/** Reads a sidecar's text. Problems carry the line to fix; the caller must then leave the file untouched. */
export function parseSidecar(source: string): SidecarResult {
  const parsed = parseJsonWithSchema(source, sidecarSchema);
  return parsed.ok ? { ok: true, sidecar: parsed.value } : parsed;
}

const KEY_ORDER = {
  sidecar: ['schema', 'version', 'transcript', 'annotations', 'comments', 'decisions'],
  annotation: ['id', 'coder', 'codes', 'memo', 'anchor', 'created', 'orphaned'],
  anchor: ['utterance', 'start', 'end', 'exact', 'prefix', 'suffix'],
  thread: ['id', 'anchor', 'resolved', 'comments', 'orphaned'],
  comment: ['id', 'author', 'body', 'created'],
  decision: ['id', 'coder', 'rule', 'code', 'verdict', 'replacement', 'anchor', 'created', 'orphaned'],
} as const;

/** Pretty, stable text: known keys in schema order, then unknown keys alphabetically; `orphaned` only when set,
 * so a sidecar diffs cleanly in git. Ends with a newline. */
export function serializeSidecar(sidecar: Sidecar): string {
  const withAnchor = <T extends { anchor: AnchorData }>(item: T) => ({ ...item, anchor: ordered(item.anchor, KEY_ORDER.anchor) });
  const document = ordered({
    ...sidecar,
    annotations: sidecar.annotations.map((annotation) => ordered(withAnchor(annotation), KEY_ORDER.annotation)),
    comments: sidecar.comments.map((thread) => ordered({
      ...withAnchor(thread),
      comments: thread.comments.map((comment) => ordered(comment, KEY_ORDER.comment)),
    }, KEY_ORDER.thread)),
    decisions: sidecar.decisions.map((decision) => ordered(withAnchor(decision), KEY_ORDER.decision)),
  }, KEY_ORDER.sidecar);
  return `${JSON.stringify(document, null, 2)}\n`;
}

function ordered(value: object, knownKeys: readonly string[]): Record<string, unknown> {
  const source = value as Record<string, unknown>;
  const entries: [string, unknown][] = [];
  for (const key of knownKeys) {
    if (source[key] === undefined || (key === 'orphaned' && source[key] !== true)) continue;
    entries.push([key, source[key]]);
  }
  const unknown = Object.keys(source).filter((key) => !knownKeys.includes(key)).sort((a, b) => (jsonKeyName(a) < jsonKeyName(b) ? -1 : jsonKeyName(a) > jsonKeyName(b) ? 1 : 0));
  for (const key of unknown) entries.push([key, source[key]]);
  return objectOf(entries);
}

export type { JsonProblem };
