import type { Column, ColumnMapping } from './columns.ts';
import { parseListDate, type DateProblem } from './dates.ts';
import type { Gender } from '../resident.ts';
import type { PersonFields } from './personFields.ts';

/** One row of one NIR list, read into typed fields. Empty cells are null (names are '' when unknown). */
export interface NirPerson extends PersonFields {
  /** Fødselsnummer or D-number, 11 digits: read for matching, never stored in the roster. */
  nationalId: string | null;
  source: SourceRef;
  /** Cells that were filled in but unreadable; the field is null and the problem says why. */
  problems: FieldProblem[];
}

export interface SourceRef {
  file: string;
  /** 1-based row in the file, header included (as Excel numbers it). */
  row: number;
}

export type ProblemField = 'duf' | 'nationalId' | 'birthDate' | 'permitDate';

export type FieldProblemCode =
  | 'dufFormat'
  /** Excel turned the number into "2,01912E+11": the digits are lost; export the column as text. */
  | 'dufExcelNumber'
  | 'nationalIdFormat'
  | DateProblem
  | 'dateInFuture';

export interface FieldProblem {
  field: ProblemField;
  reason: FieldProblemCode;
}

/** Why a row did not become a person: it is broken, or nothing in it tells who the person is. */
export type RowProblem = 'badQuotes' | 'tooManyFields' | 'noIdentity';

export interface InvalidRow extends SourceRef {
  /** `noIdentity`, or the problem of the identifying cell that could not be read. */
  reason: RowProblem | FieldProblemCode;
  /** Which cell `reason` is about, when it is about one. */
  field?: ProblemField;
}

export type ReadPersonResult = { ok: true; person: NirPerson } | { ok: false; invalid: InvalidRow };

/**
 * Reads one data row. A row becomes a person when it carries a usable DUF, national id, or name and
 * birth date; other unreadable cells stay on the person as `problems`, so a typo in a date never
 * hides someone from the lists.
 */
export function readPerson(
  cells: readonly string[],
  mapping: ColumnMapping,
  source: SourceRef,
  asOf: string,
): ReadPersonResult {
  const cell = (column: Column): string => {
    const index = mapping[column];
    if (index === undefined) return '';
    const value = (cells[index] ?? '').trim();
    // Line breaks (quoted multi-line cells), tabs and runs of spaces become one space.
    return SPACING.test(value) ? value.replace(/\s+/g, ' ') : value;
  };
  const problems: FieldProblem[] = [];
  const duf = readDuf(cell('duf'), problems);
  const nationalId = readNationalId(cell('nationalId'), problems);
  const birthDate = readDate('birthDate', cell('birthDate'), asOf, problems);
  const permitDate = readDate('permitDate', cell('permitDate'), asOf, problems);
  const { givenName, familyName } = readName(cell('givenName'), cell('familyName'), cell('fullName'));
  const hasName = givenName !== '' || familyName !== '';
  if (!duf && !nationalId && !(hasName && birthDate)) {
    const identityProblem = problems.find((p) => p.field !== 'permitDate' && (p.field !== 'birthDate' || hasName));
    const invalid: InvalidRow = identityProblem
      ? { ...source, reason: identityProblem.reason, field: identityProblem.field }
      : { ...source, reason: 'noIdentity' };
    return { ok: false, invalid };
  }
  const text = (column: Column): string | null => cell(column) || null;
  return {
    ok: true,
    person: {
      duf,
      nationalId,
      givenName,
      familyName,
      birthDate,
      gender: readGender(cell('gender')),
      citizenship: text('citizenship'),
      language: text('language'),
      receptionCentre: text('receptionCentre'),
      permitDate,
      permitType: text('permitType'),
      source,
      problems,
    },
  };
}

const SPACING = /\s\s|[^\S ]/;

// Separators people and exports put inside numbers: spaces (also no-break), dots and hyphens.
const NUMBER_SEPARATORS = /[\s.\u00a0\u202f-]/g;

function readDuf(value: string, problems: FieldProblem[]): string | null {
  if (!value) return null;
  if (/^\d+(,\d+)?E\+\d+$/i.test(value.replace(/\s/g, ''))) {
    problems.push({ field: 'duf', reason: 'dufExcelNumber' });
    return null;
  }
  const digits = value.replace(NUMBER_SEPARATORS, '');
  if (/^\d{12}$/.test(digits)) return digits;
  problems.push({ field: 'duf', reason: 'dufFormat' });
  return null;
}

function readNationalId(value: string, problems: FieldProblem[]): string | null {
  if (!value) return null;
  const digits = value.replace(NUMBER_SEPARATORS, '');
  if (/^\d{11}$/.test(digits)) return digits;
  // Excel drops the leading zero of a fødselsnummer born on days 1–9; ten digits can only be that.
  if (/^\d{10}$/.test(digits)) return `0${digits}`;
  problems.push({ field: 'nationalId', reason: 'nationalIdFormat' });
  return null;
}

function readDate(field: ProblemField, value: string, asOf: string, problems: FieldProblem[]): string | null {
  if (!value) return null;
  const result = parseListDate(value, asOf);
  if (!result.ok) problems.push({ field, reason: result.reason });
  else if (result.date > asOf) problems.push({ field, reason: 'dateInFuture' });
  else return result.date;
  return null;
}

/**
 * Separate given/family columns win over a full-name column. A full name is "Family, Given" when it
 * has a comma, else "Given … Family" (the last word as family name); matching does not depend on
 * where that split falls (see nameKey).
 */
export function readName(given: string, family: string, full: string): { givenName: string; familyName: string } {
  if (given || family || !full) return { givenName: given, familyName: family };
  const comma = full.indexOf(',');
  if (comma !== -1) return { givenName: full.slice(comma + 1).trim(), familyName: full.slice(0, comma).trim() };
  const space = full.lastIndexOf(' ');
  return space === -1
    ? { givenName: '', familyName: full }
    : { givenName: full.slice(0, space), familyName: full.slice(space + 1) };
}

const FEMALE = new Set(['k', 'kvinne', 'kvinnelig', 'f', 'female', 'w', 'woman', 'jente']);
const MALE = new Set(['m', 'mann', 'mannlig', 'male', 'man', 'gutt']);

function readGender(value: string): Gender | null {
  if (!value) return null;
  const key = value.toLowerCase().replace(/[^a-zæøå]/g, '');
  if (FEMALE.has(key)) return 'female';
  if (MALE.has(key)) return 'male';
  return 'unspecified';
}
