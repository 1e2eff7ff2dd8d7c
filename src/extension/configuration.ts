// Thin VS Code wrapper over settings.ts: reads the configuration through the schema and warns once per broken
// value (not on every read), so a typo in settings.json cannot flood the user or crash a feature.
import * as vscode from 'vscode';
import { notify } from './notify';
import { readSettings, type SettingKey, type Settings } from './settings';

export class Configuration implements vscode.Disposable {
  private current: Settings;
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<Settings>();
  private readonly subscription: vscode.Disposable;
  readonly onDidChange = this.changed.event;

  constructor() {
    this.current = this.read();
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('allianceLens')) return;
      this.current = this.read();
      this.changed.fire(this.current);
    });
  }

  get settings(): Settings {
    return this.current;
  }

  private read(): Settings {
    const configuration = vscode.workspace.getConfiguration();
    const { settings, problems } = readSettings((key: SettingKey) => configuration.get(key));
    for (const problem of problems) {
      if (this.warned.has(problem.message)) continue;
      this.warned.add(problem.message);
      void notify('warning', problem.message);
    }
    return settings;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
