// Who is coding: the allianceLens.coder setting, else the operating-system user name. An account name such as
// "root" says nothing about a person, so when it would be used the coder is asked for their name once.
import * as os from 'os';
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import { looksLikeAccountName } from './accountNames';

const ASKED_KEY = 'allianceLens.coderNameAsked';

function systemUserName(): string {
  try {
    return os.userInfo().username || 'coder';
  } catch {
    return 'coder';
  }
}

export function coderName(configuration: Configuration): string {
  const configured = configuration.settings['allianceLens.coder'].trim();
  return configured || systemUserName();
}

/** Before the first code, review or comment: asks for a name once when the coder would be an account name. */
export async function askCoderNameOnce(configuration: Configuration, state: vscode.Memento): Promise<void> {
  if (configuration.settings['allianceLens.coder'].trim() || !looksLikeAccountName(systemUserName()) || state.get<boolean>(ASKED_KEY)) return;
  await state.update(ASKED_KEY, true);
  const name = await vscode.window.showInputBox({
    title: 'Your name as a coder',
    prompt: `Stored with every code, review and comment you make, so others can tell coders apart. Otherwise they are signed "${systemUserName()}". You can change it later in the setting allianceLens.coder.`,
    placeHolder: 'e.g. Ana Ruiz',
    ignoreFocusOut: true,
  });
  if (name?.trim()) await vscode.workspace.getConfiguration('allianceLens').update('coder', name.trim(), vscode.ConfigurationTarget.Global);
}
