// The built-in rule files, bundled with the engine. Each is validated with the same schema as user rule files
// when the coder starts, and every example/counterexample is run by test/unit/coding/rules.test.ts.
import client from './client.json';
import collaborative from './collaborative.json';
import directive from './directive.json';
import input from './input.json';
import other from './other.json';
import questions from './questions.json';
import reflections from './reflections.json';

/** Serialised back to text so built-in and user files go through one loader (line numbers refer to this text). */
export const BUILT_IN_RULE_FILES: { path: string; text: string }[] = Object.entries({
  'collaborative.json': collaborative,
  'directive.json': directive,
  'questions.json': questions,
  'reflections.json': reflections,
  'input.json': input,
  'other.json': other,
  'client.json': client,
}).map(([name, rules]) => ({ path: `built-in:${name}`, text: JSON.stringify(rules, null, 2) }));
