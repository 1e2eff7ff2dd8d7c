import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { evaluateRuptures, parseRuptureLabels, readRuptureFolder, type RuptureLabel } from '../../../src/cli/eval/ruptures';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from './run-cli';

// A tiny hand-made session whose engine codes are known (each line is one the built-in rules decide on its own), with
// labels chosen so that every cell of the arithmetic is exercised: a hit and a miss of each kind, a false alarm, and a
// repair label the engine disagrees with.
const TRANSCRIPT = [
  'Therapist: How have things been with your family?',
  "Client: I don't really want to talk about my dad.", // engine: withdrawal; label: withdrawal (hit)
  "Therapist: Okay. We don't have to go there today.", // change-task repair
  "Client: I feel like you're not really listening to me.", // engine: confrontation; label: confrontation (hit)
  'Therapist: You need to stop drinking this week.', // directive: no repair
  'Client: I want to cut down.', // engine: none; label: withdrawal (miss)
  'Therapist: Okay.',
  'Client: Whatever.', // engine: withdrawal; label: none (false alarm)
  'Therapist: Tell me about a usual evening.',
].join('\n');

const label = (utterance: number, text: string, expected: RuptureLabel['expected'], repair?: string[] | null): RuptureLabel =>
  ({ utterance, text, expected, ...(repair === undefined ? {} : { repair }) });

const LABELS = {
  transcript: 'mini.transcript',
  client: [
    label(1, "I don't really want to talk about my dad.", 'withdrawal', ['change-task']),
    label(3, "I feel like you're not really listening to me.", 'confrontation', null),
    // Labelled repaired, but the next three therapist turns hold no repair move: the engine says unaddressed.
    label(5, 'I want to cut down.', 'withdrawal', ['invite-feelings']),
    label(7, 'Whatever.', 'none'),
  ],
};

const folder = (labels: object = LABELS) => tempDirectory({ 'mini.transcript': TRANSCRIPT, 'mini.labels.json': JSON.stringify(labels) });

describe('eval --ruptures', function () {
  this.timeout(120_000);

  it('works out per-marker and rupture-vs-none precision, recall and F1, and the confusion', () => {
    const evaluation = evaluateRuptures(readRuptureFolder(folder()));
    assert.strictEqual(evaluation.n, 4);
    assert.deepStrictEqual(evaluation.items.map((item) => item.predicted), ['withdrawal', 'confrontation', 'none', 'withdrawal']);
    const withdrawal = evaluation.perClass.find((scores) => scores.label === 'withdrawal');
    const confrontation = evaluation.perClass.find((scores) => scores.label === 'confrontation');
    // Withdrawal: 1 hit, 1 miss, 1 false alarm -> P 1/2, R 1/2.
    assert.deepStrictEqual([withdrawal?.precision, withdrawal?.recall, withdrawal?.f1, withdrawal?.support], [0.5, 0.5, 0.5, 2]);
    assert.deepStrictEqual([confrontation?.precision, confrontation?.recall, confrontation?.f1], [1, 1, 1]);
    // Rupture vs none: 3 labelled, 3 predicted, 2 in common.
    assert.ok(Math.abs((evaluation.rupture.precision ?? 0) - 2 / 3) < 1e-9);
    assert.ok(Math.abs((evaluation.rupture.recall ?? 0) - 2 / 3) < 1e-9);
    assert.deepStrictEqual(evaluation.matrix.counts, [[1, 0, 1], [0, 1, 0], [1, 0, 0]]);
  });

  it('scores repair on every labelled rupture, found or not, and the move where both say repaired', () => {
    const evaluation = evaluateRuptures(readRuptureFolder(folder()));
    assert.deepStrictEqual(evaluation.repairs.map((repair) => [repair.labelRepaired, repair.engineRepaired, repair.engineMove]), [
      [true, true, 'change-task'],
      [false, false, null],
      [true, false, null],
    ]);
    assert.ok(Math.abs((evaluation.repairAccuracy ?? 0) - 2 / 3) < 1e-9);
    assert.deepStrictEqual([evaluation.moveAccuracy, evaluation.moveN], [1, 1]);
    // End to end: the coder found 2 of the 3 labelled ruptures, and got the repair status of both right.
    assert.deepStrictEqual(evaluation.endToEnd, { found: 2, repairRight: 2 });
  });

  it('refuses a label that points at the wrong turn, naming the file', () => {
    const shifted = { ...LABELS, client: [label(2, "I don't really want to talk about my dad.", 'withdrawal', null)] };
    assert.throws(() => evaluateRuptures(readRuptureFolder(folder(shifted))), /mini\.transcript: utterance 2 is .*therapist/);
  });

  it('refuses a rupture without a repair label, and a repair on a non-rupture', () => {
    assert.throws(() => parseRuptureLabels(JSON.stringify({ transcript: 'a', client: [{ utterance: 1, text: 'x', expected: 'withdrawal' }] }), 'a.labels.json'),
      /a\.labels\.json: item 1: a rupture needs "repair"/);
    assert.throws(() => parseRuptureLabels(JSON.stringify({ transcript: 'a', client: [{ utterance: 1, text: 'x', expected: 'none', repair: null }] }), 'a.labels.json'),
      /only a rupture has a "repair"/);
    assert.throws(() => parseRuptureLabels(JSON.stringify({ transcript: 'a', client: [{ utterance: 1, text: 'x', expected: 'withdrawal', repair: ['advice'] }] }), 'a.labels.json'),
      /"repair" must be null or a list of/);
  });

  it('prints the figures, the confusion and the misses from the command line', () => {
    ensureBuiltCli();
    const run = runCli(['eval', '--ruptures', folder()]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stdout, /3RS rupture markers on 4 labelled client utterances in 1 transcripts/);
    assert.match(run.stdout, /rupture vs none: F1 0\.667/);
    assert.match(run.stdout, /withdrawal +2 +0\.50 +0\.50 +0\.50/);
    assert.match(run.stdout, /accuracy 0\.667/);
    assert.match(run.stdout, /mini\.transcript:6 +expected withdrawal, got none: I want to cut down\./);
    assert.match(run.stdout, /mini\.transcript:8 +expected none, got withdrawal: Whatever\./);
  });

  it('reads the built-in set when no folder is given, also before another option', () => {
    ensureBuiltCli();
    for (const args of [['eval', '--ruptures'], ['eval', '--ruptures', '--misses', '3']]) {
      const run = runCli(args);
      assert.strictEqual(run.status, 0, run.stderr);
      assert.match(run.stdout, /labelled client utterances in \d+ transcripts \(.*test[\\/]fixtures[\\/]ruptures\)/);
    }
  });
});

describe('the built-in rupture set (test/fixtures/ruptures)', function () {
  this.timeout(120_000);
  const directory = path.join(ROOT, 'test', 'fixtures', 'ruptures');

  it('has at least 4 sessions and 60 labelled client turns, with both kinds of rupture and repaired and unrepaired ones', () => {
    const transcripts = readRuptureFolder(directory);
    const labels = transcripts.flatMap((transcript) => transcript.labels.client);
    assert.ok(transcripts.length >= 4, `${transcripts.length} sessions`);
    assert.ok(labels.length >= 60, `${labels.length} client turns`);
    for (const kind of ['withdrawal', 'confrontation']) assert.ok(labels.filter((item) => item.expected === kind).length >= 10, kind);
    assert.ok(labels.filter((item) => item.expected !== 'none' && item.repair === null).length >= 3, 'unrepaired ruptures');
    assert.ok(labels.filter((item) => item.expected === 'none').length >= labels.length / 2, 'non-ruptures');
    // Every labels file sits beside its transcript and no transcript is left unlabelled.
    const names = fs.readdirSync(directory);
    assert.deepStrictEqual(names.filter((name) => name.endsWith('.transcript')).sort(), transcripts.map((transcript) => transcript.name).sort());
  });

  it('labels every client turn of every session, here and in the held-out set', () => {
    for (const transcript of [...readRuptureFolder(directory), ...readRuptureFolder(path.join(ROOT, 'test', 'fixtures', 'ruptures-holdout'))]) {
      const clientLines = transcript.text.split('\n').filter((line) => line.startsWith('Client:')).length;
      assert.strictEqual(transcript.labels.client.length, clientLines, transcript.name);
    }
  });

  it('has a held-out set whose labels line up with its transcripts (its figures are reported, not asserted)', () => {
    const evaluation = evaluateRuptures(readRuptureFolder(path.join(ROOT, 'test', 'fixtures', 'ruptures-holdout')));
    assert.ok(evaluation.n >= 40 && evaluation.repairs.length >= 5, `${evaluation.n} client turns, ${evaluation.repairs.length} ruptures`);
  });

  it('keeps rupture F1 and repair accuracy at the figures the README reports (a training set: a regression guard)', () => {
    const evaluation = evaluateRuptures(readRuptureFolder(directory));
    console.log(`      rupture F1 ${evaluation.rupture.f1?.toFixed(3)}, repair accuracy ${evaluation.repairAccuracy?.toFixed(3)} on ${evaluation.n} client turns`);
    assert.ok((evaluation.rupture.f1 ?? 0) >= 0.85, `rupture F1 ${evaluation.rupture.f1}`);
    assert.ok((evaluation.repairAccuracy ?? 0) >= 0.9, `repair accuracy ${evaluation.repairAccuracy}`);
    // Every marker miss left is one the labels mark as depending on context the words do not carry (a push the
    // therapist coding did not see, a greeting).
    const misses = evaluation.items.filter((item) => item.predicted !== item.expected && !item.context?.length);
    assert.deepStrictEqual(misses.map((item) => `${item.file}:${item.line} ${item.text}`), []);
  });
});
