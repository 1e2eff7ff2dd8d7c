// The multi-select quick pick of the codebook, grouped by family, and the optional memo box.
import * as vscode from 'vscode';
import type { CodebookEntry } from '../../core/annotations/codebook';

interface CodeItem extends vscode.QuickPickItem {
  id?: string;
}

export function codePickItems(entries: readonly CodebookEntry[], picked: readonly string[] = []): CodeItem[] {
  const items: CodeItem[] = [];
  const familyOf = (entry: CodebookEntry): CodebookEntry => {
    let at = entry;
    for (let parent = entries.find((e) => e.id === at.parent); parent; parent = entries.find((e) => e.id === at.parent)) at = parent;
    return at;
  };
  let lastFamily: string | undefined;
  for (const entry of entries) {
    if (!entry.codable) continue;
    const family = familyOf(entry);
    if (family.id !== lastFamily) {
      items.push({ label: family.codable && family.id === entry.id ? 'Your codes' : family.name, kind: vscode.QuickPickItemKind.Separator });
      lastFamily = family.id;
    }
    items.push({ label: entry.name, description: entry.id, detail: entry.description || undefined, id: entry.id, picked: picked.includes(entry.id) });
  }
  return items;
}

export async function pickCodes(entries: readonly CodebookEntry[], title: string, picked: readonly string[] = []): Promise<string[] | undefined> {
  const chosen = await vscode.window.showQuickPick(codePickItems(entries, picked), {
    title, canPickMany: true, matchOnDescription: true, matchOnDetail: true, placeHolder: 'Choose one or more codes',
  });
  if (!chosen || chosen.length === 0) return undefined;
  return chosen.flatMap((item) => (item.id ? [item.id] : []));
}

/** undefined when the user pressed Escape (cancel), '' when they left the memo empty. */
export function askMemo(): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: 'Memo (optional)', prompt: 'A note on why, for yourself or your co-coder. Press Enter to skip.' });
}
