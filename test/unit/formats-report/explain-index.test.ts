import * as assert from 'assert';
import { explainIndexCommand } from '../../../src/cli/commands/explain-index';
import { UsageError } from '../../../src/cli/command';
import { ALLIANCE_INDEX, ALLIANCE_INDEX_FORMULA } from '../../../src/core/summary';

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await explainIndexCommand.run(args, { stdout: (text) => { out += text; }, stderr: () => undefined });
  return { code, out };
}

describe('cli: explain-index', () => {
  it('prints the formula in plain words', async () => {
    assert.deepStrictEqual(await run([]), { code: 0, out: `${ALLIANCE_INDEX_FORMULA}\n` });
  });

  it('prints the same formula as JSON with --json', async () => {
    const { code, out } = await run(['--json']);
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(JSON.parse(out), ALLIANCE_INDEX);
  });

  it('refuses unknown options', async () => {
    await assert.rejects(run(['--weights']), (error) => error instanceof UsageError && /--weights/.test(error.message));
  });
});
