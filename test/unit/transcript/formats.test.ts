import * as assert from 'assert';
import { parseTranscript } from '../../../src/core/transcript';
import { assertOffsetsHold, fixture, rows } from './fixtures';

function parseFixture(name: string) {
  const text = fixture(name);
  const parsed = parseTranscript(text, { fileName: name });
  assertOffsetsHold(text, parsed);
  return parsed;
}

describe('transcript formats', () => {
  it('labeled: T:/C: notes with a preamble, continuation lines, blank lines and same-speaker turns', () => {
    const parsed = parseFixture('typed-notes.txt');
    assert.strictEqual(parsed.format, 'labeled');
    assert.deepStrictEqual(rows(parsed), [
      ['T', 'therapist', 4, null, 'Hi Sam, good to see you. How has the week been?'],
      ['C', 'client', 5, null, 'Honestly, up and down. [sighs] Work was a lot.\nI kept thinking about what we said.\n\nAnd then Friday happened.'],
      ['T', 'therapist', 9, null, 'What happened on Friday?'],
      ['T', 'therapist', 10, null, 'Take your time.'],
      ['C', 'client', 11, null, '(long pause) I called my sister. Reminder: she had asked me to.'],
      ['C', 'client', 12, null, 'It went better than I thought.'],
    ]);
    assert.deepStrictEqual(parsed.speakers, [{ label: 'T', role: 'therapist' }, { label: 'C', role: 'client' }]);
    assert.deepStrictEqual(parsed.warnings, []);
  });

  it('labeled: named speakers with every timestamp form, before, between and after the label', () => {
    const parsed = parseFixture('named-timestamps.txt');
    assert.deepStrictEqual(parsed.utterances.map((u) => [u.speaker, u.timestamp, u.text.slice(0, 12)]), [
      ['Dr. Lee', '00:00:05', 'Welcome back'],
      ['Maria', '00:00:12', 'Maybe with t'],
      ['Dr. Lee', '00:00:20', 'Okay. What h'],
      ['Maria', '00:00:31', 'I wake up at'],
      ['Dr. Lee', '00:00:45', 'That sounds '],
      ['Maria', '00:00:52', 'It is.'],
      ['Dr. Lee', '00:01:03', 'What do you '],
      ['Maria', '00:01:10', 'I check my p'],
    ]);
    // No role words, no front matter: the speaker who asks more questions is the therapist.
    assert.deepStrictEqual(parsed.speakers, [{ label: 'Dr. Lee', role: 'therapist' }, { label: 'Maria', role: 'client' }]);
    assert.deepStrictEqual(parsed.warnings, []);
  });

  it('labeled: front matter declares roles (several names per role) and keeps every key as metadata', () => {
    const parsed = parseFixture('front-matter.transcript');
    assert.deepStrictEqual(parsed.utterances.map((u) => [u.speaker, u.role, u.line]), [
      ['Alex', 'therapist', 7], ['Jordan', 'client', 8], ['Dr. Alex Kim', 'therapist', 9], ['Jordan', 'client', 10],
    ]);
    assert.deepStrictEqual(parsed.metadata, { therapist: 'Alex, Dr. Alex Kim', client: 'Jordan', session: '7', modality: 'MI' });
    assert.deepStrictEqual(parsed.warnings, []);
  });

  it('labeled: without declared roles, the speaker with the highest question rate is the therapist', () => {
    const parsed = parseFixture('question-rate.txt');
    // Robin speaks first but never asks; Casey asks in every turn.
    assert.deepStrictEqual(parsed.speakers, [{ label: 'Robin', role: 'client' }, { label: 'Casey', role: 'therapist' }]);
  });

  it('webvtt (Zoom): "Name:" prefixes, consecutive cues of one speaker merged with "\\n"', () => {
    const text = fixture('zoom.vtt');
    const parsed = parseFixture('zoom.vtt');
    assert.strictEqual(parsed.format, 'webvtt');
    assert.deepStrictEqual(rows(parsed), [
      ['Therapist', 'therapist', 5, '00:00:01', 'Hi, can you hear me all right?'],
      ['Client', 'client', 9, '00:00:05', 'Yes, I can. Sorry, my camera is dark.\nGive me a second.'],
      ['Therapist', 'therapist', 17, '00:00:12', 'No problem at all. How has running been going?'],
    ]);
    const merged = parsed.utterances[1];
    assert.strictEqual(merged.spans.length, 2, 'one span per merged cue');
    assert.strictEqual(text.slice(merged.start, merged.end).startsWith('Yes, I can.'), true);
    assert.strictEqual(text.slice(merged.start, merged.end).endsWith('Give me a second.'), true);
  });

  it('webvtt (Teams): header lines and NOTE blocks skipped, <v> voices, tags stripped, entities decoded', () => {
    const parsed = parseFixture('teams.vtt');
    assert.deepStrictEqual(rows(parsed), [
      ['Priya Shah', 'therapist', 9, '00:00:02', 'Thanks for making time today. What would you like to focus on?'],
      ['Tom Becker', 'client', 13, '00:00:06', 'Probably my temper at work.\nIt got bad last week & my manager noticed.'],
      ['Priya Shah', 'therapist', 21, '00:00:12', 'What did you notice in yourself\nwhen it happened?'],
    ]);
    assert.deepStrictEqual(parsed.warnings, []);
  });

  it('srt: numbered cues, "Name:" prefixes, an unnamed cue continues the previous speaker', () => {
    const parsed = parseFixture('session.srt');
    assert.strictEqual(parsed.format, 'srt');
    assert.deepStrictEqual(rows(parsed), [
      ['Counselor', 'therapist', 3, '00:00:01', 'What brings you in today?'],
      ['Client', 'client', 7, '00:00:04', 'My doctor said I should talk to someone.\nAbout my drinking.'],
      ['Counselor', 'therapist', 15, '00:00:09', 'What do you make of that?'],
    ]);
  });

  it('otter: "Name  m:ss" headers, multi-line text, the "Transcribed by" footer left out', () => {
    const parsed = parseFixture('otter.txt');
    assert.strictEqual(parsed.format, 'otter');
    assert.deepStrictEqual(rows(parsed), [
      ['Speaker 1', 'therapist', 3, '00:00:00', 'Thanks for coming in. What would you like to talk about?'],
      ['Speaker 2', 'client', 6, '00:00:06', "I guess my anxiety. It's been bad since the new job.\nLike, every morning."],
      ['Speaker 1', 'therapist', 10, '01:02:15', 'What happens in the mornings?'],
    ]);
  });

  it('the file name only breaks a tie: a .srt file holding labelled lines is read as labelled', () => {
    assert.strictEqual(parseTranscript('T: hello\nC: hi\n', { fileName: 'x.srt' }).format, 'labeled');
  });
});
