// Paths from the bundled tests in out/test/unit/extension back to the repository.
import * as fs from 'fs';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export function editorFixture(name: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'editor', name), 'utf8');
}
