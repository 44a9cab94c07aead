/**
 * Turning file bytes into text: byte order marks, UTF-8 validation,
 * Windows-1252, and telling binary files from text. Uses only the global
 * TextDecoder.
 */
import { ThemenfinderError } from '../errors';

/** Encodings the user can ask for with `--encoding`. */
export type TextEncodingOption = 'utf-8' | 'windows-1252' | 'latin1';

/** Encodings themenfinder decodes (the options plus those found by BOM). */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** All values accepted by the `encoding` option. */
export const ENCODING_OPTIONS: readonly TextEncodingOption[] = ['utf-8', 'windows-1252', 'latin1'];

/** The result of {@link decodeBytes}. */
export interface DecodedText {
  text: string;
  /** The encoding used. */
  encoding: TextEncoding;
  /** Whether a byte order mark was found (and removed). */
  bom: boolean;
}

/** Windows-1252 code points for bytes 0x80–0x9F (undefined bytes map to the C1 control, as WHATWG does). */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/**
 * Decodes Windows-1252 bytes (which is also what `latin1` means on the web).
 * Bytes 0x80–0x9F are mapped with a built-in table (€, „, “, –, …).
 *
 * @example
 * ```ts
 * decodeWindows1252(new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x65, 0x80])); // 'Grüße€'
 * ```
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  // Some Node versions decode 'windows-1252' as ISO-8859-1 (bytes 0x80–0x9F
  // become C1 controls), so decode as Latin-1 and map that range ourselves.
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

/**
 * The offset of the first byte that is not part of valid UTF-8, or -1 when
 * all bytes are valid. A sequence cut off at the very end counts as invalid
 * unless `allowTruncatedEnd` is set (for streaming).
 *
 * @example
 * ```ts
 * firstInvalidUtf8(new Uint8Array([0x61, 0xfc, 0x62])); // 1
 * firstInvalidUtf8(new TextEncoder().encode('Grüße')); // -1
 * ```
 */
export function firstInvalidUtf8(bytes: Uint8Array, allowTruncatedEnd = false): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      // The sequence runs past the end of the bytes.
      if (!allowTruncatedEnd) return i;
      for (let k = 1; i + k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
      return -1;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The 1-based line of a byte offset (counting LF bytes). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (an .xlsx, .docx or .zip file?); name it .xlsx if it is an Excel workbook' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF; turn it into text first (e.g. `pdftotext -layout`)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office file (.xls or .doc); save it as .xlsx, .csv or .txt' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive; unpack it first' },
];

/**
 * Looks at the first bytes of a file and says why it is not text, or returns
 * `undefined` when it may be text. Detects common binary formats by their
 * signature, NUL bytes and a high share of control characters.
 *
 * @example
 * ```ts
 * binaryReason(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])); // 'a PDF; …'
 * binaryReason(new TextEncoder().encode('Mehr Zeit')); // undefined
 * ```
 */
export function binaryReason(bytes: Uint8Array): string | undefined {
  for (const magic of MAGIC) {
    if (magic.bytes.every((b, i) => bytes[i] === b)) return magic.what;
  }
  const n = Math.min(bytes.length, 65536);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27) control++;
  }
  if (nul > 0) return `binary data (${nul} NUL bytes in the first ${n} bytes)`;
  if (n > 0 && control / n > 0.01) return `binary data (${control} control bytes in the first ${n} bytes)`;
  return undefined;
}

/** Guesses UTF-16 without a BOM from the NUL bytes of ASCII text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.3 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
}

/** The encoding a byte order mark announces, and its length. */
export function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function notText(file: string, why: string, extra: { line?: number } = {}): ThemenfinderError {
  return new ThemenfinderError('NOT_TEXT', `${file} is not readable text: ${why}.`, { file, ...extra });
}

/**
 * Decodes file bytes into text. A BOM (UTF-8, UTF-16 LE/BE) wins; otherwise
 * the given encoding is used, else the bytes must be valid UTF-8. Binary
 * files and invalid UTF-8 throw `NOT_TEXT` naming the file (and the line of
 * the first bad byte) and suggesting `--encoding windows-1252`. `latin1` is
 * decoded as Windows-1252, as browsers do.
 *
 * @example
 * ```ts
 * decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), { file: 'a.csv' }); // { text: 'a', encoding: 'utf-8', bom: true }
 * decodeBytes(new Uint8Array([0xfc]), { encoding: 'windows-1252' }).text; // 'ü'
 * ```
 */
export function decodeBytes(
  bytes: Uint8Array,
  options: { encoding?: TextEncodingOption; file?: string } = {},
): DecodedText {
  const file = options.file ?? 'The input';
  const bom = bomOf(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') {
      let bad = -1;
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8', bom: true };
      } catch {
        bad = Math.max(0, firstInvalidUtf8(body));
      }
      if (bad >= 0 && options.encoding === undefined) {
        throw notText(
          file,
          `it starts with a UTF-8 byte order mark but byte ${bad + bom.length} (line ${lineOfByte(body, bad)}) is not UTF-8; ` +
            'save the file again as UTF-8',
          { line: lineOfByte(body, bad) },
        );
      }
      if (bad >= 0) return { text: decodeWindows1252(body), encoding: 'windows-1252', bom: true };
    }
    return { text: new TextDecoder(bom.encoding).decode(body), encoding: bom.encoding, bom: true };
  }
  if (options.encoding === 'windows-1252' || options.encoding === 'latin1') {
    const why = binaryReason(bytes);
    if (why) throw notText(file, `it looks like ${why}`);
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 && options.encoding === undefined) {
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false };
  }
  const why = binaryReason(bytes);
  if (why) throw notText(file, `it looks like ${why}`);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Find where, for the message.
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes));
  const line = lineOfByte(bytes, bad);
  throw notText(
    file,
    `byte ${bad} (line ${line}, value 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')}) is not UTF-8. ` +
      'If the file comes from Excel or an older Windows program, read it with --encoding windows-1252 (API: encoding)',
    { line },
  );
}
