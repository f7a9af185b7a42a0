import type { ReviewReason, RosterClass } from '../domain/roster/classify.ts';
import type { DecodeWarning } from '../domain/roster/decode.ts';
import type { ListProblem } from '../domain/roster/list.ts';
import type { InvalidRow, ProblemField } from '../domain/roster/people.ts';

// English for the CLI. The PWA translates the same codes through i18next.

const LIST_PROBLEM: Record<ListProblem, string> = {
  emptyFile: 'the file is empty.',
  fileTooLarge: 'the file is far larger than a NIR list (over 20 MB); is it the right file?',
  binaryFile: 'this is not a text (CSV) file.',
  excelWorkbook:
    'this is an Excel workbook, not CSV. In Excel choose "Save as" → "CSV (semicolon separated)" and try again.',
  headerOnly: 'the file has a header but no rows.',
  noIdentifyingColumn:
    'the file has no column that identifies a person (DUF number, national/D-number, or name and birth date).',
  columnOutOfRange: 'the column mapping points past the last column.',
  columnUsedTwice: 'the column mapping uses one column for two fields.',
};

const CLASS_TITLE: Record<RosterClass, string> = {
  targetGroup: 'Target group (must be mapped)',
  exempt: 'Exempt (collective protection)',
  outsideAge: 'Outside age 18–55 at permit',
  onlyInA: 'Only in list A (not target group)',
  onlyInB: 'Only in list B (not target group)',
  needsReview: 'Needs review',
};

const REVIEW_REASON: Record<ReviewReason, string> = {
  ambiguousNameMatch: 'name + birth date fits several people',
  dufConflict: 'different DUF numbers',
  nationalIdConflict: 'different national ids',
  birthDateConflict: 'different birth dates',
  permitDateConflict: 'different permit dates',
  permitTypeConflict: 'collective protection in one row only',
  dufUnreadable: 'unreadable DUF',
  nationalIdUnreadable: 'unreadable national id',
  birthDateMissing: 'no birth date',
  birthDateUnreadable: 'unreadable birth date',
  permitDateMissing: 'no permit date',
  permitDateUnreadable: 'unreadable permit date',
  birthAfterPermit: 'birth date after permit date',
};

const FIELD: Record<ProblemField, string> = {
  duf: 'DUF number',
  nationalId: 'national id',
  birthDate: 'birth date',
  permitDate: 'permit date',
};

const ROW_REASON: Record<InvalidRow['reason'], string> = {
  badQuotes: 'broken quotes (a quoted value is not closed)',
  tooManyFields: 'more cells than the header (an unquoted delimiter inside a value?)',
  noIdentity: 'no DUF number, national id, or name with birth date',
  dufFormat: 'is not 12 digits',
  dufExcelNumber: 'was turned into a number by Excel (like 2,01912E+11); export the column as text',
  nationalIdFormat: 'is not 11 digits',
  dateFormat: 'is not a date (use dd.mm.yyyy)',
  dateNotReal: 'is not a real date',
  dateInFuture: 'is in the future',
};

export function describeListProblem(reason: ListProblem): string {
  return LIST_PROBLEM[reason];
}

export function classTitle(cls: RosterClass): string {
  return CLASS_TITLE[cls];
}

export function reviewReasonText(reason: string): string {
  return REVIEW_REASON[reason as ReviewReason] ?? reason;
}

export function describeInvalidRow(row: InvalidRow): string {
  const field = row.field ? `${FIELD[row.field]} ` : '';
  return `${row.file} row ${row.row}: ${field}${ROW_REASON[row.reason]}`;
}

export function describeListWarnings(warnings: readonly DecodeWarning[], missing: readonly string[]): string[] {
  const lines = warnings.map(() => 'some text looks double-encoded ("Ã¸" for "ø"); check the export encoding');
  const what: Record<string, string> = {
    birthDate: 'no birth date column: ages cannot be checked',
    permitDate: 'no permit date column: ages and deadlines cannot be computed',
    permitType: 'no permit type column: collective protection cannot be recognised',
  };
  return [...lines, ...missing.map((m) => what[m] ?? m)];
}
