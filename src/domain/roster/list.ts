import { checkMapping, guessColumns, identifiesPerson, type ColumnGuess, type ColumnMapping } from './columns.ts';
import type { MappingProblem } from './columns.ts';
import { decodeListBytes, type DecodeProblem, type DecodeWarning, type ListEncoding } from './decode.ts';
import { parseListText, type Delimiter, type ParsedRecord, type ParseProblem } from './parse.ts';
import { readPerson, type InvalidRow, type NirPerson } from './people.ts';

/**
 * One list file from bytes to people, in two steps so the UI can show the guessed column mapping
 * and let the user change it before the rows are read: loadList (decode, parse, find the header,
 * guess) then readPeople (with the guessed or the chosen mapping). readList does both.
 */

export interface ListFile {
  /** Shown in problems and invalid rows; the file name, not a path. */
  name: string;
  bytes: Uint8Array;
}

export type ListProblem = DecodeProblem | ParseProblem | MappingProblem;

export interface LoadedList {
  file: string;
  encoding: ListEncoding;
  warnings: DecodeWarning[];
  delimiter: Delimiter;
  /** Row number of the header (1 unless title lines stand above it). */
  headerRow: number;
  header: string[];
  /** Non-blank rows below the header. */
  records: ParsedRecord[];
  badQuotes: number[];
  guess: ColumnGuess;
}

export interface ListPeople {
  file: string;
  people: NirPerson[];
  invalidRows: InvalidRow[];
  /** Columns the classification uses that the mapping lacks: their rules cannot apply to this list. */
  missingColumns: ('birthDate' | 'permitDate' | 'permitType')[];
}

export type LoadListResult = { ok: true; list: LoadedList } | { ok: false; file: string; reason: ListProblem };
export type ReadPeopleResult = { ok: true; people: ListPeople } | { ok: false; file: string; reason: MappingProblem };
export type ReadListResult =
  { ok: true; list: LoadedList; people: ListPeople } | { ok: false; file: string; reason: ListProblem };

// An export may put a title or a date line above the header; look this far down for it.
const HEADER_SEARCH_RECORDS = 10;

export function loadList(file: ListFile, options: { maxBytes?: number } = {}): LoadListResult {
  const decoded = decodeListBytes(file.bytes, options);
  if (!decoded.ok) return { ok: false, file: file.name, reason: decoded.reason };
  const parsed = parseListText(decoded.text);
  if (!parsed.ok) return { ok: false, file: file.name, reason: parsed.reason };
  const { records, delimiter, badQuotes } = parsed.parsed;
  // The header is the first record that identifies a person; failing that, the first record.
  const candidates = records.slice(0, HEADER_SEARCH_RECORDS);
  const found = candidates.findIndex((r) => identifiesPerson(guessColumns(r.cells).mapping));
  const headerIndex = Math.max(found, 0);
  const headerRecord = records[headerIndex];
  if (!headerRecord || headerIndex === records.length - 1) return { ok: false, file: file.name, reason: 'headerOnly' };
  const header = headerRecord.cells.map((c) => c.replace(/\s+/g, ' ').trim());
  return {
    ok: true,
    list: {
      file: file.name,
      encoding: decoded.encoding,
      warnings: decoded.warnings,
      delimiter,
      headerRow: headerRecord.row,
      header,
      records: records.slice(headerIndex + 1),
      badQuotes,
      guess: guessColumns(header),
    },
  };
}

/** Reads every data row with `mapping` (indices into `list.header`). `asOf` is today, ISO. */
export function readPeople(list: LoadedList, mapping: ColumnMapping, asOf: string): ReadPeopleResult {
  const checked = checkMapping(mapping, list.header.length);
  if (!checked.ok) return { ok: false, file: list.file, reason: checked.reason };
  const badQuotes = new Set(list.badQuotes);
  const people: NirPerson[] = [];
  const invalidRows: InvalidRow[] = [];
  for (const { row, cells } of list.records) {
    const source = { file: list.file, row };
    if (badQuotes.has(row)) {
      invalidRows.push({ ...source, reason: 'badQuotes' });
      continue;
    }
    // Extra filled cells mean the row has shifted (an unquoted delimiter inside a value), so no cell
    // can be trusted to be in its column. Empty trailing cells are harmless.
    if (cells.slice(list.header.length).some((c) => c.trim() !== '')) {
      invalidRows.push({ ...source, reason: 'tooManyFields' });
      continue;
    }
    const read = readPerson(cells, mapping, source, asOf);
    if (read.ok) people.push(read.person);
    else invalidRows.push(read.invalid);
  }
  const missingColumns = (['birthDate', 'permitDate', 'permitType'] as const).filter((c) => mapping[c] === undefined);
  return { ok: true, people: { file: list.file, people, invalidRows, missingColumns } };
}

/** loadList then readPeople, with `mapping` when given (a remembered or chosen one), else the guess. */
export function readList(
  file: ListFile,
  options: { asOf: string; mapping?: ColumnMapping; maxBytes?: number },
): ReadListResult {
  const loaded = loadList(file, options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes });
  if (!loaded.ok) return loaded;
  const read = readPeople(loaded.list, options.mapping ?? loaded.list.guess.mapping, options.asOf);
  if (!read.ok) return read;
  return { ok: true, list: loaded.list, people: read.people };
}
