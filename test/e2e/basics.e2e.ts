// The foundation's scenario: a sample transcript open in the real editor (test-results/editor.png) and the Alliance
// Lens Summary view beside it (test-results/summary-panel.png). It runs before editor.e2e.ts, whose richer
// screenshots (highlights, an open hover) then replace these two.
import * as assert from 'assert';
import { samplesDir } from '../harness/paths';
import { withWorkbench } from '../harness/workbench';

const SAMPLE = 'collaborative-session.transcript';

/** Monaco renders spaces as no-break spaces. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('Screenshots of the real workbench', () => {
  it('shows a sample transcript in the editor and the Alliance Lens Summary view', () =>
    withWorkbench({ folder: samplesDir, name: 'screenshots' }, async (workbench) => {
      await workbench.openFile(SAMPLE);
      const editorText = plain(await workbench.page.locator('.editor-instance .monaco-editor .view-lines').first().innerText());
      assert.match(editorText, /Therapist: Thanks for coming back this week/);
      await workbench.screenshot('editor');

      await workbench.runCommand('Alliance Lens: Show Summary');
      const summary = await workbench.webviewFrame('allianceLens.summary');
      await summary.locator('body', { hasText: SAMPLE }).waitFor({ timeout: 30_000 });
      await workbench.screenshot('summary-panel');
    }));
});
