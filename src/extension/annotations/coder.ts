// Who is coding: the allianceLens.coder setting, else the operating-system user name.
import * as os from 'os';
import type { Configuration } from '../configuration';

export function coderName(configuration: Configuration): string {
  const configured = configuration.settings['allianceLens.coder'].trim();
  if (configured) return configured;
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}
