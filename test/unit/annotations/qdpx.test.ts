// REFI-QDA projects (.qdpx) in core: character positions, the exported structure, reading and refusing archives,
// and placing a project's coding on workspace transcripts.
import * as assert from 'assert';
import { zipSync } from 'fflate';
import { analyzeTranscript } from '../../../src/core/analyzer';
import { createAnchor } from '../../../src/core/annotations/anchor';
import { guidFor, mergeCodebook } from '../../../src/core/annotations/codebook';
import { PlainTextPositions } from '../../../src/core/annotations/plain-text-positions';
import { buildQdpxProject, exportQdpx, QDPX_NAMESPACE, type QdpxTranscript } from '../../../src/core/annotations/qdpx-export';
import { importQdpxProject, type WorkspaceTranscript } from '../../../src/core/annotations/qdpx-import';
import { readQdpx, type ForeignProject } from '../../../src/core/annotations/qdpx-read';
import { addAnnotation, addThread } from '../../../src/core/annotations/sidecar-edits';
import { emptySidecar, type Sidecar } from '../../../src/core/annotations/sidecar';
import { parseXml, type XmlElement } from '../../../src/core/annotations/xml';

/** Emoji (surrogate pairs, one a ZWJ sequence of several code points), precomposed and combining accents, CRLF. */
const TRICKY = [
  '---', 'therapist: Dr. Lee', 'client: Zoë', 'session: 3', '---',
  'T: How was the week? 😊',
  'C: Ça va, the 👩‍👩‍👧 trip went well, but I\u0301 felt tired.',
  'T: You felt tired after the trip.',
  'C: Yes. I want to rest more.',
  '',
].join('\r\n');

const byCodePoints = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');
const all = (element: XmlElement, name: string): XmlElement[] =>
  [...(element.localName === name ? [element] : []), ...element.children.flatMap((child) => all(child, name))];
const enc = (text: string) => new TextEncoder().encode(text);

function coded(text: string, name: string, edit: (sidecar: Sidecar, text: string, analysis: ReturnType<typeof analyzeTranscript>) => Sidecar): QdpxTranscript {
  const analysis = analyzeTranscript(text, { fileName: name });
  return { name, text, analysis, sidecar: edit(emptySidecar(name), text, analysis) };
}

function anchorOn(text: string, quote: string, utterances: ReturnType<typeof analyzeTranscript>['utterances']) {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return createAnchor(text, start, start + quote.length, utterances);
}

describe('REFI-QDA: character positions', () => {
  it('counts code points of the LF text and maps back to UTF-16 offsets of the original', () => {
    const positions = new PlainTextPositions(TRICKY);
    assert.ok(!positions.plain.includes('\r'));
    assert.strictEqual(positions.length, Array.from(positions.plain).length);
    for (const quote of ['trip went well', 'I\u0301 felt tired', 'rest more', '😊', '👩‍👩‍👧']) {
      const start = TRICKY.indexOf(quote);
      const end = start + quote.length;
      const [from, to] = [positions.toCharacter(start), positions.toCharacter(end)];
      assert.strictEqual(byCodePoints(positions.plain, from, to), quote, `${quote} by code points`);
      assert.strictEqual(positions.toOriginal(from), start, `${quote} start maps back`);
      assert.strictEqual(positions.toOriginal(to), end, `${quote} end maps back`);
    }
    // The family emoji is 5 code points but 8 UTF-16 units; each CRLF before it counts one character.
    assert.strictEqual(positions.toCharacter(TRICKY.indexOf(' trip')) - positions.toCharacter(TRICKY.indexOf('👩')), 5);
  });

  it('maps an offset at a CR LF to the end of its line and refuses positions outside the text', () => {
    const positions = new PlainTextPositions('ab\r\ncd');
    assert.strictEqual(positions.toCharacter(2), 2);
    assert.strictEqual(positions.toCharacter(3), 2, 'between CR and LF is the end of the line');
    assert.strictEqual(positions.toOriginal(2), 2, 'before the CR, not inside the line ending');
    assert.strictEqual(positions.toOriginal(3), 4);
    assert.strictEqual(positions.toOriginal(6), null);
    assert.strictEqual(positions.toOriginal(-1), null);
    assert.strictEqual(new PlainTextPositions('a\r\nb', { keepLineEndings: true }).toOriginal(3), 3, 'kept CRs count as characters');
  });
});

describe('REFI-QDA: project export', () => {
  const transcript = coded(TRICKY, 'tricky.txt', (sidecar, text, analysis) => {
    let next = addAnnotation(sidecar, { coder: 'ana', codes: ['talk.change'], memo: 'wants rest & <quiet>', anchor: anchorOn(text, 'I want to rest more.', analysis.utterances), now: new Date('2026-01-02T03:04:05Z') });
    next = addAnnotation(next, { coder: 'bén', codes: ['reflection.simple', 'my.own'], anchor: anchorOn(text, 'You felt tired after the trip.', analysis.utterances) });
    next = addAnnotation(next, { coder: 'ana', codes: ['talk.change'], anchor: anchorOn(text, '👩‍👩‍👧 trip went well', analysis.utterances) });
    return addThread(next, { author: 'supervisor', body: 'Good reflection.', anchor: anchorOn(text, 'You felt tired', analysis.utterances) }).sidecar;
  });
  const project = buildQdpxProject([transcript], { projectName: 'P & Q', codebook: mergeCodebook(null), now: new Date('2026-01-01T00:00:00Z') });
  const root = parseXml(project.files[0]!.text);
  const source = project.files.find((file) => file.path.startsWith('Sources/'))!;

  it('writes project.qde in the QDA-XML namespace and each source as LF text under Sources/, referenced internally', () => {
    assert.strictEqual(project.files[0]!.path, 'project.qde');
    assert.strictEqual(root.localName, 'Project');
    assert.strictEqual(root.attributes.xmlns, QDPX_NAMESPACE);
    assert.strictEqual(root.attributes.name, 'P & Q');
    assert.deepStrictEqual(root.children.map((child) => child.localName), ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes']);
    const textSource = all(root, 'TextSource')[0]!;
    assert.strictEqual(textSource.attributes.name, 'tricky.txt');
    assert.strictEqual(textSource.attributes.plainTextPath, `internal://${source.path.slice('Sources/'.length)}`);
    assert.match(source.path, /^Sources\/[0-9a-f-]{36}\.txt$/);
    assert.strictEqual(source.text, TRICKY.replace(/\r\n/g, '\n'));
  });

  it('places every selection by code points on the exchanged text, including after emoji and CRLF', () => {
    const selections = all(root, 'PlainTextSelection');
    const quotes = selections.map((selection) => byCodePoints(source.text, Number(selection.attributes.startPosition), Number(selection.attributes.endPosition)));
    assert.deepStrictEqual(quotes, ['I want to rest more.', 'You felt tired after the trip.', '👩‍👩‍👧 trip went well', 'You felt tired']);
  });

  it('has one user per coder and comment author, codings by their user, notes linked by NoteRef', () => {
    const users = new Map(all(root, 'User').map((user) => [user.attributes.guid!, user.attributes.name!]));
    assert.deepStrictEqual([...users.values()], ['ana', 'bén', 'supervisor']);
    const codeNames = new Map(all(root, 'Code').map((code) => [code.attributes.guid!, code.attributes.name!]));
    const notes = new Map(all(root, 'Note').map((note) => [note.attributes.guid!, note]));
    const [memoSelection, benSelection, , commentSelection] = all(root, 'PlainTextSelection');
    assert.strictEqual(users.get(memoSelection!.attributes.creatingUser!), 'ana');
    assert.strictEqual(memoSelection!.attributes.creationDateTime, '2026-01-02T03:04:05.000Z');
    const memo = notes.get(all(memoSelection!, 'NoteRef')[0]!.attributes.targetGUID!)!;
    assert.strictEqual(all(memo, 'PlainTextContent')[0]!.text, 'wants rest & <quiet>');
    assert.ok(project.files[0]!.text.includes('wants rest &amp; &lt;quiet&gt;'));
    const benCodes = all(benSelection!, 'Coding').map((coding) => codeNames.get(all(coding, 'CodeRef')[0]!.attributes.targetGUID!));
    assert.deepStrictEqual(benCodes, ['Simple reflection', 'my.own'], 'a code missing from the codebook is added so no CodeRef dangles');
    assert.ok(all(benSelection!, 'Coding').every((coding) => users.get(coding.attributes.creatingUser!) === 'bén'));
    assert.strictEqual(all(commentSelection!, 'Coding').length, 0);
    const comment = notes.get(all(commentSelection!, 'NoteRef')[0]!.attributes.targetGUID!)!;
    assert.strictEqual(users.get(comment.attributes.creatingUser!), 'supervisor');
    // Every reference resolves.
    for (const ref of all(root, 'NoteRef')) assert.ok(notes.has(ref.attributes.targetGUID!));
    for (const ref of all(root, 'CodeRef')) assert.ok(codeNames.has(ref.attributes.targetGUID!));
  });

  it('writes the codebook nested with hex colours, speakers as cases with their role, front matter as variables', () => {
    const collaborative = all(root, 'Code').find((code) => code.attributes.name === 'Collaborative')!;
    assert.strictEqual(collaborative.attributes.isCodable, 'false');
    assert.ok(collaborative.children.some((code) => code.attributes.guid === guidFor('collaborative.autonomy')));
    assert.ok(all(root, 'Code').every((code) => /^#[0-9A-F]{6}$/.test(code.attributes.color!)));
    const variables = new Map(all(root, 'Variable').map((variable) => [variable.attributes.guid!, variable.attributes.name!]));
    assert.deepStrictEqual([...variables.values()].sort(), ['Role', 'client', 'session', 'therapist']);
    const cases = all(root, 'Case').map((speakerCase) => `${speakerCase.attributes.name}=${all(speakerCase, 'TextValue')[0]!.text}`);
    assert.deepStrictEqual(cases.sort(), ['C=client', 'T=therapist']);
    const values = all(all(root, 'TextSource')[0]!, 'VariableValue')
      .map((value) => `${variables.get(all(value, 'VariableRef')[0]!.attributes.targetGUID!)}=${all(value, 'TextValue')[0]!.text}`);
    assert.deepStrictEqual(values.sort(), ['client=Zoë', 'session=3', 'therapist=Dr. Lee']);
  });

  it('exports the automatic codes only with the option, under their own user', () => {
    const plain = buildQdpxProject([transcript], { projectName: 'p', codebook: mergeCodebook(null) });
    const auto = buildQdpxProject([transcript], { projectName: 'p', codebook: mergeCodebook(null), automatic: true });
    const findings = transcript.analysis.utterances.flatMap((utterance) => utterance.findings);
    assert.ok(findings.length > 0, 'the fixture has findings');
    const count = (text: string) => all(parseXml(text), 'PlainTextSelection').length;
    assert.strictEqual(count(auto.files[0]!.text) - count(plain.files[0]!.text), findings.length);
    assert.ok(all(parseXml(auto.files[0]!.text), 'User').some((user) => user.attributes.name === 'Alliance Lens (automatic)'));
    assert.ok(!all(parseXml(plain.files[0]!.text), 'User').some((user) => user.attributes.name === 'Alliance Lens (automatic)'));
  });

  it('marks the notes of a resolved comment thread, and the import resolves it again', () => {
    const resolved: QdpxTranscript = { ...transcript, sidecar: { ...transcript.sidecar!, comments: transcript.sidecar!.comments.map((t) => ({ ...t, resolved: true })) } };
    const read = readQdpx(exportQdpx([resolved], { projectName: 'p', codebook: mergeCodebook(null) }).bytes);
    assert.ok(read.ok);
    assert.ok([...read.project.notes.values()].some((note) => note.name === 'Comment by supervisor (resolved)'));
    const back = importQdpxProject(read.project, [{ name: 'tricky.txt', text: TRICKY, utterances: analyzeTranscript(TRICKY).utterances, sidecar: null }], { codebook: null, addCodes: true });
    assert.deepStrictEqual(back.sidecars[0]!.sidecar.comments.map((t) => t.resolved), [true]);
    const open = importQdpxProject(readOk(exportQdpx([transcript], { projectName: 'p', codebook: mergeCodebook(null) }).bytes), [{ name: 'tricky.txt', text: TRICKY, utterances: analyzeTranscript(TRICKY).utterances, sidecar: null }], { codebook: null, addCodes: true });
    assert.deepStrictEqual(open.sidecars[0]!.sidecar.comments.map((t) => t.resolved), [false]);
  });

  it('lists orphaned items instead of exporting them at a wrong place, and is deterministic', () => {
    const orphan: QdpxTranscript = { ...transcript, sidecar: { ...transcript.sidecar!, annotations: transcript.sidecar!.annotations.map((a, i) => (i === 0 ? { ...a, orphaned: true } : a)) } };
    const result = buildQdpxProject([orphan], { projectName: 'p', codebook: mergeCodebook(null), now: new Date(0) });
    assert.strictEqual(result.skipped.length, 1);
    assert.match(result.skipped[0]!, /I want to rest more/);
    assert.strictEqual(all(parseXml(result.files[0]!.text), 'PlainTextSelection').length, 3);
    const again = buildQdpxProject([orphan], { projectName: 'p', codebook: mergeCodebook(null), now: new Date(0) });
    assert.deepStrictEqual(again.files, result.files);
  });
});

describe('REFI-QDA: reading archives', () => {
  const exported = () => exportQdpx([coded('T: Hello there.\nC: Hi.\n', 's.txt', (sidecar, text, analysis) =>
    addAnnotation(sidecar, { coder: 'ana', codes: ['talk.change'], anchor: anchorOn(text, 'Hi.', analysis.utterances) }))], { projectName: 'p', codebook: mergeCodebook(null) }).bytes;
  const refused = (bytes: Uint8Array, pattern: RegExp) => {
    const read = readQdpx(bytes);
    assert.ok(!read.ok, 'refused');
    assert.match(read.problems.join('\n'), pattern);
  };
  const qde = (body: string) => `<?xml version="1.0"?><Project xmlns="${QDPX_NAMESPACE}" name="x">${body}</Project>`;
  const CODE = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
  const SOURCE = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

  it('reads its own export back', () => {
    const read = readQdpx(exported());
    assert.ok(read.ok, read.ok ? '' : read.problems.join('\n'));
    assert.strictEqual(read.project.sources[0]!.name, 's.txt');
    assert.strictEqual(read.project.sources[0]!.text, 'T: Hello there.\nC: Hi.\n');
    assert.deepStrictEqual([...read.project.users.values()], ['ana']);
  });

  it('refuses something that is not a zip, or a zip without project.qde', () => {
    refused(enc('hello, not a zip at all, long enough to scan for a directory record'), /not a readable zip archive/);
    refused(zipSync({ 'readme.txt': enc('hi') }), /no project\.qde/);
  });

  it('refuses zip slip: entry names that climb out or are absolute', () => {
    refused(zipSync({ 'project.qde': enc(qde('')), '../evil.txt': enc('x') }), /climbs out/);
    refused(zipSync({ 'project.qde': enc(qde('')), '/etc/evil': enc('x') }), /absolute path/);
    refused(zipSync({ 'project.qde': enc(qde('')), 'Sources\\..\\evil': enc('x') }), /backslash/);
  });

  it('refuses a zip bomb, too many entries, and an entry that lies about its size', () => {
    refused(zipSync({ 'project.qde': [new Uint8Array(4 * 1024 * 1024), { level: 9 }] }), /expands \d+ times/);
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`Sources/${i}.txt`, enc('x')]));
    const read = readQdpx(zipSync({ 'project.qde': enc(qde('')), ...many }), { entries: 3, totalBytes: 1e9, entryBytes: 1e9, ratio: 200 });
    assert.ok(!read.ok && /more than 3 entries/.test(read.problems[0]!));
    const lying = Buffer.from(zipSync({ 'project.qde': enc(qde(' '.repeat(5000))) }));
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24);
    refused(new Uint8Array(lying), /checksum does not match/);
  });

  it('refuses XML with a DOCTYPE (no entity expansion: XXE, billion laughs)', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>${qde('<Description>&x;</Description>')}`;
    refused(zipSync({ 'project.qde': enc(xxe) }), /DOCTYPE is not accepted/);
  });

  it('refuses a missing source file and a source path outside the archive', () => {
    refused(zipSync({ 'project.qde': enc(qde(`<Sources><TextSource guid="${SOURCE}" name="s" plainTextPath="internal://${SOURCE}.txt"/></Sources>`)) }), /Sources\/.*\.txt .* is missing/);
    refused(zipSync({ 'project.qde': enc(qde(`<Sources><TextSource guid="${SOURCE}" name="s" plainTextPath="internal://../../etc/passwd"/></Sources>`)) }), /climbs out/);
    refused(zipSync({ 'project.qde': enc(qde(`<Sources><TextSource guid="${SOURCE}" name="s" plainTextPath="file:///etc/passwd"/></Sources>`)) }), /outside the archive/);
  });

  it('refuses dangling GUIDs: a coding of an undeclared code, a note or user nobody declared', () => {
    const selection = (inner: string, user = '') => qde(`<CodeBook><Codes><Code guid="${CODE}" name="c" isCodable="true"/></Codes></CodeBook>`
      + `<Sources><TextSource guid="${SOURCE}" name="s"><PlainTextContent>Hello</PlainTextContent>`
      + `<PlainTextSelection guid="cccccccc-cccc-4ccc-8ccc-cccccccccccc" startPosition="0" endPosition="5"${user}>${inner}</PlainTextSelection></TextSource></Sources>`);
    const coding = (code: string) => `<Coding guid="dddddddd-dddd-4ddd-8ddd-dddddddddddd"><CodeRef targetGUID="${code}"/></Coding>`;
    assert.ok(readQdpx(zipSync({ 'project.qde': enc(selection(coding(CODE))) })).ok, 'the well-formed version is read');
    refused(zipSync({ 'project.qde': enc(selection(coding('eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'))) }), /refers to code eeeeeeee/);
    refused(zipSync({ 'project.qde': enc(selection('<NoteRef targetGUID="ffffffff-ffff-4fff-8fff-ffffffffffff"/>')) }), /refers to note ffffffff/);
    refused(zipSync({ 'project.qde': enc(selection(coding(CODE), ' creatingUser="12345678-1234-4234-8234-123456789012"')) }), /refers to user 12345678/);
  });
});

describe('REFI-QDA: placing a project on workspace transcripts', () => {
  const CODE = '{AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA}';
  const USER = '{11111111-1111-4111-8111-111111111111}';
  const OTHER = '{22222222-2222-4222-8222-222222222222}';
  const workspaceText = 'T: How are you? 😊\nC: Tired. I want to rest more.\n';
  const workspace = (): WorkspaceTranscript => {
    const analysis = analyzeTranscript(workspaceText, { fileName: 'w.txt' });
    return { name: 'w.txt', text: workspaceText, utterances: analysis.utterances, sidecar: null };
  };
  /** A project as another tool might write it: braces GUIDs, CRLF text counted CR included, a three-digit colour,
   * a code our codebook lacks, a memo and a comment. */
  const foreignProject = (): ForeignProject => {
    const foreignXml = `<?xml version="1.0"?><Project xmlns="${QDPX_NAMESPACE}" name="other tool">
      <Users><User guid="${USER}" name="Maria"/><User guid="${OTHER}" name="Sup"/></Users>
      <CodeBook><Codes><Code guid="${CODE}" name="Fatigue" isCodable="true" color="#a0b"/></Codes></CodeBook>
      <Sources><TextSource guid="{33333333-3333-4333-8333-333333333333}" name="session one.docx" plainTextPath="internal://one.txt">
        <PlainTextSelection guid="{44444444-4444-4444-8444-444444444444}" startPosition="22" endPosition="28" creatingUser="${USER}">
          <Coding guid="{55555555-5555-4555-8555-555555555555}" creatingUser="${USER}"><CodeRef targetGUID="${CODE}"/></Coding>
          <NoteRef targetGUID="{66666666-6666-4666-8666-666666666666}"/>
          <NoteRef targetGUID="{77777777-7777-4777-8777-777777777777}"/>
        </PlainTextSelection>
        <PlainTextSelection guid="{88888888-8888-4888-8888-888888888888}" startPosition="900" endPosition="910" creatingUser="${USER}">
          <Coding guid="{99999999-9999-4999-8999-999999999999}" creatingUser="${USER}"><CodeRef targetGUID="${CODE}"/></Coding>
        </PlainTextSelection>
      </TextSource></Sources>
      <Notes>
        <Note guid="{66666666-6666-4666-8666-666666666666}" name="memo" creatingUser="${USER}"><PlainTextContent>short answer</PlainTextContent></Note>
        <Note guid="{77777777-7777-4777-8777-777777777777}" name="remark" creatingUser="${OTHER}" creationDateTime="2026-02-03T04:05:06Z"><PlainTextContent>ask more here</PlainTextContent></Note>
      </Notes></Project>`;
    const read = readQdpx(zipSync({ 'project.qde': enc(foreignXml), 'Sources/one.txt': enc('T: How are you? 😊\r\nC: Tired. I want to rest more.\r\n') }));
    assert.ok(read.ok, read.ok ? '' : read.problems.join('\n'));
    return read.project;
  };

  it('matches by identical text (line endings aside), places by quote, and splits memo from comment', () => {
    const result = importQdpxProject(foreignProject(), [workspace()], { codebook: null, addCodes: true, now: new Date('2026-03-01T00:00:00Z') });
    assert.deepStrictEqual(result.addedCodes, ['fatigue']);
    assert.strictEqual(result.codebook!.codes[0]!.color, '#AA00BB');
    assert.strictEqual(result.codebook!.codes[0]!.guid, normalise(CODE));
    const sidecar = result.sidecars[0]!.sidecar;
    assert.strictEqual(sidecar.annotations.length, 1);
    const annotation = sidecar.annotations[0]!;
    assert.strictEqual(annotation.coder, 'Maria');
    assert.deepStrictEqual(annotation.codes, ['fatigue']);
    // Positions 22-28 of the CRLF source, its CR counted as a character: "Tired." on the second line.
    assert.strictEqual(annotation.anchor.exact, 'Tired.');
    assert.strictEqual(workspaceText.slice(annotation.anchor.start, annotation.anchor.end), 'Tired.');
    assert.strictEqual(annotation.memo, 'short answer');
    assert.strictEqual(sidecar.comments.length, 1);
    assert.deepStrictEqual(sidecar.comments[0]!.comments.map((c) => [c.author, c.body, c.created]), [['Sup', 'ask more here', '2026-02-03T04:05:06.000Z']]);
    assert.strictEqual(result.unplaced.length, 1, 'the selection beyond the text is listed, not dropped');
    assert.match(result.unplaced[0]!, /positions outside the source/);
  });

  it('without adding codes, lists the codings of unknown codes and adds nothing to the codebook', () => {
    const result = importQdpxProject(foreignProject(), [workspace()], { codebook: null, addCodes: false });
    assert.deepStrictEqual(result.unknownCodes, ['Fatigue']);
    assert.strictEqual(result.codebook, null);
    assert.ok(result.unplaced.some((line) => /"Fatigue" is not in the workspace codebook/.test(line)));
    assert.strictEqual(result.sidecars[0]?.sidecar.annotations.length ?? 0, 0);
  });

  it('only adds: existing items stay as they were, and importing twice adds nothing new', () => {
    const first = importQdpxProject(foreignProject(), [workspace()], { codebook: null, addCodes: true });
    const existing = first.sidecars[0]!.sidecar;
    const again = importQdpxProject(foreignProject(), [{ ...workspace(), sidecar: existing }], { codebook: first.codebook, addCodes: true });
    assert.strictEqual(again.sidecars.length, 0);
    assert.strictEqual(again.alreadyPresent, 2);
    assert.deepStrictEqual(again.addedCodes, []);
  });

  it('matches by name when the text differs, and lists a quote that is no longer there', () => {
    const edited = 'T: How are you? 😊\nC: Exhausted. I want to rest more.\n';
    const analysis = analyzeTranscript(edited, { fileName: 'session one.txt' });
    const result = importQdpxProject(foreignProject(), [{ name: 'session one.txt', text: edited, utterances: analysis.utterances, sidecar: null }], { codebook: null, addCodes: true });
    assert.ok(result.unplaced.some((line) => /"Tired\." is not in session one\.txt/.test(line)), result.unplaced.join('\n'));
    assert.strictEqual(result.sidecars.length, 0);
  });

  it('lists a source that matches no transcript', () => {
    const result = importQdpxProject(foreignProject(), [], { codebook: null, addCodes: true });
    assert.match(result.unmatchedSources[0]!, /"session one\.docx" matches no transcript .*2 coding/);
  });
});

function readOk(bytes: Uint8Array): ForeignProject {
  const read = readQdpx(bytes);
  assert.ok(read.ok, read.ok ? '' : read.problems.join('\n'));
  return read.project;
}

function normalise(guid: string): string {
  return guid.replace(/[{}]/g, '').toLowerCase();
}
