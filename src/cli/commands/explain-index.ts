import { ALLIANCE_INDEX, ALLIANCE_INDEX_FORMULA } from '../../core/summary';
import { UsageError, type CliCommand } from '../command';

const usage = `Usage: alliance-lens explain-index [--json]

Prints the alliance index's formula: its base, each weighted component and how the weights were chosen.
  --json   the same formula as JSON (base, min, max, terms with component, weight and label)`;

export const explainIndexCommand: CliCommand = {
  name: 'explain-index',
  summary: 'Print the alliance index formula and its weights',
  usage,
  async run(args, io) {
    const unknown = args.filter((arg) => arg !== '--json');
    if (unknown.length > 0) throw new UsageError(`unknown option '${unknown[0]}'`);
    io.stdout(args.includes('--json') ? `${JSON.stringify(ALLIANCE_INDEX, null, 2)}\n` : `${ALLIANCE_INDEX_FORMULA}\n`);
    return 0;
  },
};
