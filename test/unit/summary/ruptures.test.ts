import * as assert from 'assert';
import { findRepairMove } from '../../../src/core/coding/repair-moves';
import { linkRuptures, THERAPIST_TURNS_TO_REPAIR } from '../../../src/core/summary/ruptures';

const linkRupturesOf = (utterances: Parameters<typeof linkRuptures>[0]) => linkRuptures(utterances, findRepairMove);
import { analyzeTranscript } from '../../../src/core/analyzer';
import { session } from './fixture';

const withdrawal = { codes: ['rupture.withdrawal'] };
const confrontation = { codes: ['rupture.confrontation'] };
const directive = { stance: 'directive' as const, codes: ['directive.command'] };

describe('summary: rupture and repair', () => {
  it('looks three therapist turns ahead', () => {
    assert.strictEqual(THERAPIST_TURNS_TO_REPAIR, 3);
  });

  it('marks a rupture met with directive talk and no repair, pointing at the first directive turn', () => {
    const events = linkRupturesOf(session([
      ['client', "This is pointless, you're not listening.", confrontation],
      ['therapist', 'Okay.'],
      ['therapist', 'You need to take this seriously.', directive],
      ['therapist', 'Stop making excuses.', directive],
    ]));
    assert.deepStrictEqual(events, [
      { kind: 'confrontation', utteranceIndex: 0, line: 1, status: 'met-with-directive', responseIndex: 2, responseLine: 3 },
    ]);
  });

  it('marks a rupture unaddressed when the next three therapist turns neither repair nor direct', () => {
    const events = linkRupturesOf(session([
      ['client', "I don't know.", withdrawal],
      ['therapist', 'Okay.'],
      ['client', 'Mm.'],
      ['therapist', 'How many drinks on a weekday?', { question: 'closed' }],
      ['therapist', 'And at weekends?', { question: 'closed' }],
      // The fourth therapist turn comes too late to count, whether repair or directive.
      ['therapist', "I'm sorry, I may have pushed too hard. You must stop.", directive],
    ]));
    assert.deepStrictEqual(events.map((event) => [event.status, event.responseIndex, event.responseLine]), [['unaddressed', null, null]]);
  });

  it('counts a repair that comes after a directive turn, within three turns', () => {
    const events = linkRupturesOf(session([
      ['client', 'Whatever you say.', withdrawal],
      ['therapist', 'You have to cut down.', directive],
      ['therapist', "We don't have to talk about drinking today."],
    ]));
    assert.deepStrictEqual(events.map((event) => [event.status, event.responseLine, event.repairMove]), [['repaired', 3, 'change-task']]);
  });

  it('takes a reflection as the very next therapist turn as an empathic reflection of the rupture', () => {
    const events = linkRupturesOf(session([
      ['client', "I'd rather not get into that.", withdrawal],
      ['therapist', 'Talking about your brother is hard.', { behaviour: 'reflection', reflection: 'complex' }],
    ]));
    assert.deepStrictEqual(events.map((event) => [event.status, event.responseLine, event.repairMove]), [['repaired', 2, 'empathic-reflection']]);
  });

  it('does not take a later reflection without repair wording as a repair', () => {
    const events = linkRupturesOf(session([
      ['client', "I'd rather not get into that.", withdrawal],
      ['therapist', 'Okay.'],
      ['therapist', 'Your brother is at home.', { behaviour: 'reflection', reflection: 'simple' }],
    ]));
    assert.deepStrictEqual(events.map((event) => event.status), ['unaddressed']);
  });

  it('reports both kinds when one client utterance carries both markers, and skips non-client markers', () => {
    const events = linkRupturesOf(session([
      ['therapist', 'Whatever.', withdrawal],
      ['client', 'No. This is a waste of time.', { codes: ['rupture.withdrawal', 'rupture.confrontation'] }],
      ['therapist', 'What would you rather talk about?'],
    ]));
    assert.deepStrictEqual(events.map((event) => [event.kind, event.line, event.status, event.repairMove]), [
      ['withdrawal', 2, 'repaired', 'change-task'],
      ['confrontation', 2, 'repaired', 'change-task'],
    ]);
  });

  it('marks a rupture at the end of the session unaddressed', () => {
    assert.deepStrictEqual(linkRupturesOf(session([['client', 'Fine.', withdrawal]])).map((event) => event.status), ['unaddressed']);
  });

  it('never counts advice or directive talk as a repair, however warmly it opens', () => {
    const events = linkRupturesOf(session([
      ['client', 'This is pointless.', confrontation],
      ['therapist', "I hear you're frustrated, but you need to keep a drinking diary.", directive],
      ['therapist', "I'm sorry if that felt like a lecture. You might try the diary anyway.", { input: 'advice', behaviour: 'input' }],
    ]));
    assert.deepStrictEqual(events.map((event) => [event.status, event.responseIndex]), [['met-with-directive', 1]]);
  });

  it('does not take a next-turn statement that is not about the client as a reflection of the rupture', () => {
    const events = linkRupturesOf(session([
      ['client', 'Can we move on?', withdrawal],
      ['therapist', "It's important, though. Patterns like this usually start early.", { behaviour: 'reflection', reflection: 'simple' }],
    ]));
    assert.deepStrictEqual(events.map((event) => event.status), ['unaddressed']);
  });
});

describe('summary: repair after a rupture, through the whole engine', function () {
  this.timeout(20_000);
  const afterWithdrawal = (reply: string) => analyzeTranscript(
    `Therapist: You really have to stop drinking before the court date.\nClient: I don't really want to talk about my dad.\nTherapist: ${reply}\n`,
  ).summary.ruptureEvents.map((event) => [event.kind, event.status, event.repairMove ?? null]);

  const repairs: [string, string][] = [
    ['I may have pushed too hard there.', 'acknowledge-own-part'],
    ['I think I jumped straight into a lecture, and that is on me.', 'acknowledge-own-part'],
    ['How is this going for you?', 'invite-feelings'],
    ['Can we check in about how this is feeling?', 'invite-feelings'],
    ['It sounds like I missed something important.', 'empathic-reflection'],
    ["Let's set that aside. What would be more useful?", 'change-task'],
    ["Okay. We don't have to go there today.", 'change-task'],
  ];
  for (const [reply, move] of repairs) {
    it(`counts "${reply}" as ${move}`, () => {
      assert.deepStrictEqual(afterWithdrawal(reply), [['withdrawal', 'repaired', move]]);
    });
  }

  for (const advice of ['You should talk to your dad about it this week.', "I hear you're frustrated, but you need to call him."]) {
    it(`does not count advice as a repair: "${advice}"`, () => {
      assert.deepStrictEqual(afterWithdrawal(advice), [['withdrawal', 'met-with-directive', null]]);
    });
  }
});
