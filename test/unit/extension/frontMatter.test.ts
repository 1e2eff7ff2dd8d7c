import * as assert from 'assert';
import { setRoleEdit } from '../../../src/extension/roles/frontMatter';

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
});
