// The editor in the real VS Code: highlights equal what the coding engine found, hovers explain them, the
// commands move the selection, and settings and the toggle remove highlights.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { Analysis } from '../../src/core/types';
import { escapeMarkdown } from '../../src/core/reports/markdown';
import { analyseWithEngine, decorations, engine, fixtureText, openFixture, paintedRanges, REPO_ROOT, setSetting, waitFor } from './editorSupport';

type Span = { start: number; end: number };

function sorted(spans: Span[]): Span[] {
  return spans.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The engine's findings of one kind, straight from the Analysis (independent of the extension's mapping). */
function findingSpans(analysis: Analysis, accept: (finding: Analysis['utterances'][number]['findings'][number]) => boolean): Span[] {
  return sorted(analysis.utterances.flatMap((utterance) => utterance.findings.filter(accept)));
}

/** The painted collaborative and directive ranges are exactly the engine's findings of that stance. */
function assertStanceHighlightsMatch(ranges: Awaited<ReturnType<typeof paintedRanges>>, analysis: Analysis): void {
  const notRupture = (code: string) => !code.startsWith('rupture.');
  assert.deepStrictEqual(sorted(ranges.collaborative), findingSpans(analysis, (finding) => finding.stance === 'collaborative' && notRupture(finding.code)));
  assert.deepStrictEqual(sorted(ranges.directive), findingSpans(analysis, (finding) => finding.stance === 'directive' && notRupture(finding.code)));
}

/** Opens a fixture, waits for its highlights, and returns it with the engine's own analysis of it. */
async function openPainted(name: string): Promise<{ editor: vscode.TextEditor; analysis: Analysis }> {
  const editor = await openFixture(name);
  await paintedRanges(editor.document.uri);
  return { editor, analysis: analyseWithEngine(editor.document) };
}

describe('Editor highlights', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  let analysis: Analysis;

  before(async () => {
    ({ editor, analysis } = await openPainted('session.transcript'));
  });

  after(async () => {
    await setSetting('allianceLens.highlight.directive', undefined);
    await setSetting('allianceLens.highlight.questions', undefined);
  });

  it('the fixture is one the engine finds collaborative and directive language in', () => {
    assert.ok(findingSpans(analysis, (finding) => finding.stance === 'collaborative').length > 0);
    assert.ok(findingSpans(analysis, (finding) => finding.stance === 'directive').length > 0);
  });

  it('paints exactly the collaborative and directive findings of the engine', async () => {
    assertStanceHighlightsMatch(await paintedRanges(editor.document.uri), analysis);
  });

  it('paints every rupture finding', async () => {
    const ranges = await paintedRanges(editor.document.uri);
    const expected = findingSpans(analysis, (finding) => finding.code.startsWith('rupture.'));
    assert.ok(expected.length > 0, 'the fixture has rupture markers');
    for (const span of expected) assert.ok(ranges.rupture.some((range) => range.start === span.start && range.end === span.end), `rupture ${JSON.stringify(span)}`);
  });

  it('places ranges with document.positionAt (line and character agree with the offsets)', async () => {
    const ranges = await paintedRanges(editor.document.uri);
    for (const range of [...ranges.collaborative, ...ranges.directive]) {
      const start = editor.document.positionAt(range.start);
      assert.deepStrictEqual([range.startLine, range.startCharacter], [start.line, start.character]);
      assert.ok(editor.document.getText(new vscode.Range(start, editor.document.positionAt(range.end))).trim().length > 0);
    }
  });

  it('explains a highlight on hover: code, stance, message, guideline and the rule switch', async () => {
    const directive = analysis.utterances.flatMap((utterance) => utterance.findings).find((finding) => finding.stance === 'directive')!;
    const position = editor.document.positionAt(directive.start + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.match(text, /directive \\\(MI-non-adherent\\\)/);
    const core = engine();
    assert.ok(text.includes(escapeMarkdown(core.codeName(directive.code))), 'names the code');
    const rule = new core.Analyzer().describeRule(directive.rule);
    assert.ok(rule?.reference, 'the engine gives the rule a guideline reference');
    assert.ok(text.includes(escapeMarkdown(rule.reference)), 'quotes the guideline reference');
    assert.ok(text.includes('command:allianceLens.disableRule?'), 'links to the command that turns the rule off');
    assert.ok(text.includes(encodeURIComponent(JSON.stringify([directive.rule]))), 'the link carries the rule id');
  });

  it('switching a category off in the settings removes its highlights, and on brings them back', async () => {
    await setSetting('allianceLens.highlight.directive', false);
    const off = await waitFor(async () => {
      const ranges = (await decorations(editor.document.uri))?.ranges;
      return ranges && ranges.directive.length === 0 ? ranges : undefined;
    }, 'directive highlights to disappear');
    assert.ok(off.collaborative.length > 0, 'other categories stay');
    await setSetting('allianceLens.highlight.directive', undefined);
    await waitFor(async () => ((await decorations(editor.document.uri))?.ranges?.directive.length ?? 0) > 0 || undefined, 'directive highlights to return');
  });

  it('questions are marked only when their setting is on', async () => {
    assert.deepStrictEqual((await paintedRanges(editor.document.uri)).question, []);
    await setSetting('allianceLens.highlight.questions', true);
    const questionTurns = analysis.utterances.filter((utterance) => utterance.question !== null).map(({ start, end }) => ({ start, end }));
    const ranges = await waitFor(async () => {
      const painted = (await decorations(editor.document.uri))?.ranges;
      return painted && painted.question.length > 0 ? painted : undefined;
    }, 'question highlights');
    assert.deepStrictEqual(sorted(ranges.question), sorted(questionTurns));
    // Where no finding sits, the hover explains the question mark itself.
    const plainQuestion = analysis.utterances.find((utterance) => utterance.question !== null
      && !utterance.findings.some((finding) => finding.start <= utterance.start && finding.end > utterance.start))!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(plainQuestion.start));
    const text = hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');
    assert.ok(text.includes('· therapist question'), `the question is explained on hover: ${text}`);
  });

  it('Toggle Highlights turns every highlight off, then on again', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('allianceLens.toggleHighlights'), false);
    const off = await decorations(editor.document.uri);
    assert.strictEqual(off?.enabled, false);
    for (const ranges of Object.values(off?.ranges ?? {})) assert.deepStrictEqual(ranges, []);
    assert.strictEqual(await vscode.commands.executeCommand('allianceLens.toggleHighlights'), true);
    assert.ok(((await decorations(editor.document.uri))?.ranges?.collaborative.length ?? 0) > 0);
  });
});

describe('The bundled samples', function () {
  this.timeout(60_000);
  const samples = fs.readdirSync(path.join(REPO_ROOT, 'samples')).filter((name) => /\.(transcript|vtt|srt|txt)$/.test(name));

  it('has samples to check', () => assert.ok(samples.length > 0));

  for (const name of samples) {
    it(`${name}: highlights equal the engine's collaborative and directive findings`, async () => {
      const document = await vscode.workspace.openTextDocument(path.join(REPO_ROOT, 'samples', name));
      await vscode.window.showTextDocument(document, { preview: false });
      const ranges = await paintedRanges(document.uri, `highlights in the sample ${name}`);
      assertStanceHighlightsMatch(ranges, analyseWithEngine(document));
      assert.ok(ranges.collaborative.length + ranges.directive.length > 0, 'a sample session shows highlights');
    });
  }
});

describe('Navigation commands', function () {
  this.timeout(60_000);
  let editor: vscode.TextEditor;
  let analysis: Analysis;

  before(async () => {
    ({ editor, analysis } = await openPainted('session.transcript'));
  });

  const spans = (stance: string) => findingSpans(analysis, (finding) => finding.stance === stance && !finding.code.startsWith('rupture.'));
  const selectionSpan = () => ({ start: editor.document.offsetAt(editor.selection.start), end: editor.document.offsetAt(editor.selection.end) });

  it('Next/Previous Directive select the directive passages in order', async () => {
    const directive = spans('directive');
    assert.ok(directive.length >= 2, 'the fixture has two or more directive passages');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('allianceLens.nextDirective');
    assert.deepStrictEqual(selectionSpan(), directive[0]);
    await vscode.commands.executeCommand('allianceLens.nextDirective');
    assert.deepStrictEqual(selectionSpan(), directive[1]);
    await vscode.commands.executeCommand('allianceLens.previousDirective');
    assert.deepStrictEqual(selectionSpan(), directive[0]);
  });

  it('Previous Collaborative from the top wraps to the last collaborative passage', async () => {
    const collaborative = spans('collaborative');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('allianceLens.previousCollaborative');
    assert.deepStrictEqual(selectionSpan(), collaborative[collaborative.length - 1]);
    await vscode.commands.executeCommand('allianceLens.nextCollaborative');
    assert.deepStrictEqual(selectionSpan(), collaborative[0]);
  });

  it('Next Rupture selects the first rupture marker', async () => {
    const ruptures = findingSpans(analysis, (finding) => finding.code.startsWith('rupture.'));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('allianceLens.nextRupture');
    assert.strictEqual(selectionSpan().start, ruptures[0].start);
  });
});

describe('Which documents are analysed', function () {
  this.timeout(60_000);

  it('auto-detects a plain-text transcript', async () => {
    const editor = await openFixture('teams.txt');
    assert.strictEqual(editor.document.languageId, 'plaintext');
    await paintedRanges(editor.document.uri, 'auto-detected highlights');
  });

  it('leaves ordinary plain text alone', async () => {
    const editor = await openFixture('notes.txt');
    // Give the debounced analysis time to run, then check nothing was painted.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.strictEqual((await decorations(editor.document.uri))?.ranges, undefined);
  });

  it('Analyze This File works on a file below the detection threshold, and is remembered', async () => {
    const editor = await openFixture('short.txt');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.strictEqual((await decorations(editor.document.uri))?.ranges, undefined, 'three utterances are not auto-detected');
    assert.strictEqual(await vscode.commands.executeCommand('allianceLens.analyzeFile'), true);
    await paintedRanges(editor.document.uri, 'highlights after Analyze This File');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const again = await openFixture('short.txt');
    await paintedRanges(again.document.uri, 'highlights after reopening the chosen file');
  });

  it('re-analyses as the user types', async () => {
    // An untitled copy: nothing is ever written to the fixture, whatever the auto-save setting.
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: fixtureText('teams.txt') });
    const editor = await vscode.window.showTextDocument(document);
    const before = (await paintedRanges(document.uri)).directive.length;
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\nTherapist: You should just stop drinking. You have to throw the bottles away.'));
    const expected = analyseWithEngine(document).utterances.flatMap((utterance) => utterance.findings).filter((finding) => finding.stance === 'directive').length;
    assert.ok(expected > before, 'the engine finds the new directive sentence');
    await waitFor(async () => ((await decorations(document.uri))?.ranges?.directive.length === expected) || undefined, 'the new directive highlight');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('Turning a rule off from its hover', function () {
  this.timeout(60_000);
  const settingsFolder = path.join(REPO_ROOT, 'samples', '.vscode');
  const hadSettingsFolder = fs.existsSync(settingsFolder);

  after(async () => {
    await vscode.workspace.getConfiguration('allianceLens').update('rules.disabled', undefined, vscode.ConfigurationTarget.Workspace);
    // The command writes workspace settings (samples/ is the harness's workspace); leave the folder as it was.
    if (!hadSettingsFolder) fs.rmSync(settingsFolder, { recursive: true, force: true });
  });

  it('the link\'s command adds the rule to allianceLens.rules.disabled and its highlights go', async () => {
    const { editor, analysis } = await openPainted('session.transcript');
    const directive = analysis.utterances.flatMap((utterance) => utterance.findings).find((finding) => finding.stance === 'directive')!;
    const sameRule = findingSpans(analysis, (finding) => finding.rule === directive.rule);
    await vscode.commands.executeCommand('allianceLens.disableRule', directive.rule);
    assert.deepStrictEqual(vscode.workspace.getConfiguration('allianceLens').get('rules.disabled'), [directive.rule]);
    const ranges = await waitFor(async () => {
      const painted = (await decorations(editor.document.uri))?.ranges;
      return painted && !painted.directive.some((range) => sameRule.some((span) => span.start === range.start && span.end === range.end)) ? painted : undefined;
    }, `the highlights of ${directive.rule} to go`);
    const expected = new (engine().Analyzer)({ disabledRules: [directive.rule] }).analyze(editor.document.getText(), { fileName: editor.document.fileName });
    assertStanceHighlightsMatch(ranges, expected);
  });
});
