// Checks the TextMate grammar's regular expressions on typical lines. JavaScript's RegExp (with the u flag) stands
// in for Oniguruma here: the grammar sticks to the syntax both share, apart from \A, which is read as ^.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT } from './fixtures';

interface Rule {
  match?: string;
  begin?: string;
  name?: string;
  captures?: Record<string, { name: string }>;
  beginCaptures?: Record<string, { name: string }>;
  patterns?: Rule[];
}

const grammar = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'syntaxes', 'transcript.tmLanguage.json'), 'utf8')) as {
  patterns: { include: string }[];
  repository: Record<string, Rule>;
};

function regex(source: string): RegExp {
  return new RegExp(source.replace(/\\A/g, '^'), 'u');
}

/** Scope → matched text for the first top-level rule that matches the line, as TextMate tries them in order. */
function scopes(line: string): Record<string, string> {
  for (const { include } of grammar.patterns) {
    const rule = grammar.repository[include.slice(1)];
    const source = rule.match ?? rule.begin!;
    const match = regex(source).exec(line);
    if (!match) continue;
    const found: Record<string, string> = {};
    if (rule.name) found[rule.name] = match[0];
    for (const [group, capture] of Object.entries(rule.captures ?? rule.beginCaptures ?? {})) {
      if (match[Number(group)] !== undefined) found[capture.name] = match[Number(group)];
    }
    return found;
  }
  return {};
}

describe('transcript grammar', () => {
  it('compiles every pattern', () => {
    const all = (rule: Rule): string[] => [rule.match, rule.begin, ...(rule.patterns ?? []).flatMap(all)].filter((x): x is string => Boolean(x));
    for (const rule of Object.values(grammar.repository)) for (const source of all(rule)) assert.doesNotThrow(() => regex(source), source);
  });

  it('gives therapist labels their own scope, with timestamps', () => {
    const found = scopes('[00:01:10] Therapist: You should stop.');
    assert.strictEqual(found['entity.name.tag.therapist.transcript'], 'Therapist');
    assert.strictEqual(found['constant.numeric.timestamp.transcript'], '[00:01:10]');
    assert.strictEqual(scopes('T: Hello.')['entity.name.tag.therapist.transcript'], 'T');
    assert.strictEqual(scopes('TH (00:02): Hello.')['entity.name.tag.therapist.transcript'], 'TH');
  });

  it('gives client labels their own scope', () => {
    assert.strictEqual(scopes('C: Fine.')['entity.name.type.client.transcript'], 'C');
    assert.strictEqual(scopes('Client: Fine.')['entity.name.type.client.transcript'], 'Client');
    assert.strictEqual(scopes('Patient: Fine.')['entity.name.type.client.transcript'], 'Patient');
  });

  it('gives other names the generic speaker scope, not a role', () => {
    const found = scopes('Dr. Lee: Hello.');
    assert.strictEqual(found['variable.other.speaker.transcript'], 'Dr. Lee');
    assert.strictEqual(found['entity.name.tag.therapist.transcript'], undefined);
    assert.strictEqual(scopes('Tom: Hi.')['variable.other.speaker.transcript'], 'Tom');
  });

  it('scopes front matter, cue timings and the WebVTT header', () => {
    assert.strictEqual(scopes('---')['punctuation.definition.front-matter.begin.transcript'], '---');
    const cue = scopes('00:00:01.000 --> 00:00:04.000 align:start');
    assert.strictEqual(cue['constant.numeric.cue-timing.start.transcript'], '00:00:01.000');
    assert.strictEqual(cue['keyword.operator.arrow.transcript'], '-->');
    assert.strictEqual(scopes('00:00:01,000 --> 00:00:04,000')['constant.numeric.cue-timing.end.transcript'], '00:00:04,000');
    assert.strictEqual(scopes('WEBVTT')['keyword.other.webvtt.transcript'], 'WEBVTT');
  });

  it('scopes the front matter role keys', () => {
    const rule = grammar.repository['front-matter'].patterns!;
    const therapist = regex(rule[0].match!).exec('therapist: Dr. Lee');
    assert.strictEqual(therapist?.[3], 'Dr. Lee');
    assert.strictEqual(regex(rule[1].match!).exec('client: Sam, Alex')?.[3], 'Sam, Alex');
  });

  it('marks non-verbal marks, but not ordinary bracketed words', () => {
    const nonverbal = regex(grammar.repository.nonverbal.match!);
    for (const mark of ['[laughs]', '(pause)', '[inaudible]', '[crosstalk]', '(sighs)']) assert.ok(nonverbal.test(mark), mark);
    assert.ok(!nonverbal.test('(my sister)'));
  });

  it('reads Otter headers and voice tags', () => {
    const otter = scopes('Alex Kim  0:05');
    assert.strictEqual(otter['variable.other.speaker.transcript'], 'Alex Kim');
    assert.strictEqual(otter['constant.numeric.timestamp.transcript'], '0:05');
    const voice = regex(grammar.repository['voice-tag'].match!).exec('<v Jordan>I feel stuck.');
    assert.strictEqual(voice?.[3], 'Jordan');
  });
});
