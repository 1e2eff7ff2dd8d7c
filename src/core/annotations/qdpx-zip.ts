// The .qdpx container: a zip with project.qde at its root and the sources under Sources/. Read with fflate (pure
// JavaScript, no dependencies, runs in the editor, a browser and the CLI alike), inside limits a real project stays
// far below, so a hostile archive (a zip bomb, paths that climb out) is refused before it costs memory. Entries are
// only ever read into memory by name; nothing in an archive is written to disk under its own path.
import { unzipSync, zipSync, type Zippable } from 'fflate';

export const QDPX_LIMITS = {
  /** Entries in the archive: a project with a few hundred transcripts has a few hundred. */
  entries: 10_000,
  /** Bytes of all entries once uncompressed. */
  totalBytes: 512 * 1024 * 1024,
  /** Bytes of one entry once uncompressed. */
  entryBytes: 128 * 1024 * 1024,
  /** Uncompressed size over compressed size of an entry: text compresses about 3 to 10 times, a bomb thousands. */
  ratio: 200,
};

export class QdpxArchiveError extends Error {}

/** Packs the project's XML and source files. Deflated; the text files and the XML compress well. */
export function packQdpx(files: ReadonlyArray<{ path: string; text: string }>): Uint8Array {
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = [encoder.encode(file.text), { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }];
  return zipSync(entries);
}

/** Reads every entry of an archive into memory as bytes, checking each name and size first. Throws
 * QdpxArchiveError with a message fit for the user. */
export function unpackQdpx(bytes: Uint8Array, limits = QDPX_LIMITS): Map<string, Uint8Array> {
  let count = 0;
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        if (++count > limits.entries) throw new QdpxArchiveError(`the archive holds more than ${limits.entries} entries`);
        const problem = unsafeEntryName(entry.name);
        if (problem) throw new QdpxArchiveError(`the entry "${entry.name}" ${problem}; the archive is refused`);
        if (entry.name.endsWith('/')) return false;
        if (entry.originalSize > limits.entryBytes) throw new QdpxArchiveError(`the entry "${entry.name}" would unpack to ${entry.originalSize} bytes, more than the ${limits.entryBytes} allowed`);
        total += entry.originalSize;
        if (total > limits.totalBytes) throw new QdpxArchiveError(`the archive would unpack to more than ${limits.totalBytes} bytes`);
        if (entry.originalSize > 1024 && entry.originalSize > entry.size * limits.ratio) {
          throw new QdpxArchiveError(`the entry "${entry.name}" expands ${Math.round(entry.originalSize / Math.max(entry.size, 1))} times (a zip bomb?); the archive is refused`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof QdpxArchiveError) throw error;
    throw new QdpxArchiveError(`not a readable zip archive (${error instanceof Error ? error.message : String(error)})`);
  }
  // fflate inflates into a buffer of the size the archive declares, so an entry that lies about its size cannot
  // grow past it; the checks above bound what it declares. Such an entry comes out cut short, which its checksum
  // shows, as it shows any other damage.
  const checksums = centralDirectoryChecksums(bytes);
  for (const [name, content] of Object.entries(files)) {
    const expected = checksums.get(name);
    if (expected !== undefined && expected !== crc32(content)) {
      throw new QdpxArchiveError(`the entry "${name}" is damaged or declares a false size (its checksum does not match); the archive is refused`);
    }
  }
  return new Map(Object.entries(files));
}

/** Entry name → CRC-32 as the central directory records it (fflate does not check it). Empty for ZIP64 archives,
 * whose sizes this reader's limits keep far below anyway. */
function centralDirectoryChecksums(bytes: Uint8Array): Map<string, number> {
  const checksums = new Map<string, number>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) return checksums;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (at === 0xffffffff) return checksums;
  const decoder = new TextDecoder();
  for (let i = 0; i < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    checksums.set(name, view.getUint32(at + 16, true));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return checksums;
}

let crcTable: Uint32Array | null = null;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Why an entry's name is not acceptable, or null. Names are never used as paths on disk, but an archive that
 * holds such names was made to attack an extractor (zip slip) and is not trusted with anything else either. */
export function unsafeEntryName(name: string): string | null {
  if (name.includes('\\')) return 'uses a backslash in its path';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of the archive with ".."';
  // eslint-disable-next-line no-control-regex -- control characters in a file name are the point here.
  if (/[\u0000-\u001f]/.test(name)) return 'has a control character in its name';
  return null;
}
