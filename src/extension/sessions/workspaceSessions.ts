// The workspace's transcripts as sessions for the Sessions view: found with findFiles, read through
// vscode.workspace.fs (virtual workspaces too), analysed on the worker-based AnalysisService (never on the extension
// host), then grouped and ordered by the same core code as `alliance-lens trends`.
import * as vscode from 'vscode';
import { buildTrends, type TrendsReport } from '../../core/trends/trends';
import type { Analysis } from '../../core/types';
import type { DocumentRules } from '../documentAnalyses';
import type { AnalysisService } from '../engine/analysisService';
import { looksLikeTranscript } from '../eligibility';

/** .transcript files are transcripts by name; .txt, .vtt and .srt only when their first lines look like one. */
const TRANSCRIPT_GLOB = '**/*.{transcript,txt,vtt,srt}';
const EXCLUDED = '**/{node_modules,.git,.vscode,.alliance-lens}/**';
/** A workspace of thousands of text files is not a caseload; stop there rather than analyse them all. */
const MAX_FILES = 500;

export interface WorkspaceSessions {
  report: TrendsReport;
  /** Session file (the workspace-relative path in the report) → its file. */
  uris: Map<string, vscode.Uri>;
  /** Files that could not be read. */
  problems: string[];
}

export async function collectWorkspaceSessions(service: AnalysisService, maxFileSizeMB: number, rulesOf?: DocumentRules, token?: vscode.CancellationToken): Promise<WorkspaceSessions> {
  const found = await vscode.workspace.findFiles(TRANSCRIPT_GLOB, EXCLUDED, MAX_FILES, token);
  found.sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
  const analyses: Analysis[] = [];
  const uris = new Map<string, vscode.Uri>();
  const problems: string[] = [];
  for (const uri of found) {
    if (token?.isCancellationRequested) break;
    const file = vscode.workspace.asRelativePath(uri);
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > maxFileSizeMB * 1024 * 1024) continue;
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      if (!/\.transcript$/i.test(uri.path) && !looksLikeTranscript(text, file)) continue;
      // A key of its own, forgotten at once: the view needs each file's summary, not a cache of every file.
      const key = `sessions:${uri.toString()}`;
      const userRuleFiles = rulesOf && await rulesOf(uri);
      const analysis = await service.analyze({ key, fileName: file, text, ...(userRuleFiles ? { userRuleFiles } : {}) });
      service.forget(key);
      if (analysis.utterances.length === 0) continue;
      analyses.push(analysis);
      uris.set(file, uri);
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { report: buildTrends(analyses), uris, problems };
}
