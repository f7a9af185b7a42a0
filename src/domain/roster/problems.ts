import type { ReviewReason } from './classify.ts';
import type { DecodeWarning } from './decode.ts';
import type { ListProblem } from './list.ts';
import type { FieldProblemCode, RowProblem } from './people.ts';

/**
 * Every code the roster import can show a user, as runtime lists so the UI (and a test) can check
 * each has a translation. The type checks below fail to compile when a code is added to a union in
 * another file and not here.
 */

/** A whole file refused: nothing from it is used. */
export const LIST_PROBLEMS = codes<ListProblem>()([
  'emptyFile',
  'fileTooLarge',
  'binaryFile',
  'excelWorkbook',
  'headerOnly',
  'noIdentifyingColumn',
  'columnOutOfRange',
  'columnUsedTwice',
]);

/** Why a row is in invalidRows (row problems, or the unreadable identifying cell). */
export const ROW_PROBLEMS = codes<RowProblem | FieldProblemCode>()([
  'badQuotes',
  'tooManyFields',
  'noIdentity',
  'dufFormat',
  'dufExcelNumber',
  'nationalIdFormat',
  'dateFormat',
  'dateNotReal',
  'dateInFuture',
]);

export const REVIEW_REASONS = codes<ReviewReason>()([
  'ambiguousNameMatch',
  'dufConflict',
  'nationalIdConflict',
  'birthDateConflict',
  'permitDateConflict',
  'permitTypeConflict',
  'dufUnreadable',
  'nationalIdUnreadable',
  'birthDateMissing',
  'birthDateUnreadable',
  'permitDateMissing',
  'permitDateUnreadable',
  'birthAfterPermit',
]);

export const DECODE_WARNINGS = codes<DecodeWarning>()(['suspectMojibake']);

/** Accepts a list of codes of union T only if it names every member of T. */
function codes<T extends string>() {
  return <const L extends readonly T[]>(
    list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> }),
  ) => list;
}
