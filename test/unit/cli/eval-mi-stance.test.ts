import * as assert from 'assert';
import { evaluateMiStance } from '../../../src/cli/eval/mi-stance';
import { ensureBuiltCli, runCli, tempDirectory } from './run-cli';

// A miniature of the MITI-coded sentence folder, written for the test: one Therapist: line per sentence and a
// labels.jsonl row per line. A Support row has no stance and must be left out of the stance figures.
const label = (index: number, sourceLabel: string, stance: string | null, behaviour: string | null) =>
  JSON.stringify({ file: 'mini.txt', index_in_file: index, source_label: sourceLabel, stance, behaviour });
const FOLDER = {
  'mini.txt': [
    'Therapist: You should throw them all away tonight.',
    'Therapist: It is entirely your decision.',
    'Therapist: How long have you been drinking?',
    'Therapist: I am so sorry you are going through this.',
  ].join('\n'),
  'labels.jsonl': [
    label(0, 'Direct', 'directive', null),
    label(1, 'Emphasize Autonomy', 'collaborative', null),
    label(2, 'Open Question', 'neutral', 'question'),
    label(3, 'Support', null, null),
  ].join('\n'),
};

describe('eval --mi-stance', function () {
  this.timeout(120_000);

  it('scores stance on labelled rows only and behaviour where the label decides it', () => {
    const evaluation = evaluateMiStance(tempDirectory(FOLDER));
    assert.strictEqual(evaluation.items.length, 4);
    assert.strictEqual(evaluation.stanceN, 3);
    assert.strictEqual(evaluation.behaviourN, 1);
    assert.deepStrictEqual(evaluation.items.slice(0, 3).map((item) => item.predictedStance), ['directive', 'collaborative', 'neutral']);
    assert.strictEqual(evaluation.macroF1, 1);
    assert.deepStrictEqual(evaluation.bySourceLabel.find((row) => row.label === 'Direct')?.counts, { collaborative: 0, directive: 1, neutral: 0 });
  });

  it('names the row when labels.jsonl points past the end of a file', () => {
    const directory = tempDirectory({ ...FOLDER, 'labels.jsonl': label(9, 'Direct', 'directive', null) });
    assert.throws(() => evaluateMiStance(directory), /mini\.txt: labels\.jsonl names utterance 9, the file has 4/);
  });

  it('prints macro-F1, the confusion and the per-label table from the command line', () => {
    ensureBuiltCli();
    const run = runCli(['eval', '--mi-stance', tempDirectory(FOLDER)]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /stance on 3 MITI-coded counsellor sentences/);
    assert.match(run.stdout, /macro-F1 1\.000/);
    assert.match(run.stdout, /Emphasize Autonomy +1 +0 +0/);
  });

  it('prints, with --cue-agreement, how often each stance cue agreed with the labels, as the JSON stored beside the rules', () => {
    ensureBuiltCli();
    // The persuasion cue fires twice: once on a sentence coded directive, once on one the labels call neutral.
    const folder = tempDirectory({
      'mini.txt': `${FOLDER['mini.txt']}\nTherapist: You should know the results by Friday.`,
      'labels.jsonl': `${FOLDER['labels.jsonl']}\n${label(4, 'Give Information', 'neutral', 'input')}`,
    });
    const run = runCli(['eval', '--mi-stance', folder, '--cue-agreement']);
    assert.strictEqual(run.status, 0, run.stderr);
    const table = JSON.parse(run.stdout) as { measuredOn: string; cues: Record<string, { stance: string; fired: number; agreed: number }> };
    assert.match(table.measuredOn, /4 MITI-coded counsellor sentences$/);
    assert.deepStrictEqual(table.cues['directive.persuade.should'], { stance: 'directive', fired: 2, agreed: 1 });
    assert.deepStrictEqual(table.cues['collaborative.autonomy.choice'], { stance: 'collaborative', fired: 1, agreed: 1 });
    assert.ok(Object.values(table.cues).every((cue) => cue.stance !== 'neutral'));
  });

  it('says what is missing when the folder has no labels', () => {
    ensureBuiltCli();
    const run = runCli(['eval', '--mi-stance', tempDirectory({ 'a.txt': 'Therapist: Hello.' })]);
    assert.notStrictEqual(run.status, 0);
    assert.match(run.stderr, /no labels\.jsonl/);
  });
});
