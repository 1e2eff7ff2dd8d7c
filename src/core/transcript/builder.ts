// Shared by the parsers: speakers in order of first appearance, utterances with their offsets, then roles.
import type { ParsedUtterance, Role, SpeakerInfo, TextSpan } from '../types';
import { speakerKey } from './labels';
import { assignRoles, type SpeakerTurns } from './roles';
import { readClock, type Clock } from './timestamp';
import type { WarningList } from './warnings';

export interface UtteranceDraft {
  label: string;
  /** Omit to key the speaker by its label. */
  key?: string;
  unnamed?: boolean;
  line: number;
  clock: Clock | null;
  text: string;
  start: number;
  end: number;
  spans: TextSpan[];
}

export class TranscriptBuilder {
  private readonly speakers = new Map<string, SpeakerTurns>();
  private readonly utterances: ParsedUtterance[] = [];
  private previousClock: Clock | null = null;

  constructor(private readonly warnings: WarningList) {}

  /** The clock of a written timestamp, with warnings for impossible times and times that go backwards. */
  clock(written: string | null, line: number): Clock | null {
    if (written === null) return null;
    const clock = readClock(written);
    if (!clock) return null;
    if (clock.normalised === null) {
      this.warnings.add('impossible timestamp', line, `Impossible timestamp ${clock.written}: minutes and seconds must be below 60. It was ignored.`);
      return null;
    }
    this.checkOrder(clock, line);
    return clock;
  }

  /** Warns when a time comes before the previous one. */
  checkOrder(clock: Clock, line: number): void {
    if (this.previousClock && clock.seconds < this.previousClock.seconds) {
      this.warnings.add('timestamp order', line, `Timestamp ${clock.normalised} goes backwards (the previous one was ${this.previousClock.normalised}).`);
    }
    this.previousClock = clock;
  }

  add(draft: UtteranceDraft): void {
    const key = draft.key ?? speakerKey(draft.label);
    let speaker = this.speakers.get(key);
    if (!speaker) {
      speaker = { key, label: draft.label, unnamed: draft.unnamed };
      this.speakers.set(key, speaker);
    }
    this.utterances.push({
      index: this.utterances.length, speaker: speaker.label, role: 'other', line: draft.line,
      timestamp: draft.clock?.normalised ?? null, text: draft.text, start: draft.start, end: draft.end, spans: draft.spans,
    });
  }

  finish(declared: ReadonlyMap<string, Role>): { speakers: SpeakerInfo[]; utterances: ParsedUtterance[] } {
    const speakers = assignRoles([...this.speakers.values()], this.utterances, declared, this.warnings);
    const roleOf = new Map(speakers.map((speaker) => [speaker.label, speaker.role]));
    for (const utterance of this.utterances) utterance.role = roleOf.get(utterance.speaker) ?? 'other';
    return { speakers, utterances: this.utterances };
  }
}
