// How often each stance cue agreed with expert coders: for every rule that gives a stance, on the MITI-coded
// sentences it fired on, how many the experts coded with that stance. The counts are stored beside the rules
// (src/core/coding/rules/cue-agreement.json) so that a hover can say how far one highlight's kind of cue can be
// trusted; `alliance-lens eval --mi-stance DIR --cue-agreement` prints the file anew.
import type { CueAgreementTable } from '../../core/coding/cue-agreement';
import type { MiStanceItem } from './mi-stance';

export function measureCueAgreement(items: readonly MiStanceItem[], measuredOn: string): CueAgreementTable {
  const counts = new Map<string, { stance: string; fired: number; agreed: number }>();
  for (const item of items) {
    if (item.stance === null) continue;
    for (const cue of item.cues) {
      if (cue.stance === 'neutral') continue;
      const count = counts.get(cue.rule) ?? { stance: cue.stance, fired: 0, agreed: 0 };
      count.fired++;
      if (item.stance === cue.stance) count.agreed++;
      counts.set(cue.rule, count);
    }
  }
  const cues = Object.fromEntries([...counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return { measuredOn, command: 'alliance-lens eval --mi-stance DIR --cue-agreement', cues };
}
