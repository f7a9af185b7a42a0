import Papa from 'papaparse';

/**
 * Decoded text → records, with the row number a user sees when opening the file in Excel: the first
 * record is row 1, blank lines count, and a quoted cell spanning several lines is one row.
 */

export type Delimiter = ';' | ',' | '\t';

export interface ParsedRecord {
  /** 1-based record number in the file (the Excel row). */
  row: number;
  cells: string[];
}

export interface ParsedText {
  delimiter: Delimiter;
  /** Non-blank records in file order. */
  records: ParsedRecord[];
  /** Rows whose quoting is broken; an unterminated quote swallows the rest of the file into that row. */
  badQuotes: number[];
}

export type ParseProblem = 'emptyFile' | 'headerOnly';

export type ParseResult = { ok: true; parsed: ParsedText } | { ok: false; reason: ParseProblem };

// Order breaks ties: Norwegian Excel writes semicolons, because the comma is the decimal separator.
const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];
const DETECT_RECORDS = 20;

export function parseListText(text: string): ParseResult {
  // One line ending everywhere, so a file mixing CRLF and LF still splits into rows (Papa Parse
  // takes the first ending it sees as the only one).
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (clean.trim() === '') return { ok: false, reason: 'emptyFile' };
  const delimiter = detectDelimiter(clean);
  const result = Papa.parse<string[]>(clean, { delimiter, newline: '\n', quoteChar: '"', skipEmptyLines: false });
  const records: ParsedRecord[] = [];
  result.data.forEach((cells, index) => {
    if (cells.some((c) => c.trim() !== '')) records.push({ row: index + 1, cells });
  });
  if (records.length === 0) return { ok: false, reason: 'emptyFile' };
  if (records.length === 1) return { ok: false, reason: 'headerOnly' };
  const badQuotes = [
    ...new Set(result.errors.filter((e) => e.type === 'Quotes' && e.row !== undefined).map((e) => (e.row ?? 0) + 1)),
  ];
  return { ok: true, parsed: { delimiter, records, badQuotes } };
}

/**
 * The delimiter that splits most records into the same number of cells: for each candidate, the most
 * common per-record count (outside quotes) over the first records, weighted by how many records
 * share it. A title line above the header, or a name with a comma in a semicolon file, does not sway it.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts = DELIMITERS.map(() => [] as number[]);
  const current = DELIMITERS.map(() => 0);
  let inQuotes = false;
  let records = 0;
  let blank = true;
  for (let i = 0; i < text.length && records < DETECT_RECORDS; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n') {
      if (!blank) DELIMITERS.forEach((_, d) => counts[d]?.push(current[d] ?? 0));
      current.fill(0);
      records += blank ? 0 : 1;
      blank = true;
      continue;
    } else {
      const d = DELIMITERS.indexOf(c as Delimiter);
      if (d !== -1) current[d] = (current[d] ?? 0) + 1;
    }
    if (c !== ' ') blank = false;
  }
  if (!blank) DELIMITERS.forEach((_, d) => counts[d]?.push(current[d] ?? 0));
  let best: Delimiter = ';';
  let bestScore = 0;
  DELIMITERS.forEach((delimiter, d) => {
    const score = modeScore(counts[d] ?? []);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  });
  return best;
}

/** How many records share the most common non-zero count, times one plus that count. */
function modeScore(perRecord: number[]): number {
  const frequency = new Map<number, number>();
  for (const n of perRecord) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
  let score = 0;
  for (const [n, times] of frequency) score = Math.max(score, times * (n + 1));
  return score;
}
