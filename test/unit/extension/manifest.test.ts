// package.json's editor contributions hang together: the colours the decorations use are declared, every menu
// entry names a contributed command, and every walkthrough page exists.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CATEGORY_COLORS } from '../../../src/extension/decorations/categories';
import { REPO_ROOT } from './fixtures';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    colors: { id: string; description: string; defaults: Record<string, string | null> }[];
    walkthroughs: { steps: { media: { markdown?: string; image?: string } }[] }[];
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;

describe('package.json editor contributions', () => {
  it('declares every theme colour the highlights use, each with light, dark and high-contrast defaults', () => {
    const used = Object.values(CATEGORY_COLORS).flatMap(({ border, background }) => (background ? [border, background] : [border]));
    const declared = new Set(manifest.contributes.colors.map((color) => color.id));
    assert.deepStrictEqual(used.filter((id) => !declared.has(id)), []);
    for (const color of manifest.contributes.colors) {
      for (const theme of ['light', 'dark', 'highContrast', 'highContrastLight']) assert.ok(theme in color.defaults, `${color.id}: no ${theme} default`);
    }
  });

  it('gives every border colour a high-contrast value (backgrounds may be none there)', () => {
    for (const { border } of Object.values(CATEGORY_COLORS)) {
      const color = manifest.contributes.colors.find((candidate) => candidate.id === border)!;
      assert.ok(color.defaults.highContrast && color.defaults.highContrastLight, border);
    }
  });

  it('only lists contributed commands in menus, all in the Alliance Lens category', () => {
    const commands = new Set(manifest.contributes.commands.map((command) => command.command));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const entry of entries) assert.ok(commands.has(entry.command), `${menu} lists ${entry.command}, which is not contributed`);
    }
    for (const command of manifest.contributes.commands.filter((candidate) => candidate.command.startsWith('allianceLens.'))) {
      assert.strictEqual(command.category, 'Alliance Lens', command.command);
    }
  });

  it('has every walkthrough page it names', () => {
    const pages = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.flatMap((step) => [step.media.markdown, step.media.image]))
      .filter((page): page is string => Boolean(page));
    assert.ok(pages.length > 0);
    for (const page of pages) assert.ok(fs.existsSync(path.join(REPO_ROOT, page)), `${page} is missing`);
  });
});
