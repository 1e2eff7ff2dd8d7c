// "The visible range of a large file comes first": a transcript above 200 KB opened in the real editor is
// first painted for what the editor shows (a preliminary analysis of those utterances only), then for the whole file.
// Both must agree with the engine's own analysis of the whole file. No timing is asserted.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PriorityAnalysis } from '../../src/core/analyzer';
import { highlightRanges, type OffsetRange } from '../../src/extension/decorations/categories';
import { togglesFromSettings, type AppliedRanges } from '../../src/extension/decorations/decorator';
import type { activate } from '../../src/extension/extension';
import { PRELIMINARY_MIN_LENGTH } from '../../src/extension/engine/analysisWorkerProtocol';
import { analyseWithEngine, EXTENSION_ID, waitFor } from './editorSupport';

type ExtensionApi = ReturnType<typeof activate>;

const TURNS = [
  'Therapist: What brings you in today, at point {n}?',
  'Client: My wife thinks I drink too much, and {n} drinks a week is what she counts.',
  'Therapist: You should stop drinking tonight, before day {n}.',
  'Client: I guess. Whatever.',
  'Therapist: It sounds like you are not sure it is a problem after {n} weeks.',
  'Client: I want to be around for my kids, all {n} of their birthdays.',
  'Therapist: Would it be okay if we looked at option {n} together?',
  'Client: Sure.',
];

/** A long session whose turns differ (a number in each), so the cache cannot code the file from a few turns. */
function largeTranscript(): string {
  const lines: string[] = [];
  for (let n = 0; lines.join('\n').length <= PRELIMINARY_MIN_LENGTH * 1.25; n++) {
    lines.push(...TURNS.map((turn) => turn.replace('{n}', String(n))));
  }
  return `${lines.join('\n')}\n`;
}

function key(range: OffsetRange): string {
  return `${range.start}-${range.end}`;
}

describe('A large transcript: the visible range first', function () {
  this.timeout(180_000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-lens-large-'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('paints the visible utterances first, then exactly the engine\'s highlights for the whole file', async () => {
    const api = await vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.activate();
    assert.ok(api, `${EXTENSION_ID} is not loaded`);
    assert.ok(api.decorator.highlightsEnabled, 'highlights are switched off (a previous suite left them off)');
    const file = path.join(folder, 'large-session.transcript');
    fs.writeFileSync(file, largeTranscript());
    const preliminaries: { analysis: PriorityAnalysis; painted: AppliedRanges | undefined }[] = [];
    const listening = api.analyses.onDidAnalyzePreliminary(({ document, analysis }) => {
      // The decorator subscribed first, so what it painted for this preliminary result is already applied.
      if (document.uri.fsPath === file) preliminaries.push({ analysis, painted: api.decorator.appliedRanges(document) });
    });
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.ok(document.getText().length > PRELIMINARY_MIN_LENGTH, 'the generated transcript is not large enough');
      const editor = await vscode.window.showTextDocument(document, { preview: false });
      const full = await waitFor(() => api.analyses.get(document), 'the full analysis of the large transcript', 120_000);
      const engineAnalysis = analyseWithEngine(document);
      const toggles = togglesFromSettings(api.configuration.settings);

      // Final highlights: exactly those of the engine's analysis of the whole file.
      assert.deepStrictEqual(full.utterances, engineAnalysis.utterances);
      assert.deepStrictEqual(api.decorator.appliedRanges(document), highlightRanges(engineAnalysis, toggles));

      // Each preliminary result (one per cold analysis): a few utterances, each what the full analysis says about it,
      // around the visible range; what was painted then is their highlights, a subset of the final highlights.
      assert.ok(preliminaries.length > 0, 'no preliminary result for a large transcript');
      const visibleEnd = Math.max(...editor.visibleRanges.map((range) => document.offsetAt(range.end)));
      const finalRanges = api.decorator.appliedRanges(document);
      assert.ok(finalRanges);
      for (const { analysis: preliminary, painted } of preliminaries) {
        assert.ok(preliminary.utterances.length > 0, 'the preliminary result codes no utterance');
        assert.ok(preliminary.utterances.length < engineAnalysis.utterances.length / 10,
          `the preliminary result coded ${preliminary.utterances.length} of ${engineAnalysis.utterances.length} utterances`);
        for (const utterance of preliminary.utterances) assert.deepStrictEqual(utterance, engineAnalysis.utterances[utterance.index]);
        assert.ok(preliminary.utterances.every((utterance) => utterance.start <= visibleEnd), 'a preliminary utterance lies below the visible range');
        assert.ok(painted, 'nothing was painted for the preliminary result');
        assert.deepStrictEqual(painted, highlightRanges(preliminary, toggles));
        assert.ok(Object.values(painted).some((ranges) => ranges.length > 0), 'the preliminary result painted nothing to compare');
        for (const [category, ranges] of Object.entries(painted) as [keyof AppliedRanges, OffsetRange[]][]) {
          const finalKeys = new Set(finalRanges[category].map(key));
          assert.ok(ranges.every((range) => finalKeys.has(key(range))), `a preliminary ${category} highlight is not in the final highlights`);
        }
      }
    } finally {
      listening.dispose();
    }
  });
});
