import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The bytes Pagefind puts before the CBOR of each compressed index file. */
const PAGEFIND_MARK = 'pagefind_dcd';

/**
 * Collects every text string of a CBOR document, whatever its shape: Pagefind's metadata names the
 * files of its index (fragments, word and filter chunks) by hash, as strings, and reading all of
 * them keeps this independent of how the metadata's fields are laid out.
 */
export function collectCborStrings(bytes: Uint8Array): Set<string> {
  const strings = new Set<string>();
  const decoder = new TextDecoder();
  let at = 0;
  const readLength = (info: number): number => {
    if (info < 24) return info;
    const size = [1, 2, 4, 8][info - 24];
    if (size === undefined) throw new Error(`CBOR: unsupported length ${info} at byte ${at}`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at++]!;
    return value;
  };
  const readItem = (): void => {
    if (at >= bytes.length) throw new Error('CBOR: ends inside an item');
    const head = bytes[at++]!;
    const major = head >> 5;
    const info = head & 31;
    if (info === 31) {
      // An item of indefinite length: its parts until the break byte.
      if (major === 7) throw new Error(`CBOR: stray break at byte ${at - 1}`);
      while (bytes[at] !== 0xff) readItem();
      at++;
      return;
    }
    if (major === 7) {
      at += [1, 2, 4, 8][info - 24] ?? 0;
      return;
    }
    const length = readLength(info);
    if (major === 2) at += length;
    else if (major === 3) {
      strings.add(decoder.decode(bytes.subarray(at, at + length)));
      at += length;
    } else if (major === 4) for (let i = 0; i < length; i++) readItem();
    else if (major === 5) for (let i = 0; i < 2 * length; i++) readItem();
    else if (major === 6) readItem();
  };
  while (at < bytes.length) readItem();
  return strings;
}

/** Reads one of Pagefind's compressed files back to its CBOR. */
function readPagefindFile(file: string): Uint8Array {
  const bytes = gunzipSync(readFileSync(file));
  const mark = Buffer.from(PAGEFIND_MARK);
  if (!bytes.subarray(0, mark.length).equals(mark))
    throw new Error(`${file}: not a Pagefind index file`);
  return bytes.subarray(mark.length);
}

/** The folders of a Pagefind index whose files are named by a hash of what they hold. */
const HASHED_FOLDERS = ['fragment', 'index', 'filter'];

/**
 * The files of a Pagefind index folder that its entry no longer reaches: fragments and chunks its
 * metadata does not name, and metadata files of other builds. Paths are relative to the folder.
 */
export function listUnreferencedFiles(indexDir: string): string[] {
  const entry = JSON.parse(readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string }>;
  };
  const metas = new Set(
    Object.values(entry.languages).map((language) => `pagefind.${language.hash}.pf_meta`),
  );
  const named = new Set<string>();
  for (const meta of metas)
    for (const name of collectCborStrings(readPagefindFile(path.join(indexDir, meta))))
      named.add(name);
  const unreferenced = readdirSync(indexDir).filter(
    (name) => name.endsWith('.pf_meta') && !metas.has(name),
  );
  for (const folder of HASHED_FOLDERS) {
    if (!existsSync(path.join(indexDir, folder))) continue;
    for (const name of readdirSync(path.join(indexDir, folder)).sort())
      if (!named.has(name.slice(0, name.lastIndexOf('.'))))
        unreferenced.push(path.join(folder, name));
  }
  return unreferenced.sort();
}
