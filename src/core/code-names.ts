// Human names for code ids, for hovers, the summary panel and exports.

// A Map, not an object: an id such as "__proto__" or "constructor" (from someone's sidecar) must not find
// Object.prototype's members.
const CODE_NAMES = new Map<string, string>(Object.entries({
  'collaborative.seek': 'Seeking collaboration',
  'collaborative.autonomy': 'Emphasising autonomy',
  'collaborative.permission': 'Asking permission',
  'collaborative.affirm': 'Affirming',
  'directive.persuade': 'Persuading',
  'directive.command': 'Command',
  'directive.obligation': 'Obligation',
  'directive.warn': 'Warning',
  'directive.confront': 'Confronting',
  'question.open': 'Open question',
  'question.closed': 'Closed question',
  'question.tag': 'Tag question',
  'reflection.simple': 'Simple reflection',
  'reflection.complex': 'Complex reflection',
  'input.information': 'Giving information',
  'input.advice': 'Giving advice',
  'input.negotiation': 'Negotiating',
  'input.options': 'Offering options',
  'other.acknowledge': 'Acknowledgement',
  'talk.change': 'Change talk',
  'talk.sustain': 'Sustain talk',
  'rupture.withdrawal': 'Withdrawal (rupture)',
  'rupture.confrontation': 'Confrontation (rupture)',
}));

/** Human-readable name of a code id, e.g. "directive.command" → "Command". Unknown ids come back as they are. */
export function codeName(codeId: string): string {
  return CODE_NAMES.get(codeId) ?? codeId;
}
