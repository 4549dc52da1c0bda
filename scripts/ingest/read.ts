import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The outcome of turning a file's bytes into text. */
export type Decoded =
  { ok: true; text: string; encoding: string; warnings: string[] } | { ok: false; problem: string };

const MAGIC: Array<[number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an Office document)'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'an executable (ELF)'],
];

/** Names the binary format whose signature the bytes start with, or null. */
function detectBinarySignature(bytes: Uint8Array): string | null {
  for (const [signature, name] of MAGIC) {
    if (signature.every((byte, i) => bytes[i] === byte)) return name;
  }
  return null;
}

/** Guesses UTF-16 without a byte-order mark from where the zero bytes fall. */
function detectBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 8192);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  // Latin text in UTF-16 has a zero in almost every pair, always on the same side.
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

const LEGACY_ENCODINGS = new Set([
  'windows-1250',
  'windows-1251',
  'windows-1252',
  'windows-1253',
  'windows-1254',
  'iso-8859-1',
  'iso-8859-2',
  'iso-8859-5',
  'iso-8859-9',
  'koi8-r',
]);

/** Turns a file's bytes into text, detecting BOMs, UTF-16, legacy code pages and binaries. */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: 'the file is empty' };
  const signature = detectBinarySignature(bytes);
  if (signature) return { ok: false, problem: `the file is ${signature}, not text` };

  const warnings: string[] = [];
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), 'utf-8 (with BOM)', warnings);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'),
      encoding: 'utf-16le (with BOM)',
      warnings,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'),
      encoding: 'utf-16be (with BOM)',
      warnings,
    };
  }
  const utf16 = detectBomlessUtf16(bytes);
  if (utf16)
    return {
      ok: true,
      text: iconv.decode(Buffer.from(bytes), utf16),
      encoding: `${utf16} (no BOM)`,
      warnings,
    };

  let zeros = 0;
  for (const byte of bytes) if (byte === 0) zeros++;
  if (zeros > Math.max(8, bytes.length * 0.01)) {
    return { ok: false, problem: `the file looks binary (${zeros} NUL bytes), not text` };
  }
  if (zeros > 0) warnings.push(`removed ${zeros} NUL byte${zeros === 1 ? '' : 's'} from the text`);
  return decodeUtf8(bytes, 'utf-8', warnings);
}

function decodeUtf8(bytes: Uint8Array, label: string, warnings: string[]): Decoded {
  try {
    return {
      ok: true,
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: label,
      warnings,
    };
  } catch {
    // Not valid UTF-8: either a legacy code page or UTF-8 with a few broken bytes.
  }
  const lossy = new TextDecoder('utf-8').decode(bytes);
  const replaced = (lossy.match(/\uFFFD/g) ?? []).length;
  const multibyte = (lossy.match(/[^\x00-\x7f\uFFFD]/g) ?? []).length;
  // Legacy code pages almost never form valid UTF-8 sequences, so any real share of them means UTF-8.
  if (multibyte >= replaced) {
    warnings.push(
      `${replaced} invalid UTF-8 byte sequence${replaced === 1 ? ' was' : 's were'} replaced`,
    );
    return { ok: true, text: lossy, encoding: 'utf-8 (repaired)', warnings };
  }
  const guess = (chardet.detect(bytes) ?? '').toLowerCase();
  const encoding = LEGACY_ENCODINGS.has(guess) ? guess : 'windows-1252';
  if (!LEGACY_ENCODINGS.has(guess))
    warnings.push(`encoding unclear (detector said ${guess || 'nothing'}); read as windows-1252`);
  return { ok: true, text: iconv.decode(Buffer.from(bytes), encoding), encoding, warnings };
}

/** Normalises line ends, spaces and invisible characters while keeping quotes and dashes as written. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}
