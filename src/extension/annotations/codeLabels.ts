// The short label drawn after a human-coded passage. Kept free of the vscode API so it can be unit-tested.
import type { Annotation } from '../../core/annotations/sidecar';

const MAX_LABEL_LENGTH = 60;

/** One label per annotation, in order: its code names and, when the sidecar holds two or more coders, whose code it
 * is, since the same code twice on one passage is then two people agreeing. Long labels end in "…". */
export function humanCodeLabels(annotations: readonly Pick<Annotation, 'coder' | 'codes'>[], nameOf: (codeId: string) => string): string[] {
  const severalCoders = new Set(annotations.map((annotation) => annotation.coder)).size > 1;
  return annotations.map((annotation) => {
    const codes = annotation.codes.map(nameOf).join(', ');
    const label = severalCoders ? `${codes} · ${annotation.coder}` : codes;
    return `⟨${label.length > MAX_LABEL_LENGTH ? `${label.slice(0, MAX_LABEL_LENGTH - 1)}…` : label}⟩`;
  });
}
