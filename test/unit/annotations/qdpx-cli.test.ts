// `export --format qdpx` and `import`, run as users run them (the built dist/cli.js): validation against REFI's
// schemas with xmllint, the round trip through an empty folder, and refusals that change nothing.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { unzipSync, zipSync } from 'fflate';
import { mergeCodebook } from '../../../src/core/annotations/codebook';
import { exportQdpx } from '../../../src/core/annotations/qdpx-export';
import { emptySidecar, parseSidecar, type Sidecar } from '../../../src/core/annotations/sidecar';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from '../cli/run-cli';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'annotations');
const TRANSCRIPT = path.join(FIXTURES, 'coded-session.transcript');
/** REFI-QDA's schemas, in the shared folder beside the repository (see its README). */
const SCHEMAS = path.resolve(ROOT, '..', 'shared', 'refi-qda');
const TRICKY = 'T: How was the week? 😊\r\nC: Ça va, the 👩‍👩‍👧 trip went well, but I\u0301 felt tired.\r\nT: You felt tired after the trip.\r\nC: Yes. I want to rest more.\r\n';

function xmllintAvailable(): boolean {
  return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Validates with xmllint when it is installed. In CI (CI=true) it must be: a missing validator fails the test
 * instead of passing it unchecked. Locally the structure tests still run, and the missing check is said plainly. */
function validate(file: string, schema: string): void {
  if (!xmllintAvailable()) {
    if (process.env.CI === 'true') assert.fail('xmllint is not installed, so the schema validation cannot run (.ci/run installs libxml2-utils)');
    console.log(`      NOT RUN: schema validation of ${path.basename(file)} against ${path.basename(schema)} (xmllint is not installed; apt-get install libxml2-utils)`);
    return;
  }
  assert.ok(fs.existsSync(schema), `${schema} exists`);
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, file], { encoding: 'utf8' });
  assert.strictEqual(result.status, 0, `${path.basename(file)} does not validate against ${path.basename(schema)}:\n${result.stderr}`);
}

function exportProject(args: string[], cwd = ROOT): { out: string; entries: Record<string, Uint8Array> } {
  const out = path.join(tempDirectory({}), 'project.qdpx');
  const run = runCli(['export', ...args, '--format', 'qdpx', '--out', out], cwd);
  assert.strictEqual(run.status, 0, run.stderr);
  return { out, entries: unzipSync(fs.readFileSync(out)) };
}

const readJson = (file: string): Sidecar => {
  const parsed = parseSidecar(fs.readFileSync(file, 'utf8'));
  assert.ok(parsed.ok);
  return parsed.sidecar;
};

describe('alliance-lens export --format qdpx and import (built dist/cli.js)', function () {
  this.timeout(60000);
  before(ensureBuiltCli);

  it('exports a project that validates against Project.xsd, and a codebook that validates against Codebook.xsd', () => {
    const folder = tempDirectory({ 'tricky.txt': TRICKY });
    const { entries } = exportProject([TRANSCRIPT, folder, '--auto']);
    const qde = path.join(tempDirectory({ 'project.qde': Buffer.from(entries['project.qde']!) }), 'project.qde');
    validate(qde, path.join(SCHEMAS, 'Project.xsd'));
    const qdc = path.join(tempDirectory({}), 'codebook.qdc');
    const run = runCli(['export', '--format', 'qdc', '--out', qdc]);
    assert.strictEqual(run.status, 0, run.stderr);
    validate(qdc, path.join(SCHEMAS, 'Codebook.xsd'));
  });

  it('round trip: two coders, memos and comments come back at the same text in an empty folder', () => {
    const { out } = exportProject([TRANSCRIPT]);
    const empty = tempDirectory({ 'coded-session.transcript': fs.readFileSync(TRANSCRIPT) });
    const run = runCli(['import', out, '--into', empty]);
    assert.strictEqual(run.status, 0, run.stderr);
    const original = readJson(`${TRANSCRIPT}.alliance.json`);
    const imported = readJson(path.join(empty, 'coded-session.transcript.alliance.json'));
    // Human codes: the coded segments and the accepted or replaced reviews of automatic findings.
    const codes = (sidecar: Sidecar, reviews: boolean) => [
      ...sidecar.annotations.map((a) => `${a.coder}|${[...a.codes].sort().join(',')}|${a.anchor.start}-${a.anchor.end}|${a.anchor.exact}|${a.memo}`),
      ...(reviews ? sidecar.decisions.filter((d) => d.verdict !== 'reject')
        .map((d) => `${d.coder}|${(d.verdict === 'accept' ? [d.code] : d.replacement!).sort().join(',')}|${d.anchor.start}-${d.anchor.end}|${d.anchor.exact}|`) : []),
    ].sort();
    assert.deepStrictEqual(codes(imported, false), codes(original, true));
    assert.deepStrictEqual(new Set(imported.annotations.map((a) => a.coder)), new Set(['ana', 'ben']));
    assert.ok(imported.annotations.some((a) => a.memo === 'tentative "maybe"'));
    const comments = (sidecar: Sidecar) => sidecar.comments.map((t) => `${t.anchor.exact}|${t.resolved}|${t.comments.map((c) => `${c.author}:${c.body}@${c.created}`).join('/')}`);
    assert.deepStrictEqual(comments(imported), comments(original));
    // Importing again adds nothing and leaves the file as it is.
    const before = fs.readFileSync(path.join(empty, 'coded-session.transcript.alliance.json'), 'utf8');
    const again = runCli(['import', out, '--into', empty]);
    assert.strictEqual(again.status, 0, again.stderr);
    assert.match(again.stdout, /already in the sidecars/);
    assert.strictEqual(fs.readFileSync(path.join(empty, 'coded-session.transcript.alliance.json'), 'utf8'), before);
  });

  it('keeps copies of one session apart: each folder\'s coding goes back to its own copy', () => {
    const layout = { 'ana/coded-session.transcript': fs.readFileSync(TRANSCRIPT), 'ana/coded-session.transcript.alliance.json': fs.readFileSync(`${TRANSCRIPT}.alliance.json`),
      'ben/coded-session.transcript': fs.readFileSync(TRANSCRIPT), 'ben/coded-session.transcript.alliance.json': fs.readFileSync(path.join(FIXTURES, 'ben', 'coded-session.transcript.alliance.json')) };
    const coded = tempDirectory(layout);
    const { out } = exportProject(['ana', 'ben'], coded);
    const empty = tempDirectory({ 'ana/coded-session.transcript': fs.readFileSync(TRANSCRIPT), 'ben/coded-session.transcript': fs.readFileSync(TRANSCRIPT) });
    const run = runCli(['import', out, '--into', empty]);
    assert.strictEqual(run.status, 0, run.stderr);
    const coders = (folder: string, name: string) => [...new Set(readJson(path.join(folder, name, 'coded-session.transcript.alliance.json')).annotations.map((a) => a.coder))].sort();
    assert.deepStrictEqual(coders(empty, 'ana'), coders(coded, 'ana'));
    assert.deepStrictEqual(coders(empty, 'ben'), ['ben']);
    assert.strictEqual(readJson(path.join(empty, 'ben', 'coded-session.transcript.alliance.json')).annotations.length, 4, "ben's three segments and his accepted finding");
  });

  it('keeps positions right through a CRLF transcript with emoji and accents', () => {
    const folder = tempDirectory({ 'tricky.txt': TRICKY });
    const sidecar = {
      schema: 'alliance-lens/sidecar', version: 1, transcript: 'tricky.txt', comments: [], decisions: [],
      annotations: ['trip went well', 'I\u0301 felt tired', 'rest more'].map((quote, i) => {
        const start = TRICKY.indexOf(quote);
        return { id: `a${i}`, coder: 'zoë', codes: ['talk.change'], memo: '', created: '2026-01-01T00:00:00.000Z',
          anchor: { utterance: 1, start, end: start + quote.length, exact: quote, prefix: TRICKY.slice(Math.max(0, start - 24), start), suffix: TRICKY.slice(start + quote.length, start + quote.length + 24) } };
      }),
    };
    fs.writeFileSync(path.join(folder, 'tricky.txt.alliance.json'), JSON.stringify(sidecar));
    const { out, entries } = exportProject([path.join(folder, 'tricky.txt')]);
    const source = Object.entries(entries).find(([name]) => name.startsWith('Sources/'))![1];
    const text = new TextDecoder().decode(source);
    assert.ok(!text.includes('\r'), 'sources are exchanged with LF line endings');
    const qde = new TextDecoder().decode(entries['project.qde']);
    const quotes = [...qde.matchAll(/startPosition="(\d+)" endPosition="(\d+)"/g)].map((m) => Array.from(text).slice(Number(m[1]), Number(m[2])).join(''));
    assert.deepStrictEqual(quotes, ['trip went well', 'I\u0301 felt tired', 'rest more']);
    const back = tempDirectory({ 'tricky.txt': TRICKY });
    assert.strictEqual(runCli(['import', out, '--into', back]).status, 0);
    const imported = readJson(path.join(back, 'tricky.txt.alliance.json'));
    assert.deepStrictEqual(imported.annotations.map((a) => TRICKY.slice(a.anchor.start, a.anchor.end)), ['trip went well', 'I\u0301 felt tired', 'rest more']);
  });

  it('refuses a malformed project with a clear message and writes nothing', () => {
    const folder = tempDirectory({ 'coded-session.transcript': fs.readFileSync(TRANSCRIPT) });
    const slip = path.join(tempDirectory({}), 'slip.qdpx');
    fs.writeFileSync(slip, zipSync({ 'project.qde': new TextEncoder().encode('<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'), '../../evil.txt': new Uint8Array([1]) }));
    const run = runCli(['import', slip, '--into', folder]);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /climbs out of the archive/);
    assert.match(run.stderr, /nothing was written/);
    assert.deepStrictEqual(fs.readdirSync(folder), ['coded-session.transcript']);
  });

  it('refuses to write over a broken sidecar, and needs --out for a project', () => {
    const { out } = exportProject([TRANSCRIPT]);
    const folder = tempDirectory({ 'coded-session.transcript': fs.readFileSync(TRANSCRIPT), 'coded-session.transcript.alliance.json': '{ broken' });
    const run = runCli(['import', out, '--into', folder]);
    assert.strictEqual(run.status, 1);
    assert.strictEqual(fs.readFileSync(path.join(folder, 'coded-session.transcript.alliance.json'), 'utf8'), '{ broken');
    const noOut = runCli(['export', TRANSCRIPT, '--format', 'qdpx']);
    assert.strictEqual(noOut.status, 2);
    assert.match(noOut.stderr, /give --out PROJECT\.qdpx/);
  });

  it('adds unknown codes to the codebook only with --add-codes, and writes nothing on --dry-run', () => {
    const text = 'T: How was the week?\nC: Better. I slept well.\n';
    const start = text.indexOf('I slept well.');
    const sidecar = { ...emptySidecar('week.txt'), annotations: [{ id: 'a', coder: 'maria', codes: ['sleep'], memo: '', created: '2026-01-01T00:00:00.000Z',
      anchor: { utterance: 1, start, end: start + 'I slept well.'.length, exact: 'I slept well.', prefix: '', suffix: '' } }] };
    const codebook = [...mergeCodebook(null), { id: 'sleep', name: 'Sleep', description: '', color: '#336699', parent: null, codable: true, builtIn: false, guid: 'abcdef01-2345-4678-89ab-cdef01234567' }];
    const project = path.join(tempDirectory({}), 'other.qdpx');
    fs.writeFileSync(project, exportQdpx([{ name: 'week.txt', text, analysis: { speakers: [], metadata: {}, utterances: [] }, sidecar }], { projectName: 'other', codebook }).bytes);
    const folder = tempDirectory({ 'week.txt': text });
    const without = runCli(['import', project, '--into', folder]);
    assert.strictEqual(without.status, 0, without.stderr);
    assert.match(without.stdout, /rerun with --add-codes.*"Sleep"/);
    assert.match(without.stdout, /not placed: .*maria's code "Sleep" is not in the workspace codebook/);
    assert.deepStrictEqual(fs.readdirSync(folder), ['week.txt'], 'nothing to write without the code');
    const dry = runCli(['import', project, '--into', folder, '--add-codes', '--dry-run']);
    assert.strictEqual(dry.status, 0, dry.stderr);
    assert.match(dry.stdout, /dry run: would write 2 file/);
    assert.deepStrictEqual(fs.readdirSync(folder), ['week.txt']);
    const run = runCli(['import', project, '--into', folder, '--add-codes']);
    assert.strictEqual(run.status, 0, run.stderr);
    const written = JSON.parse(fs.readFileSync(path.join(folder, '.alliance-lens', 'codebook.json'), 'utf8')) as { codes: Array<{ id: string; color: string }> };
    assert.deepStrictEqual(written.codes.map((code) => [code.id, code.color]), [['sleep', '#336699']]);
    assert.deepStrictEqual(readJson(path.join(folder, 'week.txt.alliance.json')).annotations.map((a) => [a.coder, a.codes, a.anchor.exact]), [['maria', ['sleep'], 'I slept well.']]);
  });

  it('fails when no source matches a transcript, and lists the source', () => {
    const { out } = exportProject([TRANSCRIPT]);
    const folder = tempDirectory({ 'other.txt': 'T: Something else.\nC: Entirely.\n' });
    const run = runCli(['import', out, '--into', folder]);
    assert.strictEqual(run.status, 1);
    assert.match(run.stderr, /"coded-session\.transcript" matches no transcript/);
    assert.deepStrictEqual(fs.readdirSync(folder), ['other.txt']);
  });
});
