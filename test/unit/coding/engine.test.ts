import * as assert from 'assert';
import { codeName, createCoder } from '../../../src/core/coding';
import { maskNonVerbal } from '../../../src/core/coding/mask';

const coder = createCoder();
const therapist = (text: string) => coder.codeUtterance(text, 'therapist');
const client = (text: string) => coder.codeUtterance(text, 'client');
const fired = (text: string, role: 'therapist' | 'client' = 'therapist') =>
  coder.codeUtterance(text, role).findings.map((finding) => text.slice(finding.start, finding.end));

describe('coding engine: the known traps', () => {
  for (const text of ['Say more about that.', 'Walk me through it.', 'Keep going.', 'Okay, so tell me more about that.']) {
    it(`"${text}" is an invitation (open question), not a directive`, () => {
      const coding = therapist(text);
      assert.strictEqual(coding.stance, 'neutral');
      assert.strictEqual(coding.behaviour, 'question');
      assert.strictEqual(coding.question, 'open');
      assert.ok(!coding.codes.includes('directive.command'));
    });
  }

  for (const text of ["Everyone has stress. That's not a reason to keep smoking.", "I understand, but it's important. You're just avoiding it by changing the subject.", "You have to commit if you want this to work. It's been a hard year for you."]) {
    it(`"${text}" is directive and no reflection, although one sentence sounds like one`, () => {
      const coding = therapist(text);
      assert.strictEqual(coding.stance, 'directive');
      assert.strictEqual(coding.reflection, null);
      assert.notStrictEqual(coding.behaviour, 'reflection');
    });
  }

  it('plain persuasion beside a reflection keeps the reflection ("you should" does not veto it)', () => {
    const coding = therapist("It's been a really hard year for you. Maybe you should rest more.");
    assert.strictEqual(coding.stance, 'directive');
    assert.notStrictEqual(coding.reflection, null);
  });

  it('"I need you to…" is a command', () => {
    const coding = therapist('I need you to stop drinking before the surgery.');
    assert.strictEqual(coding.stance, 'directive');
    assert.ok(coding.codes.includes('directive.command'));
    assert.deepStrictEqual(fired('I need you to stop drinking before the surgery.'), ['I need you to']);
  });

  it('permission-seeking advice is collaborative, the same advice without permission is directive', () => {
    const withPermission = therapist('Would it be okay if I shared an idea? You could try cutting out the lunchtime beer.');
    assert.strictEqual(withPermission.stance, 'collaborative');
    assert.ok(withPermission.codes.includes('collaborative.permission'));
    assert.strictEqual(therapist('You could try cutting out the lunchtime beer.').stance, 'directive');
  });

  it('a question that smuggles advice is directive persuasion but still coded as a question', () => {
    const coding = therapist('Have you thought about just quitting?');
    assert.strictEqual(coding.stance, 'directive');
    assert.ok(coding.codes.includes('directive.persuade'));
    assert.strictEqual(coding.behaviour, 'question');
    assert.strictEqual(therapist('Have you thought about what you might do?').stance, 'neutral');
  });

  it('a reflection without a question mark is a reflection', () => {
    for (const text of ['So you drink mostly when you are alone', 'It sounds like you feel stuck']) {
      const coding = therapist(text);
      assert.strictEqual(coding.behaviour, 'reflection', text);
      assert.strictEqual(coding.question, null, text);
      assert.strictEqual(coding.stance, 'neutral', text);
    }
  });

  it('finds sentence-initial imperatives after "Okay," and "So"', () => {
    assert.strictEqual(therapist('Okay, so throw the cigarettes away.').stance, 'directive');
    assert.strictEqual(therapist('So call her tonight.').stance, 'directive');
    assert.deepStrictEqual(fired('Okay, so throw the cigarettes away.'), ['throw']);
  });

  it('an order later in the sentence is directive: after a condition, a comma or "then"', () => {
    for (const text of ['If the bus is late again, call the office first thing.', 'When the craving hits, then go for a walk.']) {
      assert.strictEqual(therapist(text).stance, 'directive', text);
      assert.ok(therapist(text).codes.includes('directive.command'), text);
    }
  });

  it('"Okay, so throw them away" is one command finding, not one per rule', () => {
    const findings = therapist('Okay, so throw the cigarettes away.').findings;
    assert.deepStrictEqual(findings.map((finding) => finding.rule), ['directive.command.imperative']);
  });

  it('a collaborative phrase inside a directive sentence is not highlighted as collaborative', () => {
    for (const text of ['You have to commit if you want this to work.', 'The smart move would be to set a quit date right now.']) {
      const coding = therapist(text);
      assert.strictEqual(coding.stance, 'directive', text);
      assert.deepStrictEqual(coding.findings.filter((finding) => finding.stance === 'collaborative').map((finding) => finding.rule), [], text);
    }
    // Asking permission in its own sentence still counts, and so does praise beside an order.
    const permission = therapist('Would it be okay if I shared an idea? You should cut down on weekdays.');
    assert.ok(permission.codes.includes('collaborative.permission'));
    assert.ok(therapist("Well done, now keep a note of every drink.").codes.includes('collaborative.affirm'));
  });

  it('a confrontation or a warning is never a reflection', () => {
    const confront = therapist("You're just avoiding it again.");
    assert.strictEqual(confront.reflection, null);
    assert.notStrictEqual(confront.behaviour, 'reflection');
    const warning = therapist("If you keep this up, you'll lose your licence.");
    assert.strictEqual(warning.reflection, null);
    assert.strictEqual(warning.behaviour, 'input');
    assert.strictEqual(warning.input, 'advice');
  });

  it('plain information that leaves the client out is information, not a reflection', () => {
    for (const text of ['Withdrawal usually peaks around the third day and then eases off.', 'Most people who stop smoking try several times before it sticks.']) {
      const coding = therapist(text);
      assert.strictEqual(coding.reflection, null, text);
      assert.strictEqual(coding.input, 'information', text);
    }
    // Short restatements without "you" are still reflections of the client turn before them.
    const afterClient = (text: string) => coder.codeUtterance(text, 'therapist', { previousClientText: 'This week was awful at work.', previousTherapist: null });
    assert.strictEqual(afterClient("So it's been a hard week.").behaviour, 'reflection');
    assert.strictEqual(therapist('Your mornings are the hardest part.').behaviour, 'reflection');
  });

  it('a statement of what can or will happen is information, unless it gives back what the client said', () => {
    for (const text of ['Cravings can pass quickly.', 'Your body will adjust after a few days.']) {
      const coding = therapist(text);
      assert.strictEqual(coding.reflection, null, text);
      assert.strictEqual(coding.behaviour, 'input', text);
      assert.strictEqual(coding.input, 'information', text);
    }
    // The client as the one who feels or wants keeps it a reflection, and so does repeating the client's words.
    assert.strictEqual(therapist("You're not sure you can keep it up.").behaviour, 'reflection');
    const echo = coder.codeUtterance('Your sleep will get worse.', 'therapist', { previousClientText: "If I stop, my sleep gets worse, that's what scares me.", previousTherapist: null });
    assert.strictEqual(echo.behaviour, 'reflection');
  });

  it('with no client turn to give back, a statement that leaves the client out is no reflection', () => {
    assert.notStrictEqual(therapist('Relapse is part of it.').behaviour, 'reflection');
  });

  it('a feeling in a sentence about the speaker is self-disclosure, not a complex reflection', () => {
    const coding = therapist('I found it really hard when I went through that.');
    assert.strictEqual(coding.reflection, null);
    assert.notStrictEqual(coding.behaviour, 'reflection');
    // A lead-in about hearing the client is still a reflection, "I" or not.
    assert.strictEqual(therapist("What I'm hearing is that mornings are the worst.").behaviour, 'reflection');
  });

  it('reflections that contain "have to" or "end up" are not obligations or warnings', () => {
    assert.strictEqual(therapist('You feel like you have to be perfect.').stance, 'neutral');
    assert.strictEqual(therapist("You worry you'll end up like your dad.").stance, 'neutral');
  });

  it('"You should be proud" is an affirmation, not persuasion', () => {
    const coding = therapist("You should be proud of what you've done.");
    assert.strictEqual(coding.stance, 'collaborative');
    assert.ok(coding.codes.includes('collaborative.affirm'));
  });
});

describe('coding engine: findings', () => {
  it('point at the exact words that fired', () => {
    const text = 'Mm-hmm. Honestly, you should quit. Would it be okay if I shared something?';
    const coding = therapist(text);
    const spans = coding.findings.map((finding) => `${finding.rule}=${text.slice(finding.start, finding.end)}`);
    assert.ok(spans.includes('directive.persuade.should=you should'), spans.join(', '));
    assert.ok(spans.includes('collaborative.permission.ask=Would it be okay'), spans.join(', '));
  });

  it('carry the rule, code, stance and a message from the rule', () => {
    const [finding] = therapist('You have to stop.').findings.filter((f) => f.code === 'directive.obligation');
    assert.strictEqual(finding.rule, 'directive.obligation.have-to');
    assert.strictEqual(finding.stance, 'directive');
    assert.match(finding.message, /obligation/);
    assert.match(coder.describeRule(finding.rule)?.reference ?? '', /MITI 4\.2\.1/);
  });

  it('ignore non-verbal marks but keep offsets into the original text', () => {
    const text = '[laughs] (pause) You should quit [inaudible 00:12:03].';
    assert.strictEqual(maskNonVerbal(text).length, text.length);
    assert.ok(!/laughs|pause|inaudible/.test(maskNonVerbal(text)));
    assert.deepStrictEqual(fired(text), ['You should']);
    assert.strictEqual(therapist('[laughs]').behaviour, 'other');
  });

  it('handle contractions with exact offsets', () => {
    const text = "I'm sure you've got to rest.";
    const coding = therapist(text);
    const obligation = coding.findings.find((finding) => finding.code === 'directive.obligation');
    assert.strictEqual(obligation && text.slice(obligation.start, obligation.end), "you've got to");
  });
});

describe('coding engine: behaviour codes', () => {
  it('codes open and closed questions', () => {
    assert.strictEqual(therapist('What brings you in today?').question, 'open');
    assert.strictEqual(therapist('Do you smoke?').question, 'closed');
    assert.deepStrictEqual(therapist('Do you smoke?').codes, ['question.closed']);
  });

  it('codes a what/how/why question that follows "and" or "but" mid-sentence as open, a request for a number as closed', () => {
    assert.strictEqual(therapist('You tried it once but what stopped you?').question, 'open');
    assert.strictEqual(therapist('You cut down last month but how many do you have now?').question, 'closed');
  });

  it('highlights an open question as open only, though a closed-question cue fires inside it', () => {
    const open = therapist('Where do you think we should go from here?');
    assert.strictEqual(open.question, 'open');
    assert.deepStrictEqual(open.findings.filter((finding) => finding.code.startsWith('question.')).map((finding) => finding.code), ['question.open']);
  });

  it('codes complex reflections and information', () => {
    assert.strictEqual(therapist('Part of you wants to quit, and part of you enjoys it.').reflection, 'complex');
    const info = therapist('The recommended limit is fourteen units a week.');
    assert.strictEqual(info.behaviour, 'input');
    assert.strictEqual(info.input, 'information');
  });

  it("codes a reflection of wants and values as complex, and one that only gives the client's words back as simple", () => {
    assert.strictEqual(therapist('You want things to be different for your kids.').reflection, 'complex');
    const afterClient = coder.codeUtterance('Your family is important to you.', 'therapist', { previousClientText: 'My family is important to me.', previousTherapist: null });
    assert.strictEqual(afterClient.reflection, 'simple');
    const addsMeaning = coder.codeUtterance('Your family is important to you.', 'therapist', { previousClientText: 'I skipped the party on Saturday.', previousTherapist: null });
    assert.strictEqual(addsMeaning.reflection, 'complex');
  });

  it('does not take a condition ("if you want…") for a reflection of what the client wants', () => {
    assert.notStrictEqual(therapist("It's normal to feel nervous if you want to quit.").behaviour, 'reflection');
    assert.notStrictEqual(therapist('If you want a hand with the forms, the front desk can help.').behaviour, 'reflection');
  });

  it('codes options and negotiation as collaborative input', () => {
    const options = therapist('Some people find it easier to cut down first, others stop all at once.');
    assert.strictEqual(options.input, 'options');
    assert.strictEqual(options.stance, 'collaborative');
    assert.strictEqual(therapist("Let's come back to that next week.").input, 'negotiation');
  });

  it('leaves acknowledgements as other', () => {
    for (const text of ['Mm-hmm.', 'Okay.', 'Thanks for coming in today.']) assert.strictEqual(therapist(text).behaviour, 'other', text);
  });
});

describe('coding engine: client talk and ruptures', () => {
  it('codes change and sustain talk', () => {
    assert.strictEqual(client('I really want to cut down.').talk, 'change');
    assert.strictEqual(client("I don't want to quit. It helps me relax.").talk, 'sustain');
    assert.strictEqual(client('Mm-hmm.').talk, 'neutral');
  });

  it('hears ability, commitment, steps and reasons as change talk, not just "I want to"', () => {
    for (const text of ['I could walk to work a couple of days.', "I've been walking every morning.", "I'll give the patch a go.", "If I stopped, I'd have more money for the kids."]) {
      assert.strictEqual(client(text).talk, 'change', text);
    }
  });

  it('hears a refusal or a denial ("I don\'t believe…") as sustain talk', () => {
    assert.strictEqual(client("I don't believe that.").talk, 'sustain');
  });

  it('does not take uncertainty or a stray "never" for sustain talk', () => {
    for (const text of ["I'm not sure.", 'I never thought of it that way.', "I don't think I can keep going like this."]) {
      assert.notStrictEqual(client(text).talk, 'sustain', text);
    }
    assert.strictEqual(client('I want to cut down.').stance, 'neutral');
  });

  it('marks minimal responses as withdrawal only when they are the whole reply', () => {
    assert.ok(client("I don't know.").codes.includes('rupture.withdrawal'));
    assert.ok(client('Whatever.').codes.includes('rupture.withdrawal'));
    assert.ok(!client("I don't know if I can quit, my job is stressful.").codes.includes('rupture.withdrawal'));
    assert.ok(client("Can we talk about something else?").codes.includes('rupture.withdrawal'));
  });

  it('marks complaints about the therapy as confrontation', () => {
    assert.ok(client("This isn't helping.").codes.includes('rupture.confrontation'));
    assert.ok(client("You don't understand.").codes.includes('rupture.confrontation'));
    assert.ok(!client('My wife does not understand me.').codes.includes('rupture.confrontation'));
  });

  it('does not code therapist rules on client turns or anything on other speakers', () => {
    assert.ok(!client('You should quit.').codes.includes('directive.persuade'));
    const other = coder.codeUtterance('You should quit.', 'other');
    assert.deepStrictEqual([other.behaviour, other.talk, other.findings.length, other.stance], [null, null, 0, 'neutral']);
  });
});

describe('coding engine: robustness', () => {
  it('is deterministic and depends only on text, role and rule set', () => {
    const text = 'Okay, so you should call her. What do you think?';
    assert.deepStrictEqual(therapist(text), therapist(text));
    assert.deepStrictEqual(createCoder().codeUtterance(text, 'therapist'), therapist(text));
    assert.strictEqual(createCoder().version, coder.version);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '   ', '?!?!', '…', '🙂🙂 you should 🙂', 'a'.repeat(5000), '(((', '[', 'You\u0000should']) {
      assert.doesNotThrow(() => therapist(text));
      assert.doesNotThrow(() => client(text));
    }
    assert.strictEqual(therapist('').behaviour, 'other');
  });

  it('names codes for people', () => {
    assert.strictEqual(codeName('directive.command'), 'Command');
    assert.strictEqual(codeName('question.open'), 'Open question');
    assert.strictEqual(codeName('custom.thing'), 'custom.thing');
  });
});

describe('cue agreement with expert coders (data beside the rules)', () => {
  it('describes a measured built-in stance cue with its counts, and a cue that was never measured without any', () => {
    const described = createCoder().describeRule('directive.command.imperative');
    assert.ok(described?.agreement, 'no measured agreement for the imperative cue');
    assert.ok(described.agreement.fired >= described.agreement.agreed && described.agreement.agreed >= 0);
    assert.strictEqual(described.agreement.stance, 'directive');
    assert.strictEqual(createCoder().describeRule('question.open.wh')?.agreement, undefined);
  });
});
