// Whose utterances a code can describe: therapist behaviour (stance, questions, reflections, input, repair) or
// client talk (change, sustain, ruptures). Agreement on a therapist code is computed over therapist utterances
// only; counting client turns as "absent, agreed" would inflate it. A user's own code takes the role of the
// built-in family it sits under; a code under no family applies to everyone.
import type { Role } from '../types';

const FAMILY_ROLES: Record<string, Role> = {
  collaborative: 'therapist',
  directive: 'therapist',
  question: 'therapist',
  reflection: 'therapist',
  input: 'therapist',
  repair: 'therapist',
  talk: 'client',
  rupture: 'client',
};

/** The role a code applies to, or null when it applies to any speaker. `parentOf` follows a user code's parent
 * chain (the codebook's), so "my.code" under "talk.change" is a client code. */
export function roleOfCode(code: string, parentOf: (code: string) => string | null | undefined = () => undefined): Role | null {
  const seen = new Set<string>();
  for (let at: string | null | undefined = code; at && !seen.has(at); at = parentOf(at)) {
    seen.add(at);
    const role = FAMILY_ROLES[at.split('.')[0]!];
    if (role) return role;
  }
  return null;
}
