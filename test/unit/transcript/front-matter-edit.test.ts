import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readFrontMatter, setRoleEdit } from '../../../src/core/transcript/front-matter';
import { speakerKey } from '../../../src/core/transcript/labels';
import { splitLines } from '../../../src/core/transcript/lines';
import { parseTranscript } from '../../../src/core/transcript';
import { WarningList } from '../../../src/core/transcript/warnings';

function apply(text: string, edit: { start: number; end: number; newText: string }): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

const BODY = 'Dr. Lee: Hello.\nSam: Hi.\n';

describe('setRoleEdit', () => {
  it('creates a front matter block when there is none, leaving the text intact', () => {
    const result = apply(BODY, setRoleEdit(BODY, 'Dr. Lee', 'therapist'));
    assert.strictEqual(result, `---\ntherapist: Dr. Lee\n---\n${BODY}`);
  });

  it('adds the speaker to an existing key and keeps other metadata', () => {
    const text = `---\nsession: 4\ntherapist: Ana\n---\n${BODY}`;
    const result = apply(text, setRoleEdit(text, 'Dr. Lee', 'therapist'));
    assert.strictEqual(result, `---\nsession: 4\ntherapist: Ana, Dr. Lee\n---\n${BODY}`);
  });

  it('moves a speaker from one role to the other', () => {
    const text = `---\ntherapist: Sam, Dr. Lee\nclient: Kim\n---\n${BODY}`;
    const result = apply(text, setRoleEdit(text, 'Sam', 'client'));
    assert.strictEqual(result, `---\ntherapist: Dr. Lee\nclient: Kim, Sam\n---\n${BODY}`);
  });

  it('drops a key left empty and appends the new one', () => {
    const text = `---\nclient: Sam\n---\n${BODY}`;
    const result = apply(text, setRoleEdit(text, 'Sam', 'therapist'));
    assert.strictEqual(result, `---\ntherapist: Sam\n---\n${BODY}`);
  });

  it('keeps Windows line endings', () => {
    const text = `---\r\nclient: Sam\r\n---\r\nSam: Hi.\r\n`;
    const result = apply(text, setRoleEdit(text, 'Dr. Lee', 'therapist'));
    assert.strictEqual(result, `---\r\nclient: Sam\r\ntherapist: Dr. Lee\r\n---\r\nSam: Hi.\r\n`);
  });

  it('confines the edit to the front matter', () => {
    const text = `---\nclient: Sam\n---\n${BODY}`;
    const edit = setRoleEdit(text, 'Dr. Lee', 'therapist');
    assert.ok(edit.end <= text.indexOf('---\n', 4));
  });

  it('edits a block closed by "..." instead of adding a second one', () => {
    const text = `---\ntherapist: Ann\n...\n${BODY}`;
    const result = apply(text, setRoleEdit(text, 'Sam', 'client'));
    assert.strictEqual(result, `---\ntherapist: Ann\nclient: Sam\n...\n${BODY}`);
    const roles = parseTranscript(result).speakers.map((speaker) => [speaker.label, speaker.role]);
    assert.ok(!roles.some(([label]) => label.toLowerCase() === 'therapist'), `no speaker named "therapist": ${JSON.stringify(roles)}`);
  });

  it('knows the plural keys, keeping them as written', () => {
    const text = `---\nTherapists: Ann, Sam\nclients: Kim\n---\n${BODY}`;
    const result = apply(text, setRoleEdit(text, 'sam', 'client'));
    assert.strictEqual(result, `---\nTherapists: Ann\nclients: Kim, sam\n---\n${BODY}`);
  });

  it('keeps comments, blank lines and other keys of the block exactly', () => {
    const text = `---\n# who is who\n\n  date: 2024-05-01\nclient: Sam\n---\n${BODY}`;
    const result = apply(text, setRoleEdit(text, 'Dr. Lee', 'therapist'));
    assert.strictEqual(result, `---\n# who is who\n\n  date: 2024-05-01\nclient: Sam\ntherapist: Dr. Lee\n---\n${BODY}`);
  });

  it('puts a new block above an unclosed one, which the reader takes for transcript, and leaves that text as it is', () => {
    const body = '[00:00:01] Dr. Lee: Hello there.\n[00:00:04] Sam: Hi.\n';
    const text = `---\nclient: Sam\n${body}`;
    const result = apply(text, setRoleEdit(text, 'Dr. Lee', 'therapist'));
    assert.strictEqual(result, `---\ntherapist: Dr. Lee\n---\n${text}`);
  });

  it('puts a new block after a byte-order mark, and before a lone "---" rule that is not front matter', () => {
    const withBom = `\uFEFF${BODY}`;
    assert.strictEqual(apply(withBom, setRoleEdit(withBom, 'Sam', 'client')), `\uFEFF---\nclient: Sam\n---\n${BODY}`);
    const rule = `---\nNotes from the first session\n${BODY}`;
    assert.strictEqual(apply(rule, setRoleEdit(rule, 'Sam', 'client')), `---\nclient: Sam\n---\n${rule}`);
  });
});

/** Every transcript the project ships or tests with. */
function transcriptFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return transcriptFiles(full);
    return /\.(transcript|txt|vtt|srt)$/.test(entry.name) ? [full] : [];
  });
}

function bodyOf(text: string): string {
  const lines = splitLines(text);
  const { bodyLine } = readFrontMatter(text, lines, new WarningList());
  return bodyLine === 0 ? text.slice(lines.starts[0]) : bodyLine < lines.starts.length ? text.slice(lines.starts[bodyLine]) : '';
}

describe('setRoleEdit round trip on every fixture and sample', () => {
  // Tests run bundled from out/test/unit/transcript, four levels below the repository root.
  const root = path.resolve(__dirname, '../../../..');
  const files = [...transcriptFiles(path.join(root, 'test', 'fixtures')), ...transcriptFiles(path.join(root, 'samples'))];

  it('finds the transcripts to check', () => assert.ok(files.length > 40, `${files.length} files`));

  it('gives each speaker the role set, with one block and the body byte-identical', () => {
    let checked = 0;
    for (const file of files) {
      const original = fs.readFileSync(file, 'utf8');
      const speakers = parseTranscript(original, { fileName: file }).speakers.map((speaker) => speaker.label).slice(0, 4);
      let text = original;
      const wanted = new Map<string, 'therapist' | 'client'>();
      speakers.forEach((speaker, index) => {
        const role = index % 2 === 0 ? 'client' : 'therapist';
        text = apply(text, setRoleEdit(text, speaker, role));
        wanted.set(speakerKey(speaker), role);
      });
      const where = path.relative(root, file);
      assert.strictEqual(bodyOf(text), bodyOf(original), `${where}: the transcript below the front matter changed`);
      const reparsed = parseTranscript(text, { fileName: file });
      for (const [key, role] of wanted) {
        const speaker = reparsed.speakers.find((candidate) => speakerKey(candidate.label) === key);
        assert.strictEqual(speaker?.role, role, `${where}: ${key}`);
      }
      assert.ok(!reparsed.speakers.some((speaker) => ['therapist', 'client', 'therapists', 'clients'].includes(speakerKey(speaker.label)) && !speakers.some((s) => speakerKey(s) === speakerKey(speaker.label))),
        `${where}: a role key was read as a speaker (a second block?)`);
      checked += speakers.length;
    }
    assert.ok(checked > 80, `${checked} speakers checked`);
  });
});
