import { foldText } from './normalise.ts';

/**
 * Header recognition. The real NIR column names are not public, so headers are matched after folding
 * case, diacritics and punctuation ("DUF-nr.", "Duf nr" and "DUF NR" are one header), first against
 * exact names, then by what they contain.
 */

export const COLUMNS = [
  'duf',
  'nationalId',
  'givenName',
  'familyName',
  'fullName',
  'birthDate',
  'gender',
  'citizenship',
  'language',
  'receptionCentre',
  'permitDate',
  'permitType',
] as const;

export type Column = (typeof COLUMNS)[number];

/**
 * Which header cell (0-based index) each column is read from. A plain JSON object: the UI shows it,
 * the user may change it, and it is remembered under the file's `headerSignature` for next week.
 */
export type ColumnMapping = Partial<Record<Column, number>>;

export interface ColumnGuess {
  signature: string;
  mapping: ColumnMapping;
  /** Header cells no column took (unknown, or a second header for a column already taken). */
  unmapped: number[];
}

export type MappingProblem = 'noIdentifyingColumn' | 'columnOutOfRange' | 'columnUsedTwice';

// Folded headers (see normaliseHeader) that name a column outright. Checked before CONTAINS, so that
// "Etternavn, fornavn" is a full name rather than a family name.
const EXACT: Readonly<Record<string, Column>> = {
  ...names('duf', ['duf', 'dufnr', 'dufnummer', 'dufno', 'dufid', 'dufnumber']),
  ...names('nationalId', ['fnr', 'dnr', 'fodselsnr', 'persnr', 'personnr', 'fnrdnr', 'nationalid', 'pid']),
  ...names('givenName', ['fornavn', 'fornamn', 'givenname', 'givennames', 'firstname', 'forename']),
  ...names('familyName', ['etternavn', 'etternamn', 'familyname', 'lastname', 'surname']),
  ...names('fullName', ['navn', 'namn', 'name', 'fulltnavn', 'fullname', 'personnavn', 'fulltnamn']),
  ...names('fullName', ['etternavnfornavn', 'fornavnetternavn', 'etternavnogfornavn', 'fornavnogetternavn']),
  ...names('birthDate', ['fdato', 'fodt', 'foedt', 'dob', 'birthdate', 'dateofbirth', 'fodd']),
  ...names('gender', ['kjonn', 'kjoenn', 'gender', 'sex']),
  ...names('citizenship', ['statsborgerskap', 'statsborgarskap', 'nasjonalitet', 'citizenship', 'nationality']),
  ...names('language', ['morsmal', 'morsmaal', 'sprak', 'spraak', 'language', 'mothertongue']),
  ...names('receptionCentre', ['mottak', 'asylmottak', 'receptioncentre', 'receptioncenter', 'centre']),
  ...names('permitDate', ['vedtaksdato', 'tillatelsesdato', 'permitdate', 'decisiondate']),
  ...names('permitType', ['tillatelsestype', 'oppholdsgrunnlag', 'tillatelse', 'hjemmel', 'permittype']),
};

// Then the first rule whose pattern the folded header contains. A header that mentions a date can
// only be a date column: "Mottaksdato" is the arrival date, not the reception centre.
const CONTAINS: readonly (readonly [Column, RegExp])[] = [
  ['duf', /^duf/],
  ['birthDate', /fodselsdato|foedselsdato|fodedato|birthdate|dateofbirth/],
  ['permitDate', /(vedtak|tillatelse|innvilg|permit|decision).*(dato|date)|(dato|date).*(vedtak|tillatelse|permit)/],
  ['nationalId', /fodselsnummer|foedselsnummer|dnummer|personnummer|personident|fodselsnr/],
  ['familyName', /etternavn|etternamn|familyname|lastname|surname/],
  ['givenName', /fornavn|fornamn|givenname|firstname/],
  // Only a bare "name": "Mellomnavn" is not a full name, and "Mottaksnavn" is the centre.
  ['fullName', /^(fullt|fullstendig|full|person)?(navn|namn|name)$/],
  ['gender', /kjonn|kjoenn|gender/],
  ['citizenship', /statsborger|statsborgar|nasjonalitet|citizenship|nationality/],
  ['language', /morsmal|morsmaal|sprak|spraak|language|tongue/],
  ['permitType', /tillatelse|oppholdsgrunnlag|grunnlag|hjemmel|permit/],
  ['receptionCentre', /mottak|reception/],
];
const DATE_COLUMNS: ReadonlySet<Column> = new Set(['birthDate', 'permitDate']);

function names(column: Column, keys: string[]): Record<string, Column> {
  return Object.fromEntries(keys.map((k) => [k, column]));
}

/** "Fødselsnummer / D-nummer" → "fodselsnummerdnummer". */
export function normaliseHeader(header: string): string {
  return foldText(header).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Equal for two files whose headers fold alike, cell by cell: the key a remembered mapping is stored under. */
export function headerSignature(header: readonly string[]): string {
  return `v1:${header.map(normaliseHeader).join('|')}`;
}

/** The column one header names, or null. */
export function recogniseHeader(header: string): Column | null {
  const key = normaliseHeader(header);
  if (!key) return null;
  const exact = EXACT[key];
  if (exact) return exact;
  const mentionsDate = /dato|date/.test(key);
  for (const [column, pattern] of CONTAINS) {
    if (mentionsDate && !DATE_COLUMNS.has(column)) continue;
    if (pattern.test(key)) return column;
  }
  return null;
}

/** Each column goes to the first header (left to right) that names it. */
export function guessColumns(header: readonly string[]): ColumnGuess {
  const mapping: ColumnMapping = {};
  const unmapped: number[] = [];
  header.forEach((cell, index) => {
    const column = recogniseHeader(cell);
    if (column && mapping[column] === undefined) mapping[column] = index;
    else unmapped.push(index);
  });
  return { signature: headerSignature(header), mapping, unmapped };
}

/** A person can be told apart by DUF, by national/D-number, or by a name together with a birth date. */
export function identifiesPerson(mapping: ColumnMapping): boolean {
  const hasName =
    mapping.fullName !== undefined || (mapping.givenName !== undefined && mapping.familyName !== undefined);
  return mapping.duf !== undefined || mapping.nationalId !== undefined || (hasName && mapping.birthDate !== undefined);
}

/** Checks a mapping (guessed or chosen by the user) against a header of `columnCount` cells. */
export function checkMapping(
  mapping: ColumnMapping,
  columnCount: number,
): { ok: true } | { ok: false; reason: MappingProblem } {
  const used = new Set<number>();
  for (const column of COLUMNS) {
    const index = mapping[column];
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || index >= columnCount) return { ok: false, reason: 'columnOutOfRange' };
    if (used.has(index)) return { ok: false, reason: 'columnUsedTwice' };
    used.add(index);
  }
  return identifiesPerson(mapping) ? { ok: true } : { ok: false, reason: 'noIdentifyingColumn' };
}
