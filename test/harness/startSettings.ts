// The user settings of `npm start`'s workbench, shared with the e2e scenario that checks what a new user sees.

/** `npm start` is how new users meet the extension: VS Code's own first-run defaults come back (the Welcome page,
 * walkthroughs on install, tips), which the test harness's quiet settings switch off. Settings that protect the
 * user (nothing sent off the machine) stay. The window is titled after the extension and the open file, as an
 * installed extension's window would be, not "[Extension Development Host]". */
export const FIRST_RUN_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'welcomePage',
  'workbench.welcomePage.walkthroughs.openOnInstall': true,
  'allianceLens.walkthrough.openOnFirstRun': true,
  'workbench.tips.enabled': true,
  'window.commandCenter': true,
  'window.title': 'Alliance Lens${separator}${dirty}${activeEditorShort}${separator}${rootName}',
  'window.titleSeparator': ' — ',
};
