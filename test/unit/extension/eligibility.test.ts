import * as assert from 'assert';
import { editorFixture } from './fixtures';
import { looksLikeTranscript, shouldAnalyse } from '../../../src/extension/eligibility';

const fixture = editorFixture;

describe('transcript auto-detection', () => {
  it('detects labelled, Teams-style and WebVTT transcripts', () => {
    assert.ok(looksLikeTranscript(fixture('teams.txt'), 'teams.txt'));
    assert.ok(looksLikeTranscript(fixture('session.transcript'), 'session.transcript'));
    assert.ok(looksLikeTranscript(fixture('captions.vtt'), 'captions.vtt'));
  });

  it('ignores prose, and files with fewer than 4 utterances', () => {
    assert.ok(!looksLikeTranscript(fixture('notes.txt'), 'notes.txt'));
    assert.ok(!looksLikeTranscript(fixture('short.txt'), 'short.txt'));
  });

  it('needs two speakers', () => {
    const monologue = Array.from({ length: 6 }, (_, index) => `Therapist: point ${index}.`).join('\n');
    assert.ok(!looksLikeTranscript(monologue));
  });

  it('looks only at the first 50 lines', () => {
    const late = `${'A line of notes.\n'.repeat(60)}${fixture('teams.txt')}`;
    assert.ok(!looksLikeTranscript(late));
  });
});

describe('shouldAnalyse', () => {
  const facts = { languageId: 'plaintext', fileName: '/x/teams.txt', chosen: false, autoDetect: true, text: () => fixture('teams.txt') };

  it('always analyses the transcript language, without reading the text', () => {
    assert.ok(shouldAnalyse({ ...facts, languageId: 'transcript', autoDetect: false, text: () => assert.fail('read') }));
  });

  it('auto-detects plain text only when the setting is on', () => {
    assert.ok(shouldAnalyse(facts));
    assert.ok(!shouldAnalyse({ ...facts, autoDetect: false }));
  });

  it('never auto-detects other languages, but honours the user\'s choice', () => {
    assert.ok(!shouldAnalyse({ ...facts, languageId: 'markdown', fileName: '/x/teams.md' }));
    assert.ok(shouldAnalyse({ ...facts, languageId: 'markdown', fileName: '/x/teams.md', chosen: true }));
  });
});
