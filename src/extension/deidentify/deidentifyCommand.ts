// "Alliance Lens: De-identify Transcript…": shows every proposed replacement in a diff before anything is written,
// lets the user keep a term or add one, then writes `<name>.deid.<ext>` (or into a chosen folder) with its sidecar.
// The original is never modified; the key is written only where the user chooses, never inside the output folder.
// De-identification runs in the extension host: it is a one-off command the user waits for (about 16,000 words a
// second), not the live analysis that the worker keeps off the host.
import * as path from 'path';
import * as vscode from 'vscode';
import { notify } from '../notify';
import { parseJsonWithSchema } from '../../core/annotations/json-location';
import { parseSidecar, serializeSidecar, sidecarPathFor } from '../../core/annotations/sidecar';
import { DEIDENTIFY_CONFIG_PATH, parseDeidentifyConfig } from '../../core/deidentify/config';
import { emptyKey, keySchema, type KeyFile } from '../../core/deidentify/key';
import { deidentifiedFileName, proposedTerms, type ProposedTerm } from '../../core/deidentify/proposal';
import { deidentifySidecar } from '../../core/deidentify/sidecar';
import type * as DeidentifyEngine from '../../core/deidentify/index';
import type { deidentifyTranscript } from '../../core/deidentify/transcript';
import { parseTranscript } from '../../core/transcript/parse';
import { readTextFile, writeTextFileAtomically } from '../annotations/fileAccess';

export const DEIDENTIFY_COMMAND = 'allianceLens.deidentify';

/** dist/deidentify.js, beside dist/extension.js; a run-time path keeps esbuild from bundling it into activation. */
function loadEngine(): typeof DeidentifyEngine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(__dirname, 'deidentify.js')) as typeof DeidentifyEngine;
}
const PROPOSAL_SCHEME = 'alliance-lens-deid';

/** For tests and scripted use: given a target, nothing is asked. */
export interface DeidentifyRequest {
  target?: vscode.Uri;
  key?: vscode.Uri;
  keep?: string[];
  names?: string[];
}

export interface DeidentifyOutcome {
  copy: vscode.Uri;
  sidecar: vscode.Uri | null;
  key: vscode.Uri | null;
  replaced: number;
}

/** Serves the proposed copy to the diff editor; the text changes as terms are kept or added. */
class ProposalDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  show(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  forget(uri: vscode.Uri): void {
    this.texts.delete(uri.toString());
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerDeidentify(): vscode.Disposable[] {
  const proposals = new ProposalDocuments();
  return [
    proposals,
    vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, proposals),
    vscode.commands.registerCommand(DEIDENTIFY_COMMAND, (request?: DeidentifyRequest) => deidentifyActive(proposals, request ?? {})),
  ];
}

async function deidentifyActive(proposals: ProposalDocuments, request: DeidentifyRequest): Promise<DeidentifyOutcome | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Alliance Lens: open a transcript to de-identify first.');
    return undefined;
  }
  const scripted = request.target !== undefined;
  const config = await readConfig(document.uri);
  if (!config) return undefined;
  const keyChoice = scripted ? await keyFrom(request.key ?? null) : await chooseKey();
  if (!keyChoice) return undefined;
  const keep = [...config.keep, ...(request.keep ?? [])];
  const names = [...config.names, ...(request.names ?? [])];
  const original = document.getText();
  const fileName = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
  const { deidentifyTranscript } = loadEngine();
  // Each try starts from the key as it was read, so a term the user then keeps leaves no entry behind.
  let key = structuredClone(keyChoice.key);
  const run = () => {
    key = structuredClone(keyChoice.key);
    return deidentifyTranscript(original, { fileName, key, keep, names });
  };

  let result = run();
  if (!result.ok) {
    void notify('error', `${fileName} cannot be de-identified: ${result.error}`);
    return undefined;
  }
  if (!scripted) {
    const proposalUri = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: `/${deidentifiedFileName(fileName)}`, query: document.uri.toString() });
    proposals.show(proposalUri, result.text);
    await vscode.commands.executeCommand('vscode.diff', document.uri, proposalUri, `${fileName} ↔ de-identified (proposal, not saved)`, { preview: true });
    try {
      for (;;) {
        const action = await vscode.window.showQuickPick([
          { label: '$(check) Write the de-identified copy…', id: 'write' },
          { label: '$(list-selection) Choose which terms to replace…', id: 'terms', description: `${proposedTerms(result.replacements).length} terms, ${result.replacements.length} places` },
          { label: '$(add) Add a term to replace…', id: 'add' },
          { label: '$(close) Cancel', id: 'cancel' },
        ], { title: 'De-identify: read the diff, then', ignoreFocusOut: true });
        if (!action || action.id === 'cancel') return undefined;
        if (action.id === 'write') break;
        if (action.id === 'terms') {
          const kept = await pickKeptTerms(proposedTerms(result.replacements));
          if (kept) keep.push(...kept);
        } else {
          const term = await vscode.window.showInputBox({ title: 'Add a term to replace', prompt: 'A name or word to replace wherever it occurs, any case', ignoreFocusOut: true });
          if (term?.trim()) names.push(term.trim());
        }
        const next = run();
        if (!next.ok) {
          void notify('error', `${next.error}`);
          continue;
        }
        result = next;
        proposals.show(proposalUri, result.text);
      }
    } finally {
      proposals.forget(proposalUri);
    }
  }
  const target = request.target ?? await chooseTarget(document.uri, fileName);
  if (!target) return undefined;
  return writeCopy(document.uri, original, target, result, { uri: keyChoice.uri, key }, fileName);
}

async function writeCopy(source: vscode.Uri, original: string, target: vscode.Uri,
  result: Extract<ReturnType<typeof deidentifyTranscript>, { ok: true }>, keyChoice: KeyChoice, fileName: string): Promise<DeidentifyOutcome | undefined> {
  const sidecarTarget = target.with({ path: sidecarPathFor(target.path) });
  const problem = target.toString() === source.toString() ? 'that is the original'
    : await exists(target) ? `${target.fsPath || target.path} already exists and is never overwritten`
      : await exists(sidecarTarget) ? `${sidecarTarget.fsPath || sidecarTarget.path} already exists` : null;
  const outputFolder = vscode.Uri.joinPath(target, '..').toString();
  const keyProblem = keyChoice.uri && keyChoice.uri.toString().startsWith(`${outputFolder}/`) && !isBeside(source, target)
    ? 'the key holds the originals and may not go into the folder of the copies' : null;
  if (problem || keyProblem) {
    void notify('error', `nothing was written: ${problem ?? keyProblem}.`);
    return undefined;
  }
  const sidecarText = await sidecarCopy(source, original, result, fileName, target);
  if (sidecarText === 'broken') return undefined;
  await writeTextFileAtomically(target, result.text);
  if (sidecarText !== null) await writeTextFileAtomically(sidecarTarget, sidecarText);
  if (keyChoice.uri) await writeTextFileAtomically(keyChoice.uri, `${JSON.stringify(keyChoice.key, null, 2)}\n`);
  const counts = Object.entries(result.counts).filter(([, count]) => count > 0).map(([category, count]) => `${count} ${category}`).join(', ') || 'nothing';
  void vscode.window.showInformationMessage(`Alliance Lens: wrote ${target.path.slice(target.path.lastIndexOf('/') + 1)} (${counts} replaced). Read it before you share it: automatic de-identification misses things.`);
  return { copy: target, sidecar: sidecarText !== null ? sidecarTarget : null, key: keyChoice.uri, replaced: result.replacements.length };
}

/** The copy beside its original is the default; the key rule is about a separate folder of copies to share. */
function isBeside(source: vscode.Uri, target: vscode.Uri): boolean {
  return vscode.Uri.joinPath(source, '..').toString() === vscode.Uri.joinPath(target, '..').toString();
}

async function sidecarCopy(source: vscode.Uri, original: string, result: Extract<ReturnType<typeof deidentifyTranscript>, { ok: true }>,
  fileName: string, target: vscode.Uri): Promise<string | null | 'broken'> {
  const stored = await readTextFile(source.with({ path: sidecarPathFor(source.path) }));
  if (stored === undefined) return null;
  const parsed = parseSidecar(stored);
  if (!parsed.ok) {
    void notify('error', `the sidecar of ${fileName} is broken (line ${parsed.problems[0]?.line}: ${parsed.problems[0]?.message}); nothing was written, so its codes are not lost from the copy.`);
    return 'broken';
  }
  const copy = deidentifySidecar(parsed.sidecar, { text: original, utterances: parseTranscript(original, { fileName }).utterances },
    { text: result.text, utterances: parseTranscript(result.text, { fileName }).utterances }, result.replacements, result.deidentifier);
  copy.sidecar.transcript = target.path.slice(target.path.lastIndexOf('/') + 1);
  if (copy.unplaced > 0) void notify('warning', `${copy.unplaced} coded item(s) no longer matched the original; they are kept in the copy, flagged orphaned.`);
  return serializeSidecar(copy.sidecar);
}

/** A multi-select of every term, all ticked; what the user unticks is kept as written. */
async function pickKeptTerms(terms: readonly ProposedTerm[]): Promise<string[] | undefined> {
  const items = terms.map((term) => ({
    label: term.original, description: `→ ${term.replacement}`, detail: `${term.category}, ${term.count}×`, picked: true, term,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true, title: 'Terms to replace (untick to keep a term as it is)', ignoreFocusOut: true, matchOnDescription: true,
  });
  if (!picked) return undefined;
  const chosen = new Set(picked.map((item) => item.term));
  return terms.filter((term) => !chosen.has(term)).map((term) => term.original);
}

async function chooseTarget(source: vscode.Uri, fileName: string): Promise<vscode.Uri | undefined> {
  const name = deidentifiedFileName(fileName);
  const choice = await vscode.window.showQuickPick([
    { label: `Beside the original, as ${name}`, id: 'beside' },
    { label: 'In a folder…', id: 'folder', description: `as ${fileName}` },
  ], { title: 'Where should the de-identified copy go?', ignoreFocusOut: true });
  if (!choice) return undefined;
  if (choice.id === 'beside') return vscode.Uri.joinPath(source, '..', name);
  const folder = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Write the copy here' });
  return folder?.[0] ? vscode.Uri.joinPath(folder[0], fileName) : undefined;
}

interface KeyChoice {
  uri: vscode.Uri | null;
  key: KeyFile;
}

async function chooseKey(): Promise<KeyChoice | undefined> {
  const choice = await vscode.window.showQuickPick([
    { label: 'No key', id: 'none', description: 'stand-ins for this file only' },
    { label: 'Continue a key…', id: 'open', description: 'the same stand-ins as earlier copies' },
    { label: 'Start a new key…', id: 'new', description: 'a file that maps originals to stand-ins; keep it private' },
  ], { title: 'De-identify: keep the replacements in a key file?', ignoreFocusOut: true });
  if (!choice) return undefined;
  if (choice.id === 'none') return { uri: null, key: emptyKey() };
  const uri = choice.id === 'open'
    ? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'De-identification key': ['json'] }, openLabel: 'Continue this key' }))?.[0]
    : await vscode.window.showSaveDialog({ filters: { 'De-identification key': ['json'] }, saveLabel: 'Start the key here' });
  return uri ? keyFrom(uri) : undefined;
}

async function keyFrom(uri: vscode.Uri | null): Promise<KeyChoice | undefined> {
  if (!uri) return { uri: null, key: emptyKey() };
  const text = await readTextFile(uri);
  if (text === undefined) return { uri, key: emptyKey() };
  const parsed = parseJsonWithSchema(text, keySchema);
  if (parsed.ok) return { uri, key: parsed.value };
  void notify('error', `${uri.fsPath || uri.path} is not a de-identification key; it was left as it is.`);
  return undefined;
}

async function readConfig(documentUri: vscode.Uri): Promise<{ names: string[]; keep: string[] } | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  if (!folder) return { names: [], keep: [] };
  const uri = vscode.Uri.joinPath(folder.uri, DEIDENTIFY_CONFIG_PATH);
  const text = await readTextFile(uri);
  if (text === undefined) return { names: [], keep: [] };
  const parsed = parseDeidentifyConfig(text);
  if (parsed.ok) return parsed.config;
  const problem = parsed.problems[0];
  void notify('error', `${DEIDENTIFY_CONFIG_PATH} line ${problem?.line}: ${problem?.field ? `${problem.field}: ` : ''}${problem?.message} (expected {"names": [...], "keep": [...]}).`);
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
