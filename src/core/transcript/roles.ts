// Who is the therapist. Roles come from the front matter, else from a role word in the label, else by question
// rate: the speaker who asks most is the therapist and the next one the client; anyone else is "other".
import type { ParsedUtterance, Role, SpeakerInfo } from '../types';
import { roleWordOf } from './labels';
import type { WarningList } from './warnings';

export interface SpeakerTurns {
  key: string;
  label: string;
  /** Speakers with no name (WebVTT cues without a voice) are never guessed to be therapist or client. */
  unnamed?: boolean;
}

export function assignRoles(
  speakers: readonly SpeakerTurns[], utterances: readonly Pick<ParsedUtterance, 'speaker' | 'text'>[],
  declared: ReadonlyMap<string, Role>, warnings: WarningList,
): SpeakerInfo[] {
  const roles = new Map<string, Role>();
  for (const speaker of speakers) {
    const role = declared.get(speaker.key) ?? roleWordOf(speaker.key) ?? (speaker.unnamed ? 'other' : undefined);
    if (role) roles.set(speaker.key, role);
  }
  const undecided = speakers.filter((speaker) => !roles.has(speaker.key));
  const declaredAny = roles.size > 0;
  if (undecided.length > 0) {
    const ranked = rankByQuestionRate(undecided, utterances);
    const missing = (['therapist', 'client'] as const).filter((role) => ![...roles.values()].includes(role));
    ranked.forEach((speaker, rank) => roles.set(speaker.key, missing[rank] ?? 'other'));
    if (speakers.length > 2 && missing.length > 0) {
      const guessed = ranked.slice(0, missing.length).map((speaker) => `${speaker.label} as ${roles.get(speaker.key)}`);
      const undeclared = declaredAny ? `no declared ${missing.join(' or ')}` : 'no declared roles';
      warnings.add('roles', 0, `${speakers.length} speakers and ${undeclared}: guessed ${guessed.join(' and ')} `
        + `by how often they ask questions${ranked.length > missing.length ? ', the others as other' : ''}. Declare roles in `
        + 'front matter at the top of the file ("---", "therapist: NAME", "client: NAME", "---").');
    }
  }
  return speakers.map((speaker) => ({ label: speaker.label, role: roles.get(speaker.key) ?? 'other' }));
}

function rankByQuestionRate(speakers: readonly SpeakerTurns[], utterances: readonly Pick<ParsedUtterance, 'speaker' | 'text'>[]): SpeakerTurns[] {
  const turns = new Map<string, { turns: number; questions: number }>();
  for (const utterance of utterances) {
    const tally = turns.get(utterance.speaker) ?? { turns: 0, questions: 0 };
    tally.turns++;
    if (utterance.text.includes('?')) tally.questions++;
    turns.set(utterance.speaker, tally);
  }
  const rate = (speaker: SpeakerTurns) => {
    const tally = turns.get(speaker.label);
    return tally && tally.turns > 0 ? tally.questions / tally.turns : 0;
  };
  // A stable sort keeps the order of first appearance among equal rates.
  return [...speakers].sort((a, b) => rate(b) - rate(a));
}
