// What reviewers reported on the bundled directive sample, as expected codes: every line named in the report is
// coded the way a supervisor would sign off on, and the sample earns no "good" band.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, analyzeTranscript } from '../../../src/core/analyzer';
import type { AnalysedUtterance } from '../../../src/core/types';

// Tests run from out/test/unit/coding; the samples live at the repository root.
const sample = fs.readFileSync(path.resolve(__dirname, '../../../../samples/directive-session.transcript'), 'utf8');

describe('the directive sample, as reviewers read it', () => {
  const analysis = new Analyzer().analyze(sample, { fileName: 'directive-session.transcript' });
  const utterance = (start: string): AnalysedUtterance => {
    const found = analysis.utterances.find((candidate) => candidate.text.startsWith(start));
    assert.ok(found, `no utterance starts with "${start}"`);
    return found;
  };
  const highlighted = (item: AnalysedUtterance, stance: string) => item.findings.filter((finding) => finding.stance === stance)
    .map((finding) => sample.slice(finding.start, finding.end));

  it('flags the defensive denial and the topic refusal as ruptures', () => {
    assert.ok(utterance("I'm not avoiding anything").codes.includes('rupture.confrontation'));
    assert.ok(utterance("... I don't really want to talk about my dad").codes.includes('rupture.withdrawal'));
  });

  it('codes the confrontation and the warning as directive, and neither as a reflection', () => {
    for (const start of ["I understand, but it's important. You're just avoiding it", 'If you keep this up']) {
      const item = utterance(start);
      assert.strictEqual(item.stance, 'directive', start);
      assert.strictEqual(item.reflection, null, start);
      // Nor is any part of it highlighted as a reflection, which a supervisor would read as one.
      assert.deepStrictEqual(item.findings.filter((finding) => finding.code.startsWith('reflection.')).map((finding) => finding.rule), [], start);
    }
  });

  it('puts no collaborative highlight inside a directive', () => {
    assert.deepStrictEqual(highlighted(utterance('You have to commit if you want this to work'), 'collaborative'), []);
    assert.deepStrictEqual(highlighted(utterance('The smart move would be to set a quit date'), 'collaborative'), []);
  });

  it('never calls a rupture repaired when the therapist answers it with advice or orders', () => {
    const metWithDirectives = analysis.summary.ruptureEvents.filter((event) => {
      const reply = analysis.utterances.slice(event.utteranceIndex + 1).find((item) => item.role === 'therapist');
      return reply?.stance === 'directive';
    });
    assert.ok(metWithDirectives.length >= 3, `${metWithDirectives.length} ruptures answered by a directive`);
    for (const event of metWithDirectives) assert.notStrictEqual(event.status, 'repaired', `line ${event.line}`);
  });

  it('earns no good band: its reflection-to-question ratio is below fair', () => {
    assert.notStrictEqual(analysis.summary.bands.reflectionToQuestion, 'good');
    assert.notStrictEqual(analysis.summary.bands.percentComplexReflections, 'good');
  });
});

describe('other lines from the coding review', () => {
  const therapistAfter = (client: string, therapist: string) =>
    analyzeTranscript(`Client: ${client}\nTherapist: ${therapist}\n`).utterances[1];

  it('an order after a condition is directive', () => {
    assert.strictEqual(therapistAfter('How early should I leave?', 'If the drive takes thirty minutes, plan on forty-five.').stance, 'directive');
  });

  it('"Sure." to a request for permission is no withdrawal, and the advice after it repairs nothing', () => {
    const session = analyzeTranscript([
      'Therapist: Would it be okay if I mentioned something other people have found useful?',
      'Client: Sure.',
      'Therapist: You should get rid of every lighter in the house.',
    ].join('\n') + '\n');
    assert.ok(!session.utterances[1].codes.includes('rupture.withdrawal'));
    assert.deepStrictEqual(session.summary.ruptureEvents, []);
  });
});
