/**
 * Bytes of an exported list → text. NIR lists come out of Norwegian Excel as UTF-8 with or without
 * a byte-order mark, or as Windows-1252 (a superset of ISO-8859-1 in the printable range); Excel's
 * "Unicode text" export is UTF-16 with a byte-order mark.
 */

export type ListEncoding = 'utf-8-bom' | 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export type DecodeProblem = 'emptyFile' | 'fileTooLarge' | 'binaryFile' | 'excelWorkbook';

/** Text that decoded but looks like UTF-8 that was once read as Windows-1252 ("Ã¸" for "ø"). */
export type DecodeWarning = 'suspectMojibake';

export type DecodeResult =
  { ok: true; text: string; encoding: ListEncoding; warnings: DecodeWarning[] } | { ok: false; reason: DecodeProblem };

/** A weekly list is hundreds to tens of thousands of rows (≈ 2 MB); far larger is the wrong file. */
export const MAX_LIST_BYTES = 20 * 1024 * 1024;

// Share of control bytes (other than tab, line feed, form feed, carriage return) above which the
// file is not text. Real CSV has none; a stray one in a name must not refuse the whole list.
const CONTROL_SHARE_LIMIT = 0.01;
const SAMPLE_BYTES = 64 * 1024;

export function decodeListBytes(bytes: Uint8Array, options: { maxBytes?: number } = {}): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'emptyFile' };
  if (bytes.length > (options.maxBytes ?? MAX_LIST_BYTES)) return { ok: false, reason: 'fileTooLarge' };
  if (startsWith(bytes, [0xff, 0xfe])) return decoded(new TextDecoder('utf-16le').decode(bytes), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decoded(new TextDecoder('utf-16be').decode(bytes), 'utf-16be');
  // .xlsx is a zip archive, .xls an OLE compound file: say so, since "save as CSV" fixes it.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, reason: 'excelWorkbook' };
  }
  if (looksBinary(bytes)) return { ok: false, reason: 'binaryFile' };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // TextDecoder drops the byte-order mark itself (ignoreBOM defaults to false).
    return decoded(new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom ? 'utf-8-bom' : 'utf-8');
  } catch {
    // Not valid UTF-8, so a single-byte code page; every byte decodes in Windows-1252.
    return decoded(decodeWindows1252(bom ? bytes.subarray(3) : bytes), 'windows-1252');
  }
}

// Windows-1252 bytes 0x80–0x9F (WHATWG index; the five unassigned bytes map to the C1 control itself).
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder (up to at least 20.x) decodes 'windows-1252' as Latin-1, turning 0x92 (’, common
 * in names like Ma’ruf) and 0x80 (€) into C1 controls (nodejs/node#56542); browsers follow the
 * standard. Re-mapping the C1 range afterwards gives the same text in both.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function decoded(text: string, encoding: ListEncoding): DecodeResult {
  const warnings: DecodeWarning[] = MOJIBAKE.test(text) ? ['suspectMojibake'] : [];
  return { ok: true, text, encoding, warnings };
}

// "Ã" followed by the Windows-1252 reading of a UTF-8 continuation byte: æ ø å Æ Ø Å é ü … read twice.
const MOJIBAKE = /Ã[\u00a0-\u00bf\u2020\u2026\u02dc\u0161\u0178\u201a-\u201e\u2122]/;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true;
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return control / sample.length > CONTROL_SHARE_LIMIT;
}
