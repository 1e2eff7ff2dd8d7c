import * as assert from 'assert';
import { ANNOMI_COLUMNS, groupByTranscript, parseAnnoMi, rowsOfSplit, splitOf } from '../../../src/cli/eval/annomi';

// A tiny hand-written file in AnnoMI's column layout (the real corpus is never needed by unit tests).
const header = ['mi_quality', 'transcript_id', 'video_title', 'video_url', 'topic', 'utterance_id', 'interlocutor',
  'timestamp', 'utterance_text', 'annotator_id', 'therapist_input_exists', 'therapist_input_subtype',
  'reflection_exists', 'reflection_subtype', 'question_exists', 'question_subtype', 'main_therapist_behaviour',
  'client_talk_type'].join(',');
const lines = [
  header,
  'high,3,"A title, quoted",u,smoking,0,therapist,00:00:01,"What brings you in, today?",1,False,n/a,False,n/a,True,open,question,n/a',
  'high,3,"A title, quoted",u,smoking,0,therapist,00:00:01,"What brings you in, today?",2,False,n/a,True,simple,False,n/a,reflection,n/a',
  'high,3,"A title, quoted",u,smoking,1,client,00:00:04,I want to quit.,1,n/a,n/a,n/a,n/a,n/a,n/a,n/a,change',
  'low,4,t,u,alcohol,1,client,00:00:09,Not really.,1,n/a,n/a,n/a,n/a,n/a,n/a,n/a,sustain',
  'low,4,t,u,alcohol,0,therapist,00:00:02,You should stop.,1,True,advice,False,n/a,False,n/a,therapist_input,n/a',
  'low,4,t,u,alcohol,2,therapist,00:00:12,Hm.,1,False,n/a,False,n/a,False,n/a,sideways,n/a',
];

describe('AnnoMI loader', () => {
  const corpus = parseAnnoMi(lines.join('\n'));

  it('keeps the first row of a doubly coded utterance as the reference and the pair aside', () => {
    assert.strictEqual(corpus.rows.length, 4);
    const first = corpus.rows[0];
    assert.strictEqual(first.annotatorId, '1');
    assert.strictEqual(first.mainBehaviour, 'question');
    assert.strictEqual(first.text, 'What brings you in, today?');
    const pair = corpus.multiplyCoded.get('3:0');
    assert.deepStrictEqual(pair?.map((row) => row.mainBehaviour), ['question', 'reflection']);
    assert.strictEqual(corpus.multiplyCoded.size, 1);
  });

  it('types the codes and maps n/a to null', () => {
    const advice = corpus.rows.find((row) => row.transcriptId === 4 && row.utteranceId === 0);
    assert.strictEqual(advice?.mainBehaviour, 'input');
    assert.strictEqual(advice?.inputType, 'advice');
    assert.strictEqual(advice?.inputExists, true);
    assert.strictEqual(advice?.talk, null);
    const client = corpus.rows.find((row) => row.transcriptId === 3 && row.utteranceId === 1);
    assert.strictEqual(client?.talk, 'change');
    assert.strictEqual(client?.questionExists, null);
  });

  it('reports a row with an unknown code and leaves it out', () => {
    assert.strictEqual(corpus.problems.length, 1);
    assert.match(corpus.problems[0].message, /record 7: main_therapist_behaviour is 'sideways'/);
  });

  it('splits by transcript_id % 3 and sorts each split', () => {
    assert.strictEqual(splitOf(3), 'test');
    assert.strictEqual(splitOf(4), 'dev');
    assert.deepStrictEqual(rowsOfSplit(corpus, 'dev').map((row) => row.utteranceId), [0, 1]);
    assert.deepStrictEqual(rowsOfSplit(corpus, 'test').map((row) => row.utteranceId), [0, 1]);
    assert.strictEqual(rowsOfSplit(corpus, 'all').length, 4);
    assert.deepStrictEqual([...groupByTranscript(corpus.rows).keys()], [3, 4]);
  });

  it('refuses a file without the AnnoMI columns', () => {
    assert.throws(() => parseAnnoMi('a,b\n1,2'), new RegExp(`missing column\\(s\\) ${ANNOMI_COLUMNS[0]}`));
  });
});
