import type { ReviewReason, RosterClass } from '../../domain/roster/classify.ts';
import type { ColumnMapping, MappingProblem } from '../../domain/roster/columns.ts';
import type { DiffField, RosterEntry } from '../../domain/roster/diff.ts';
import type { ListProblem, LoadedList } from '../../domain/roster/list.ts';
import type { ListSource } from '../../domain/roster/merge.ts';
import type { InvalidRow } from '../../domain/roster/people.ts';
import type { PersonFields } from '../../domain/roster/personFields.ts';

/**
 * Messages between the import screen and its Web Worker (importWorker.ts). The worker holds the
 * parsed files between "load" and "preview", so the user can adjust the column mapping without the
 * file being read again. Nothing here carries a national id number: the worker uses it to match the
 * two lists and leaves it behind (the roster never stores it).
 */

/** List A: "Kvalifisering i mottak"; list B: "Rett og plikt norsk og samfunnskunnskap". */
export type ListSide = 'A' | 'B';

/** What the screen shows of a loaded file: no data rows, only the header and counts. */
export interface LoadedSummary extends Omit<LoadedList, 'records' | 'badQuotes'> {
  /** Non-blank rows below the header. */
  rows: number;
}

export type LoadReply = { ok: true; summary: LoadedSummary } | { ok: false; file: string; reason: ListProblem };

/** One person of the new lists, as the roster would hold them. */
export interface ImportPerson extends PersonFields {
  class: RosterClass;
  deadline: string | null;
  reviewReasons: ReviewReason[];
  /** The rows the person came from (file and row number), to look them up in the file. */
  sources: ListSource[];
}

export interface ImportDiff {
  added: ImportPerson[];
  changed: { id: string; next: ImportPerson; fields: DiffField[] }[];
  unchanged: { id: string; next: ImportPerson }[];
  removed: { id: string; mustKeep: boolean }[];
  ambiguous: { next: ImportPerson; candidates: string[] }[];
}

export interface PreviewRequest {
  /** Today in Oslo, ISO. */
  asOf: string;
  deadlineDays: number;
  mappingA: ColumnMapping;
  mappingB: ColumnMapping;
  /** The roster now (not deleted), as the diff compares it. */
  current: RosterEntry[];
  /** Ids of residents that must never be removed (a mapping or a session). */
  keep: string[];
}

export type PreviewReply =
  | {
      ok: true;
      counts: Record<RosterClass, number>;
      invalidRows: InvalidRow[];
      /** Columns the classification uses that a list's mapping lacks. */
      missingColumns: Record<ListSide, string[]>;
      diff: ImportDiff;
    }
  | { ok: false; file: string; reason: MappingProblem | 'notLoaded' };

export type WorkerRequest =
  | { id: number; kind: 'load'; list: ListSide; name: string; bytes: ArrayBuffer }
  | { id: number; kind: 'preview'; request: PreviewRequest };

/** `failed`: an unexpected error in the worker; its message is not sent (it could quote a cell). */
export type WorkerResponse =
  | { id: number; kind: 'load'; reply: LoadReply }
  | { id: number; kind: 'preview'; reply: PreviewReply }
  | { id: number; kind: 'failed' };
