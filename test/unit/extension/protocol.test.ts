import * as assert from 'assert';
import { fromWebviewMessage, toWebviewMessage } from '../../../src/shared/protocol';

describe('webview protocol', () => {
  it('accepts the messages the webview sends', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'revealLines', startLine: 3, endLine: 9 },
      { type: 'selectUtterance', utteranceIndex: 0 },
      { type: 'setRole', speaker: 'Dr. Lee', role: 'therapist' },
      { type: 'analyzeActiveFile' },
      { type: 'rendered', kind: 'summary', fileName: 'a.transcript' },
    ]) {
      assert.ok(fromWebviewMessage.safeParse(message).success, JSON.stringify(message));
    }
  });

  it('rejects unknown types, missing fields and bad values', () => {
    for (const message of [
      { type: 'runScript', code: 'alert(1)' },
      { type: 'revealLines', startLine: 0, endLine: 2 },
      { type: 'selectUtterance', utteranceIndex: 1.5 },
      { type: 'setRole', speaker: 'X', role: 'supervisor' },
      'ready',
      null,
    ]) {
      assert.ok(!fromWebviewMessage.safeParse(message).success, JSON.stringify(message));
    }
  });

  it('checks the state the extension posts', () => {
    assert.ok(toWebviewMessage.safeParse({ type: 'state', state: { kind: 'empty' } }).success);
    assert.ok(toWebviewMessage.safeParse({ type: 'state', state: { kind: 'error', fileName: 'a', message: 'b' } }).success);
    assert.ok(!toWebviewMessage.safeParse({ type: 'state', state: { kind: 'summary', summary: { fileName: 'a' } } }).success);
  });
});
