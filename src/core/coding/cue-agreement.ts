// How often each stance cue agreed with expert coders on MITI-coded counsellor sentences, as measured by
// `alliance-lens eval --mi-stance DIR --cue-agreement` (the file beside the rules). A hover shows it, so that a
// supervisor can see how far a kind of highlight is to be trusted. It explains; it decides nothing.
import table from './rules/cue-agreement.json';

export interface CueAgreement {
  stance: string;
  /** Expert-coded sentences the cue fired on. */
  fired: number;
  /** Of those, how many the experts coded with the cue's stance. */
  agreed: number;
}

export interface CueAgreementTable {
  measuredOn: string;
  command: string;
  cues: Record<string, CueAgreement>;
}

const CUES: ReadonlyMap<string, CueAgreement> = new Map(Object.entries((table as CueAgreementTable).cues));

export const CUE_AGREEMENT_SOURCE = (table as CueAgreementTable).measuredOn;

export function cueAgreement(ruleId: string): CueAgreement | undefined {
  return CUES.get(ruleId);
}
