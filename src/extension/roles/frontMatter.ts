// Writing a speaker's role into the transcript's front matter (the `---` block of ARCHITECTURE §3). Pure: it
// returns one text edit confined to the front matter, so the user's transcript below it is never touched.
export type AssignableRole = 'therapist' | 'client';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

interface FrontMatterBlock {
  /** Offset of the first character after the opening `---` line. */
  bodyStart: number;
  /** Offset of the closing `---` line. */
  bodyEnd: number;
}

function findFrontMatter(text: string): FrontMatterBlock | undefined {
  const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!opening) return undefined;
  const closing = /^---[ \t]*$/m;
  const rest = text.slice(opening[0].length);
  const match = closing.exec(rest);
  if (!match) return undefined;
  return { bodyStart: opening[0].length, bodyEnd: opening[0].length + match.index };
}

function splitNames(value: string): string[] {
  return value.split(',').map((name) => name.trim()).filter(Boolean);
}

/** The edit that makes `speaker` the `role` in the front matter: the speaker is removed from the other role's
 * list and added to this one; a front matter block is created at the top when there is none. */
export function setRoleEdit(text: string, speaker: string, role: AssignableRole): TextEdit {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = findFrontMatter(text);
  if (!block) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    return { start: bom, end: bom, newText: `---${eol}${role}: ${speaker}${eol}---${eol}` };
  }
  const body = text.slice(block.bodyStart, block.bodyEnd);
  const lines = body.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  let placed = false;
  const updated: string[] = [];
  for (const line of lines) {
    const entry = /^(therapist|client)\s*:(.*)$/i.exec(line);
    if (!entry) {
      updated.push(line);
      continue;
    }
    const key = entry[1].toLowerCase() as AssignableRole;
    const names = splitNames(entry[2]).filter((name) => name.toLowerCase() !== speaker.toLowerCase());
    if (key === role) {
      names.push(speaker);
      placed = true;
    }
    if (names.length > 0) updated.push(`${entry[1]}: ${names.join(', ')}`);
  }
  if (!placed) updated.push(`${role}: ${speaker}`);
  return { start: block.bodyStart, end: block.bodyEnd, newText: updated.map((line) => line + eol).join('') };
}
