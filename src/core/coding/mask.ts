// Non-verbal marks ([laughs], (pause), [inaudible 00:12:01], [crosstalk]) stay in the transcript but are not
// language: the coder blanks them out with spaces of the same length, so findings keep exact offsets.
// TODO(switch): the transcript module is to export maskNonVerbal; once it does, re-export it from here.

const NON_VERBAL_MARK = /\[[^\]\n]{0,80}\]|\((?:pause|pauses|laughs?|laughter|sighs?|inaudible|crosstalk|unintelligible|silence|crying|cries|coughs?|long pause|short pause)[^)\n]{0,40}\)/gi;

/** Replaces every non-verbal mark with spaces of equal length (same UTF-16 length, so offsets are preserved). */
export function maskNonVerbal(text: string): string {
  return text.replace(NON_VERBAL_MARK, (mark) => ' '.repeat(mark.length));
}
