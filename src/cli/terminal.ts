// What this command line prints to a terminal. Transcripts, sidecars and file names are other people's text: a
// VTT cue or a file name can hold escape sequences that a terminal would run (change the title, rewrite lines,
// hide text). Everything bound for a terminal passes through `forTerminal`: standard error always, standard output
// when it is a terminal, and the table format wherever it goes.

// C0 controls except tab and line feed, DEL, and the C1 controls (U+0080-U+009F: U+009B is a one-character CSI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_BREAK = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** The text without control characters, which a terminal would interpret: tab stays, and line feeds stay unless
 * `singleLine` (a table cell, a name) asks for them to go too. A lone carriage return is removed (it would let a
 * line overwrite the one before). */
export function forTerminal(text: string, options: { singleLine?: boolean } = {}): string {
  return text.replace(options.singleLine ? CONTROL_OR_BREAK : CONTROL, '');
}
