import * as assert from 'assert';
import { hoverMarkdown, utteranceActMarkdown } from '../../../src/extension/hover/hoverContent';
import { finding, utterance } from './analysis-builder';

const names = {
  codeName: (code: string) => ({ 'directive.command': 'Command', 'question.closed': 'Closed question' }[code] ?? code),
  describeRule: (rule: string) => rule === 'directive.command.imperative'
    ? { id: rule, code: 'directive.command', stance: 'directive' as const, message: 'An imperative tells the client what to do.', reference: 'MITI 4.2.1 · Persuade' }
    : undefined,
};

describe('hoverMarkdown', () => {
  const fired = finding('directive.command.imperative', 'directive.command', 'directive', 0, 5);
  const turn = utterance(0, 0, 30, { codes: ['directive.command', 'question.closed'], findings: [fired] });
  const markdown = hoverMarkdown({ ...fired, message: 'Tells the client what to do.' }, turn, names);

  it('names the code and its stance', () => {
    assert.match(markdown, /^\*\*Command\*\* · directive \\\(MI-non-adherent\\\)/);
  });

  it('calls a client rupture a rupture marker and client talk client talk, never "neutral"', () => {
    const rupture = finding('rupture.withdrawal.minimal', 'rupture.withdrawal', 'neutral', 0, 5);
    const talk = finding('talk.change.desire', 'talk.change', 'neutral', 0, 5);
    const client = utterance(0, 0, 30, { codes: ['rupture.withdrawal'], findings: [rupture] });
    assert.match(hoverMarkdown(rupture, client, names), /^\*\*rupture\.withdrawal\*\* · client rupture marker \\\(3RS\\\)/);
    assert.match(hoverMarkdown(talk, client, names), / · client talk \\\(MI\\\)/);
    assert.doesNotMatch(hoverMarkdown(rupture, client, names), /neutral/);
    const plain = finding('question.open.what', 'question.open', 'neutral', 0, 5);
    assert.match(hoverMarkdown(plain, turn, names), / · neutral$/m, 'a therapist question is still neutral');
  });

  it("gives the finding's message and the guideline reference", () => {
    assert.ok(markdown.includes('Tells the client what to do.'));
    assert.ok(markdown.includes('*Guideline:* MITI 4.2.1 · Persuade'));
  });

  it("lists the utterance's other codes", () => {
    assert.ok(markdown.includes('*Also in this utterance:* Closed question'));
  });

  it('links to the command that turns the rule off, with the rule id as argument', () => {
    const args = encodeURIComponent(JSON.stringify(['directive.command.imperative']));
    assert.ok(markdown.includes(`(command:allianceLens.disableRule?${args} `));
  });

  it('says how often the cue agreed with expert coders, and that a handful of sentences is too few to say', () => {
    const withAgreement = (fired: number, agreed: number) => ({
      codeName: names.codeName,
      describeRule: (rule: string) => ({ ...names.describeRule('directive.command.imperative')!, id: rule, agreement: { stance: 'directive', fired, agreed, measuredOn: 'a MITI-coded set' } }),
    });
    assert.ok(hoverMarkdown(fired, turn, withAgreement(52, 47)).includes('47 of 52 sentences it fired on (90 %) were coded directive by MITI coders (a MITI-coded set).'));
    assert.ok(hoverMarkdown(fired, turn, withAgreement(3, 1)).includes('it fired on only 3 MITI-coded sentences (a MITI-coded set), too few to say.'));
    assert.ok(!markdown.includes('agreed with expert coders'), 'no agreement line without measured figures');
  });

  it("falls back to the rule's message when the finding has none", () => {
    assert.ok(hoverMarkdown({ ...fired, message: '' }, turn, names).includes('An imperative tells the client what to do.'));
  });

  it('escapes transcript-derived text so it cannot become a link or HTML', () => {
    const markdown = hoverMarkdown({ ...fired, message: '[x](command:evil) <img src=x>' }, turn, names);
    assert.ok(markdown.includes('\\[x\\]\\(command:evil\\) \\<img src=x\\>'));
  });
});

describe('utteranceActMarkdown', () => {
  it('names the kind of question, says why it matters, and lists the other codes', () => {
    const turn = utterance(0, 0, 30, { question: 'closed', codes: ['question.closed', 'directive.command'] });
    const markdown = utteranceActMarkdown(turn, 'question', names);
    assert.match(markdown, /^\*\*Closed question\*\* · therapist question/);
    assert.ok(markdown.includes('reflection-to-question ratio'));
    assert.ok(markdown.includes('*Also in this utterance:* Command'));
  });
});
