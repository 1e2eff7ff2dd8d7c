import * as assert from 'assert';
import { analyzeTranscript } from '../../../src/core/analyzer';
import { dateInFileName, metadataValue, sessionDate, sessionMetadata, sessionNumber } from '../../../src/core/session-metadata';

const BODY = 'T: What would you like to talk about today?\nC: My sleep, mostly.\n';

describe('session metadata', () => {
  it('carries every front-matter key as a string, the role keys included', () => {
    const analysis = analyzeTranscript(`---\ntherapist: Noor Haddad\nclient: Ray\ndate: 2026-02-03\nsession: 2\nsetting: clinic\n---\n${BODY}`,
      { fileName: 'notes/ray.transcript' });
    assert.deepStrictEqual(analysis.metadata, { therapist: 'Noor Haddad', client: 'Ray', date: '2026-02-03', session: '2', setting: 'clinic' });
  });

  it('is empty without front matter and without a date in the file name', () => {
    assert.deepStrictEqual(analyzeTranscript(BODY, { fileName: 'session-12.txt' }).metadata, {});
    assert.deepStrictEqual(analyzeTranscript(BODY).metadata, {});
  });

  it('takes the date from a YYYY-MM-DD in the file name when the front matter has none, and only from the name', () => {
    assert.deepStrictEqual(analyzeTranscript(BODY, { fileName: 'ray_2026-03-10_intake.txt' }).metadata, { date: '2026-03-10' });
    assert.deepStrictEqual(analyzeTranscript(BODY, { fileName: '2026-03-10/ray.txt' }).metadata, {});
    assert.deepStrictEqual(analyzeTranscript(`---\ndate: 2026-01-01\n---\n${BODY}`, { fileName: 'ray-2026-03-10.txt' }).metadata, { date: '2026-01-01' });
    assert.deepStrictEqual(analyzeTranscript(`---\nsession: 4\n---\n${BODY}`, { fileName: 'ray-2026-03-10.txt' }).metadata, { session: '4', date: '2026-03-10' });
  });

  it('accepts only real calendar dates, not longer digit runs', () => {
    assert.strictEqual(dateInFileName('x-2026-02-30.txt'), null);
    assert.strictEqual(dateInFileName('x-12026-02-03.txt'), null);
    assert.strictEqual(dateInFileName('C:\\notes\\2025-12-31 ray.txt'), '2025-12-31');
    assert.strictEqual(sessionDate({ date: '2026-02-03T10:30' }), '2026-02-03');
    assert.strictEqual(sessionDate({ date: '3 February 2026' }), null);
    assert.strictEqual(sessionDate({ date: '2026-13-01' }), null);
    assert.strictEqual(sessionDate({}), null);
  });

  it('reads the session number, and keys whatever their case', () => {
    assert.strictEqual(sessionNumber({ session: '7' }), 7);
    assert.strictEqual(sessionNumber({ Session: '#3' }), 3);
    assert.strictEqual(sessionNumber({ session: 'intake' }), null);
    assert.strictEqual(metadataValue({ Therapist: ' Noor ' }, 'therapist'), 'Noor');
    assert.strictEqual(metadataValue({ therapist: '' }, 'therapist'), null);
  });

  it('keeps keys such as __proto__ as data', () => {
    const metadata = sessionMetadata(JSON.parse('{"__proto__":"x"}') as Record<string, string>, 'a-2026-01-02.txt');
    assert.deepStrictEqual(Object.entries(metadata), [['__proto__', 'x'], ['date', '2026-01-02']]);
  });
});
