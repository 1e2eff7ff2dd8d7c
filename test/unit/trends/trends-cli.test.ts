import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { TrendsReport } from '../../../src/core/trends/trends';
import type { Analysis } from '../../../src/core/types';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from '../cli/run-cli';

const FIXTURES = path.join('test', 'fixtures', 'trends');
const SUMMARY_SCORES = ['allianceIndex', 'reflectionToQuestion', 'percentComplexReflections', 'percentOpenQuestions', 'collaborative', 'directive', 'clientTalkShare'] as const;

describe('alliance-lens trends (built dist/cli.js)', function () {
  this.timeout(120_000);
  before(() => ensureBuiltCli());

  const trends = () => {
    const run = runCli(['trends', FIXTURES, '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as TrendsReport;
  };

  it('groups the fixture folder by therapist, as worked out by hand', () => {
    // Front matter names Noor Haddad; without it, the therapist speaker's label: "Counsellor" by role word, "Kim" by
    // question rate; the client-only file has no therapist and comes last.
    const report = trends();
    assert.deepStrictEqual(report.groups.map((group) => [group.key, group.sessions.map((s) => path.basename(s.file))]), [
      ['Counsellor', ['2026-01-20 ari.txt']],
      ['Kim', ['zed.txt']],
      ['Noor Haddad', ['b-first.transcript', 'a-second.transcript', 'd-same-date.transcript', 'c-undated.transcript']],
      [null, ['monologue.txt']],
    ]);
  });

  it('reads dates and session numbers from front matter, and a date from a file name', () => {
    const sessions = trends().groups.flatMap((group) => group.sessions);
    assert.deepStrictEqual(sessions.map((s) => [path.basename(s.file), s.date, s.session]), [
      ['2026-01-20 ari.txt', '2026-01-20', null], ['zed.txt', null, null],
      ['b-first.transcript', '2026-02-03', 1], ['a-second.transcript', '2026-02-10', 2], ['d-same-date.transcript', '2026-02-10', null],
      ['c-undated.transcript', null, 3], ['monologue.txt', null, null],
    ]);
  });

  it('reports the scores analyze prints, and each change as the difference from the previous session', () => {
    const run = runCli(['analyze', FIXTURES, '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    const summaries = new Map((JSON.parse(run.stdout) as Analysis[]).map((analysis) => [analysis.file, analysis.summary]));
    const report = trends();
    assert.strictEqual(report.groups.flatMap((group) => group.sessions).length, summaries.size);
    for (const group of report.groups) {
      group.sessions.forEach((session, index) => {
        const summary = summaries.get(session.file);
        assert.ok(summary, session.file);
        for (const score of SUMMARY_SCORES) assert.strictEqual(session[score], summary[score], `${score} of ${session.file}`);
        assert.strictEqual(session.ruptures, summary.ruptures.withdrawal + summary.ruptures.confrontation);
        assert.strictEqual(session.repairedRuptures, summary.ruptureEvents.filter((event) => event.status === 'repaired').length);
        const previous = index > 0 ? group.sessions[index - 1] : null;
        for (const score of [...SUMMARY_SCORES, 'ruptures', 'repairedRuptures'] as const) {
          const before = previous?.[score] ?? null;
          const now = session[score];
          const expected = before === null || now === null ? null : now - before;
          const actual = session.change[score];
          assert.ok(expected === null ? actual === null : actual !== null && Math.abs(actual - expected) < 1e-9, `change of ${score} in ${session.file}: ${actual} vs ${expected}`);
        }
      });
    }
    // The Noor Haddad series holds a real change to check, not only nulls and zeros.
    const noor = report.groups.find((group) => group.key === 'Noor Haddad');
    assert.ok(noor?.sessions.slice(1).some((session) => (session.change.allianceIndex ?? 0) !== 0));
  });

  it('gives the same output with --jobs 2 as with --jobs 1', () => {
    const one = runCli(['trends', FIXTURES, '--format', 'csv', '--jobs', '1']);
    const two = runCli(['trends', FIXTURES, '--format', 'csv', '--jobs', '2']);
    assert.strictEqual(one.status, 0, one.stderr);
    assert.strictEqual(two.stdout, one.stdout);
  });

  it('groups by another front-matter key', () => {
    const run = runCli(['trends', path.join(FIXTURES, 'a-second.transcript'), path.join(FIXTURES, 'zed.txt'), '--group-by', 'client', '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.deepStrictEqual((JSON.parse(run.stdout) as TrendsReport).groups.map((group) => group.key), ['Kim', 'Ray']);
  });

  it('says when a date or session number cannot be read, and orders that session as undated', () => {
    const directory = tempDirectory({ 'x.txt': '---\ntherapist: Lee\ndate: 3 March\nsession: first\n---\nLee: How are you?\nSam: Fine.\n' });
    const run = runCli(['trends', directory, '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(run.stderr, /x\.txt: date "3 March" is not a YYYY-MM-DD date; the session is ordered as undated/);
    assert.match(run.stderr, /x\.txt: session "first" is not a number/);
    const [session] = (JSON.parse(run.stdout) as TrendsReport).groups[0].sessions;
    assert.deepStrictEqual([session.date, session.session], [null, null]);
  });

  it('writes HTML with --out, and refuses to overwrite an input', () => {
    const directory = tempDirectory({ 'a.txt': 'T: What brings you here?\nC: My sleep.\n' });
    const out = path.join(directory, 'trends.html');
    const run = runCli(['trends', directory, '--format', 'html', '--out', out]);
    assert.strictEqual(run.status, 0, run.stderr);
    assert.ok(fs.readFileSync(out, 'utf8').startsWith('<!DOCTYPE html>'));
    const input = path.join(directory, 'a.txt');
    const refused = runCli(['trends', input, '--out', input]);
    assert.strictEqual(refused.status, 2);
    assert.match(refused.stderr, /is one of the input/);
    assert.strictEqual(fs.readFileSync(input, 'utf8'), 'T: What brings you here?\nC: My sleep.\n');
  });

  it('refuses bad arguments with a clear message', () => {
    for (const [args, message] of [
      [['trends'], /give at least one transcript/],
      [['trends', FIXTURES, '--format', 'pdf'], /unknown format 'pdf'/],
      [['trends', FIXTURES, '--group-by', ' '], /--group-by needs a front-matter key/],
      [['trends', FIXTURES, '--jobs', '0'], /--jobs needs a whole number/],
    ] as const) {
      const run = runCli([...args]);
      assert.strictEqual(run.status, 2, args.join(' '));
      assert.match(run.stderr, message);
    }
  });

  it('is listed in the overview and reports a missing path without failing the others', () => {
    assert.match(runCli(['--help']).stdout, /trends +follow a trainee's sessions over time/);
    const run = runCli(['trends', path.join(FIXTURES, 'zed.txt'), path.join(FIXTURES, 'missing.txt'), '--format', 'json']);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /cannot read .*missing\.txt/);
    assert.strictEqual((JSON.parse(run.stdout) as TrendsReport).groups.length, 1);
  });

  it('finds the bundled trainee series in samples/', () => {
    const run = runCli(['trends', path.join(ROOT, 'samples', 'trainee-sessions'), '--format', 'json']);
    assert.strictEqual(run.status, 0, run.stderr);
    const [group] = (JSON.parse(run.stdout) as TrendsReport).groups;
    assert.ok(group.sessions.length >= 3);
    assert.ok(group.sessions.every((session) => session.date !== null && session.session !== null));
    const first = group.sessions[0];
    const last = group.sessions[group.sessions.length - 1];
    assert.ok(first.allianceIndex !== null && last.allianceIndex !== null && first.directive !== null && last.directive !== null);
    assert.ok(last.allianceIndex > first.allianceIndex && last.directive < first.directive, 'the series shows the trainee improving');
  });
});
