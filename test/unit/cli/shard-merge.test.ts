// Corpora beyond one machine: `analyze --shard K/N`, `--format jsonl` and `merge`, run as users run them (the built
// dist/cli.js), and the pieces they rest on: JSON written in pieces, the shard hash, the walk order.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { writeJson } from '../../../src/cli/formats/json-stream';
import { compareWalkOrder, findTranscriptFiles } from '../../../src/cli/files';
import { commonRoot, filesInShard, parseShard, shardKey, shardOfKey } from '../../../src/cli/shard';
import { ensureBuiltCli, ROOT, runCli, tempDirectory } from './run-cli';

const CORPUS_SOURCES = [path.join(ROOT, 'samples'), path.join(ROOT, 'test', 'fixtures', 'transcripts')];

/** A corpus folder: the samples and the fixture transcripts, in subfolders whose names sort differently as whole
 * paths than folder by folder ("a" before "a-b" in a walk, after it in a string sort). */
function corpus(): string {
  const root = tempDirectory({});
  fs.cpSync(CORPUS_SOURCES[0], path.join(root, 'corpus', 'a'), { recursive: true });
  fs.cpSync(CORPUS_SOURCES[1], path.join(root, 'corpus', 'a-b'), { recursive: true });
  return root;
}

function pieces(value: unknown, indent: number, depth?: number): string[] {
  const written: string[] = [];
  writeJson(value, (text) => written.push(text), { indent, depth });
  return written;
}

describe('JSON written in pieces', () => {
  const tricky = {
    empty: [], none: {}, missing: undefined, fn: () => 1, nested: [[], [{}], [1, [2, { a: null }]]],
    text: 'line\nbreak "quoted" \u2028 😊 \u0000', numbers: [0, -1.5, 1e21, NaN, Infinity], list: [undefined, () => 2],
    date: new Date(0), map: new Map(), deeper: { a: { b: { c: { d: ['e'] } } } },
  };

  it('is byte for byte JSON.stringify(value, null, indent), for any depth of streaming', () => {
    for (const indent of [0, 2, 4]) {
      for (const depth of [0, 1, 2, 3, 10]) {
        assert.strictEqual(pieces(tricky, indent, depth).join(''), JSON.stringify(tricky, null, indent), `indent ${indent}, depth ${depth}`);
      }
    }
    for (const value of [[], {}, null, 'text', 0, [[[]]]]) assert.strictEqual(pieces(value, 2).join(''), JSON.stringify(value, null, 2));
  });

  it('hands a large array on in several pieces rather than one string', () => {
    const large = Array.from({ length: 20000 }, (_, index) => ({ index, text: `utterance ${index}` }));
    const written = pieces({ utterances: large }, 2);
    assert.ok(written.length > 10, `only ${written.length} pieces`);
    assert.strictEqual(written.join(''), JSON.stringify({ utterances: large }, null, 2));
  });
});

describe('--shard K/N: the partition', () => {
  it('refuses K/N outside 1 <= K <= N, and anything that is not K/N, with a message that says why', () => {
    assert.deepStrictEqual(parseShard('2/5'), { index: 2, count: 5 });
    assert.deepStrictEqual(parseShard(' 1 / 1 '), { index: 1, count: 1 });
    assert.throws(() => parseShard('0/3'), /K must be between 1 and N \(3\)/);
    assert.throws(() => parseShard('4/3'), /K must be between 1 and N \(3\)/);
    assert.throws(() => parseShard('1/0'), /N, the number of shards, must be at least 1/);
    for (const bad of ['x', '1', '1/2/3', '-1/3', '1.5/3', '']) assert.throws(() => parseShard(bad), /--shard needs K\/N/);
  });

  it('keys a file by SHA-256 of its path below the common root, as the README documents', () => {
    // sha256("samples/a.transcript") begins 10b0d8af: 280025263 mod 3 = 1, so shard 2.
    assert.strictEqual(shardOfKey('samples/a.transcript', 3), 2);
    assert.strictEqual(shardOfKey('samples/a.transcript', 1), 1);
    assert.strictEqual(commonRoot(['/data/x/a/1.txt', '/data/x/b/2.txt']), path.resolve('/data/x'));
    assert.strictEqual(shardKey('/data/x/b/2.txt', '/data/x'), 'b/2.txt');
    // A name stored decomposed (as macOS may) has the key of its composed form.
    assert.strictEqual(shardKey('/d/Cafe\u0301.txt', '/d'), 'Caf\u00e9.txt');
  });

  it('gives every file exactly one shard, and the same shard wherever the folder is and however it is named', () => {
    const first = corpus();
    const second = corpus();
    const found = findTranscriptFiles([path.join(first, 'corpus')]).files;
    const relative = (root: string, files: string[]) => files.map((file) => path.relative(root, file));
    for (const count of [1, 2, 3, 7]) {
      const shards = Array.from({ length: count }, (_, index) => filesInShard(found, { index: index + 1, count }));
      assert.deepStrictEqual(shards.flat().sort(), [...found].sort(), `N = ${count}: each file once`);
      for (let index = 1; index <= count; index++) {
        const elsewhere = filesInShard(findTranscriptFiles([path.join(second, 'corpus', 'a-b'), path.join(second, 'corpus', 'a')]).files, { index, count });
        assert.deepStrictEqual(relative(second, elsewhere).sort(), relative(first, shards[index - 1]).sort(), `shard ${index}/${count} in another folder`);
      }
    }
  });

  it('orders paths as the walk of one folder finds them (folder by folder), not as a string sort would', () => {
    const root = corpus();
    const found = findTranscriptFiles([path.join(root, 'corpus')]).files;
    const shuffled = [...found].reverse().sort((a, b) => (a < b ? -1 : 1));
    assert.notDeepStrictEqual(shuffled, found, 'a string sort differs from the walk here');
    assert.deepStrictEqual(shuffled.sort(compareWalkOrder), found);
  });
});

describe('alliance-lens analyze --shard, --format jsonl and merge (built dist/cli.js)', function () {
  this.timeout(120000);
  before(ensureBuiltCli);

  const run = (args: string[], cwd: string) => {
    const result = runCli(args, cwd);
    assert.strictEqual(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    return result;
  };

  it('writes one Analysis per line with --format jsonl, each the same object as in --format json', () => {
    const root = corpus();
    const json = JSON.parse(run(['analyze', 'corpus', '--format', 'json', '--jobs', '1'], root).stdout) as unknown[];
    const lines = run(['analyze', 'corpus', '--format', 'jsonl', '--jobs', '1'], root).stdout.split('\n');
    assert.strictEqual(lines.pop(), '', 'ends with a line break');
    assert.strictEqual(lines.length, json.length);
    assert.ok(json.length >= 10);
    lines.forEach((line, index) => assert.strictEqual(line, JSON.stringify(json[index])));
  });

  it('merges the shards of any N (run with --jobs 1 and 2) into the summary CSV, JSON and trends of one run, byte for byte', () => {
    const root = corpus();
    const single = {
      summary: run(['analyze', 'corpus', '--format', 'summary'], root).stdout,
      json: run(['analyze', 'corpus', '--format', 'json'], root).stdout,
      trends: run(['trends', 'corpus', '--format', 'json'], root).stdout,
      trendsHtml: run(['trends', 'corpus', '--format', 'html', '--group-by', 'client'], root).stdout,
    };
    for (const count of [1, 3]) {
      const outputs = Array.from({ length: count }, (_, index) => {
        const out = path.join(root, `shard-${count}-${index + 1}.jsonl`);
        run(['analyze', 'corpus', '--shard', `${index + 1}/${count}`, '--format', 'jsonl', '--jobs', String(1 + (index % 2)), '--out', out], root);
        return out;
      });
      // Shards in any order, and concatenated into one file, merge alike.
      const concatenated = path.join(root, `all-${count}.jsonl`);
      fs.writeFileSync(concatenated, outputs.map((file) => fs.readFileSync(file, 'utf8')).join(''));
      assert.strictEqual(run(['merge', ...[...outputs].reverse()], root).stdout, single.summary, `N = ${count}: summary`);
      assert.strictEqual(run(['merge', concatenated, '--format', 'json'], root).stdout, single.json, `N = ${count}: json`);
      assert.strictEqual(run(['merge', concatenated, '--format', 'trends-json'], root).stdout, single.trends, `N = ${count}: trends`);
      assert.strictEqual(run(['merge', ...outputs, '--format', 'trends-html', '--group-by', 'client'], root).stdout, single.trendsHtml, `N = ${count}: trends html`);
    }
    // A --format json output merges too.
    const jsonOut = path.join(root, 'all.json');
    fs.writeFileSync(jsonOut, single.json);
    assert.strictEqual(run(['merge', jsonOut], root).stdout, single.summary);
  });

  it('refuses a doubled file, a line that is not an Analysis and a missing input, writing nothing', () => {
    const root = corpus();
    const shard = path.join(root, 'one.jsonl');
    run(['analyze', 'corpus/a', '--format', 'jsonl', '--out', shard], root);
    const out = path.join(root, 'merged.csv');
    const doubled = runCli(['merge', shard, shard, '--out', out], root);
    assert.strictEqual(doubled.status, 1);
    assert.match(doubled.stderr, /is in .*one\.jsonl twice; merge each shard's output once; nothing was written/);
    const broken = path.join(root, 'broken.jsonl');
    fs.writeFileSync(broken, `${fs.readFileSync(shard, 'utf8')}{"file": "x"}\n`);
    const notAnalysis = runCli(['merge', broken, '--out', out], root);
    assert.strictEqual(notAnalysis.status, 1);
    assert.match(notAnalysis.stderr, /broken\.jsonl:\d+: not an Analysis from alliance-lens analyze: its "format" is missing/);
    const missing = runCli(['merge', shard, path.join(root, 'absent.jsonl'), '--out', out], root);
    assert.strictEqual(missing.status, 1);
    assert.match(missing.stderr, /cannot read .*absent\.jsonl/);
    assert.ok(!fs.existsSync(out), 'nothing was written');
    const usage = runCli(['merge', shard, '--format', 'nope'], root);
    assert.strictEqual(usage.status, 2);
    assert.match(usage.stderr, /unknown format 'nope': choose .*trends-html/);
    assert.strictEqual(runCli(['merge', shard, '--out', shard], root).status, 2, 'the output may not be an input');
  });

  it('exits 2 with a clear message for a bad --shard, and writes an empty shard as an empty file', () => {
    const root = corpus();
    const bad = runCli(['analyze', 'corpus', '--shard', '5/4'], root);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--shard 5\/4: K must be between 1 and N \(4\)/);
    const sessionFiles = fs.readdirSync(path.join(root, 'corpus/a/trainee-sessions')).filter((name) => name.endsWith('.transcript')).length;
    const shards = Array.from({ length: 12 }, (_, index) => runCli(['analyze', 'corpus/a/trainee-sessions', '--shard', `${index + 1}/12`, '--format', 'jsonl'], root));
    assert.ok(shards.every((shard) => shard.status === 0));
    assert.ok(sessionFiles > 0 && sessionFiles < 12, `the folder holds ${sessionFiles} sessions: some of 12 shards must be empty`);
    assert.ok(shards.some((shard) => shard.stdout === ''), `some of 12 shards of ${sessionFiles} files are empty`);
    assert.strictEqual(shards.map((shard) => shard.stdout).join('').split('\n').length - 1, sessionFiles, 'every session lands in exactly one shard');
  });
});
