import * as assert from 'assert';
import { parseTranscript } from '../../../src/core/transcript';
import { assertOffsetsHold, rows } from './fixtures';

function parse(text: string, fileName?: string) {
  const parsed = parseTranscript(text, { fileName });
  assertOffsetsHold(text, parsed);
  return parsed;
}

describe('transcript rules', () => {
  describe('labels', () => {
    it('reads a label used only once as ordinary text, with a warning naming its line', () => {
      const parsed = parse('Sam: Hi.\nAlex: Hello?\nSam: I had a plan.\nStep one: call her.\nAlex: Good?\n');
      assert.deepStrictEqual(parsed.utterances.map((u) => u.text), ['Hi.', 'Hello?', 'I had a plan.\nStep one: call her.', 'Good?']);
      assert.strictEqual(parsed.warnings.length, 1);
      assert.strictEqual(parsed.warnings[0].line, 4);
      assert.match(parsed.warnings[0].message, /"Step one:".*only once/);
    });

    it('counts a role word as a speaker even when it appears once, in any case', () => {
      const parsed = parse('THERAPIST: How are you?\nclient: ok\nTh: And?\ncl: fine\nCOUNSELLOR: good\nPatient: yes\n');
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.speaker, u.role]), [
        ['THERAPIST', 'therapist'], ['client', 'client'], ['Th', 'therapist'], ['cl', 'client'],
        ['COUNSELLOR', 'therapist'], ['Patient', 'client'],
      ]);
    });

    it('treats labels that differ only in case as one speaker', () => {
      const parsed = parse('Maria: hi\nMARIA: hello\nmaria: hey\n');
      assert.deepStrictEqual(parsed.speakers.map((s) => s.label), ['Maria']);
      assert.deepStrictEqual(parsed.utterances.map((u) => u.speaker), ['Maria', 'Maria', 'Maria']);
    });

    it('accepts titles, handles and multi-word names, but not URLs, clock times or five-word phrases', () => {
      const parsed = parse([
        'Dr. Lee: one', '@Sam: two', 'Dr. Lee: three', '@Sam: four',
        'http://example.org: not a label', 'http://example.org: still not',
        'T:10:30 is not a label', 'T:10:30 is not a label either',
        'C:3.5 hours a day, she said',
        'The thing I want is: five words', 'The thing I want is: five words',
      ].join('\n'));
      assert.deepStrictEqual(parsed.utterances.map((u) => u.speaker), ['Dr. Lee', '@Sam', 'Dr. Lee', '@Sam', 'C']);
      assert.ok(parsed.utterances[3].text.endsWith('not a label either'));
      assert.ok(parsed.utterances[4].text.startsWith('3.5 hours') && parsed.utterances[4].text.endsWith('five words'));
    });

    it('reads bold labels and labels with a qualifier in parentheses, taking the role from either part', () => {
      const parsed = parse('**Interviewer (Dr. Smith):** Where shall we start?\n**Ana**: With work.\nDr. Smith (therapist): Okay.\nAna: Fine.\n');
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.speaker, u.role, u.text]), [
        ['Interviewer (Dr. Smith)', 'therapist', 'Where shall we start?'], ['Ana', 'client', 'With work.'],
        ['Dr. Smith (therapist)', 'therapist', 'Okay.'], ['Ana', 'client', 'Fine.'],
      ]);
    });

    it('gives names that are also object property names no special meaning', () => {
      const parsed = parse('---\n__proto__: x\nconstructor: y\n---\nconstructor: Why?\ntoString: No.\nconstructor: How?\ntoString: Yes.\n');
      assert.deepStrictEqual(parsed.speakers, [{ label: 'constructor', role: 'therapist' }, { label: 'toString', role: 'client' }]);
      assert.deepStrictEqual(Object.entries(parsed.metadata), [['__proto__', 'x'], ['constructor', 'y']]);
    });

    it('ignores the preamble before the first turn and keeps blank lines inside a turn', () => {
      const parsed = parse('Session 12\nSupervisor copy\n\nT: First line\n\n\nstill mine\n\nC: yes');
      assert.deepStrictEqual(rows(parsed), [
        ['T', 'therapist', 4, null, 'First line\n\n\nstill mine'],
        ['C', 'client', 9, null, 'yes'],
      ]);
    });

    it('keeps an empty turn as an empty utterance at the end of its label', () => {
      const text = 'T:\nC: hello\n';
      const parsed = parse(text);
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.text, u.start, u.end]), [['', 2, 2], ['hello', 6, 11]]);
    });
  });

  describe('text encodings and layout', () => {
    it('handles CRLF and a BOM with exact UTF-16 offsets; continuation lines keep "\\r\\n"', () => {
      const text = '\uFEFFT: Hello there\r\nsecond line\r\nC: Hi\r\n';
      const parsed = parse(text);
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.text, u.start, u.line]), [
        ['Hello there\r\nsecond line', 4, 1], ['Hi', 33, 3],
      ]);
    });

    it('takes a lone "\\r" as a line break, as VS Code does', () => {
      const parsed = parse('T: one\rC: two\rT: three');
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.line, u.text]), [[1, 'one'], [2, 'two'], [3, 'three']]);
    });

    it('handles tabs, emoji, accents and right-to-left labels', () => {
      const text = 'José:\tHola 👋🏽 ¿cómo estás?\nالمعالج: كيف حالك؟\nJosé: Bien 😊\n\u200Fالمعالج: جيد\nÉLODIE: ça va\n';
      const parsed = parse(text);
      // ÉLODIE starts a line only once and is no role word, so it continues the turn before it.
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.speaker, u.text]), [
        ['José', 'Hola 👋🏽 ¿cómo estás?'], ['المعالج', 'كيف حالك؟'], ['José', 'Bien 😊'], ['المعالج', 'جيد\nÉLODIE: ça va'],
      ]);
      const emoji = parsed.utterances[2];
      assert.strictEqual(text.slice(emoji.start, emoji.end), 'Bien 😊');
    });
  });

  describe('timestamps', () => {
    it('normalises to hh:mm:ss, dropping fractions, and carries minutes past the hour in mm:ss', () => {
      const parsed = parse('[1:02:03.75] T: a\n[75:10] C: b\n#00:00:01.5# T: c\n');
      assert.deepStrictEqual(parsed.utterances.map((u) => u.timestamp), ['01:02:03', '01:15:10', '00:00:01']);
    });

    it('warns about timestamps that go backwards and about impossible ones, which are dropped', () => {
      const parsed = parse('[00:05:00] T: a\n[00:04:00] C: b\n[00:75:00] T: c\n');
      assert.deepStrictEqual(parsed.utterances.map((u) => u.timestamp), ['00:05:00', '00:04:00', null]);
      assert.deepStrictEqual(parsed.warnings.map((w) => w.line), [2, 3]);
      assert.match(parsed.warnings[0].message, /backwards/);
      assert.match(parsed.warnings[1].message, /Impossible timestamp \[00:75:00\]/);
    });
  });

  describe('roles', () => {
    it('warns when more than two speakers have no declared roles, and makes the rest "other"', () => {
      const parsed = parse('Ann: How are you?\nBob: ok\nCat: fine\nAnn: Why?\nBob: no\nCat: yes\n');
      assert.deepStrictEqual(parsed.speakers.map((s) => s.role), ['therapist', 'client', 'other']);
      assert.strictEqual(parsed.warnings.length, 1);
      assert.match(parsed.warnings[0].message, /3 speakers and no declared roles/);
    });

    it('fills only the role the labels leave open: a named speaker next to "Therapist" is the client', () => {
      const parsed = parse('Therapist: Hello\nDana: What do I do?\nTherapist: Tell me more.\nDana: Why?\n');
      assert.deepStrictEqual(parsed.speakers, [{ label: 'Therapist', role: 'therapist' }, { label: 'Dana', role: 'client' }]);
    });

    it('names the undeclared role when it guesses among several speakers', () => {
      const parsed = parse('T: Hello?\nDana: Hi?\nEli: Hm.\nT: And you?\nDana: Me?\nEli: Yes.\n');
      assert.deepStrictEqual(parsed.speakers.map((s) => s.role), ['therapist', 'client', 'other']);
      assert.strictEqual(parsed.warnings.length, 1);
      assert.match(parsed.warnings[0].message, /^3 speakers and no declared client: guessed Dana as client by how often/);
    });

    it('front matter roles beat question rates and make a once-used name a speaker', () => {
      const parsed = parse('---\ntherapist: Kim\nclient: Lou\n---\nLou: Why? Why? Why?\nKim: I hear you.\n');
      assert.deepStrictEqual(parsed.speakers, [{ label: 'Lou', role: 'client' }, { label: 'Kim', role: 'therapist' }]);
    });
  });

  describe('warnings for malformed input', () => {
    it('reads an unclosed leading "---" block as transcript, not front matter, and says so', () => {
      const parsed = parse('---\ntherapist: Kim\nclient: Lou\nKim says hello\nLou: hi\nKim: welcome\n');
      assert.deepStrictEqual(parsed.utterances.map((u) => [u.speaker, u.role, u.text]),
        [['therapist', 'therapist', 'Kim'], ['client', 'client', 'Lou\nKim says hello\nLou: hi\nKim: welcome']]);
      assert.deepStrictEqual(parsed.warnings.map((w) => w.line), [1, 5, 6]);
      assert.match(parsed.warnings[0].message, /no "---" line closes the block \(line 4 is not "key: value"\), so it is not front matter/);
    });

    it('never swallows turns after an unclosed "---": every "T:"/"C:" line stays an utterance', () => {
      const turns = Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? `T: How was week ${i}?` : `C: Fine, week ${i} was fine.`));
      const parsed = parse(['---', ...turns, ''].join('\n'));
      assert.strictEqual(parsed.utterances.length, 250);
      assert.deepStrictEqual(parsed.utterances.slice(0, 2).map((u) => [u.speaker, u.line]), [['T', 2], ['C', 3]]);
      const short = parse('---\nT: Hello, how are you?\nC: Fine.\nT: Good?\n');
      assert.deepStrictEqual(short.utterances.map((u) => u.text), ['Hello, how are you?', 'Fine.', 'Good?']);
    });

    it('still reads a closed front matter block, and a "---" rule above ordinary turns is no front matter', () => {
      const closed = parse('---\ntherapist: Kim\nclient: Lou\n---\nKim: Hello?\nLou: Hi.\n');
      assert.deepStrictEqual(closed.utterances.map((u) => [u.speaker, u.role]), [['Kim', 'therapist'], ['Lou', 'client']]);
      assert.deepStrictEqual(closed.warnings, []);
    });

    it('warns about a malformed cue and keeps its text', () => {
      const parsed = parse('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nT: Hello\n\n00:00:xx --> soon\nC: Hi there\n');
      assert.deepStrictEqual(rows(parsed), [['T', 'therapist', 4, '00:00:01', 'Hello'], ['C', 'client', 7, null, 'Hi there']]);
      assert.strictEqual(parsed.warnings.length, 1);
      assert.strictEqual(parsed.warnings[0].line, 6);
      assert.match(parsed.warnings[0].message, /Malformed cue timing/);
    });

    it('splits a cue that holds two voices, each line starting with its own speaker', () => {
      const parsed = parse('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Therapist>How are you?</v>\n<v Client>Tired.</v>\n\n'
        + '00:00:03.000 --> 00:00:05.000\n<v Client>Very tired.</v>\n');
      assert.deepStrictEqual(rows(parsed), [
        ['Therapist', 'therapist', 4, '00:00:01', 'How are you?'], ['Client', 'client', 5, '00:00:01', 'Tired.\nVery tired.'],
      ]);
    });

    it('finds a speaker name behind styling tags in SRT cues', () => {
      const parsed = parse('1\n00:00:00,500 --> 00:00:02,000\n<font color="#ff0">Therapist:</font> Where to begin?\n\n'
        + '2\n00:00:02,500 --> 00:00:05,000\n{\\an8}Client: I don\'t know &amp; <b>I don\'t</b> care.\n');
      assert.deepStrictEqual(rows(parsed), [
        ['Therapist', 'therapist', 3, '00:00:00', 'Where to begin?'], ['Client', 'client', 7, '00:00:02', "I don't know & I don't care."],
      ]);
    });

    it('keeps cues that name no speaker under "(no name)" with a warning, until a cue names someone', () => {
      const parsed = parse('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello?\n\n00:00:02.000 --> 00:00:03.000\nAnyone?\n\n'
        + '00:00:03.000 --> 00:00:04.000\n<v Sam>Yes.\n\n00:00:04.000 --> 00:00:05.000\nI am here.\n');
      assert.deepStrictEqual(rows(parsed), [['(no name)', 'other', 4, '00:00:01', 'Hello?\nAnyone?'], ['Sam', 'therapist', 10, '00:00:03', 'Yes.\nI am here.']]);
      assert.deepStrictEqual(parsed.warnings.map((w) => w.line), [4]);
      assert.match(parsed.warnings[0].message, /names no speaker/);
    });

    it('reads Otter headers separated by a tab and times past the hour', () => {
      const parsed = parse('Dr. Kay\t59:58\nShall we stop here?\n\nJo\t1:00:03\nYes.\n');
      assert.strictEqual(parsed.format, 'otter');
      assert.deepStrictEqual(rows(parsed), [['Dr. Kay', 'therapist', 1, '00:59:58', 'Shall we stop here?'], ['Jo', 'client', 4, '01:00:03', 'Yes.']]);
    });

    it('warns about an SRT block without a timing line and keeps its text', () => {
      const parsed = parse('1\n00:00:01,000 --> 00:00:02,000\nT: Hello\n\nstray words\n', 'a.srt');
      assert.deepStrictEqual(parsed.utterances.map((u) => u.text), ['Hello\nstray words']);
      assert.deepStrictEqual(parsed.warnings.map((w) => w.line), [5]);
    });

    it('says what a labelled line looks like when no turn is found', () => {
      const parsed = parse('Just some notes\nwithout any speakers.\n');
      assert.strictEqual(parsed.utterances.length, 0);
      assert.strictEqual(parsed.warnings.length, 1);
      assert.match(parsed.warnings[0].message, /No speaker turns found.*"Therapist: /);
    });

    it('gives zero utterances and one warning for empty or whitespace-only text', () => {
      for (const text of ['', '   ', '\n\r\n\t \n']) {
        const parsed = parse(text);
        assert.strictEqual(parsed.utterances.length, 0);
        assert.strictEqual(parsed.warnings.length, 1);
        assert.strictEqual(parsed.refused, undefined);
      }
    });

    it('refuses a value that is not text instead of throwing (plain JavaScript callers)', () => {
      for (const value of [undefined, null, 42, { text: 'T: hi' }]) {
        const parsed = parseTranscript(value as unknown as string);
        assert.strictEqual(parsed.utterances.length, 0);
        assert.match(parsed.refused ?? '', /Expected the transcript as text/);
      }
    });

    it('refuses text with NUL bytes with a clear message', () => {
      const parsed = parse('T: hello\u0000\u0001\u0002');
      assert.strictEqual(parsed.utterances.length, 0);
      assert.match(parsed.refused ?? '', /NUL bytes.*binary/);
    });

    it('caps a flood of identical warnings and says how many were left out', () => {
      const text = 'T: a\nC: b\n' + Array.from({ length: 120 }, (_, i) => `Word${i}: once`).join('\n');
      const parsed = parse(text);
      assert.strictEqual(parsed.warnings.length, 51);
      assert.match(parsed.warnings[50].message, /^70 more warnings/);
    });
  });
});
