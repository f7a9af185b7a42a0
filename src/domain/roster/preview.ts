import { classifyLists, type ClassifyOptions, type RosterClassification } from './classify.ts';
import type { ColumnMapping } from './columns.ts';
import { readList, type ListFile, type ListPeople, type ListProblem, type LoadedList } from './list.ts';

/**
 * The whole import in one call, as the CLI and the import worker run it: read list A ("Kvalifisering
 * i mottak") and list B ("Rett og plikt norsk og samfunnskunnskap"), then match and classify. Either
 * file refused means no classification: half a roster would report everyone as "only in one list".
 */

export interface PreviewOptions extends ClassifyOptions {
  /** Today in Oslo, ISO (see todayInOslo). */
  asOf: string;
  mappingA?: ColumnMapping;
  mappingB?: ColumnMapping;
  maxBytes?: number;
}

export interface ReadListSummary {
  list: LoadedList;
  people: ListPeople;
}

export type PreviewResult =
  | { ok: true; a: ReadListSummary; b: ReadListSummary; classification: RosterClassification }
  | { ok: false; refused: { file: string; reason: ListProblem }[] };

export function previewRoster(fileA: ListFile, fileB: ListFile, options: PreviewOptions): PreviewResult {
  const read = (file: ListFile, mapping: ColumnMapping | undefined) =>
    readList(file, {
      asOf: options.asOf,
      ...(mapping ? { mapping } : {}),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
  const a = read(fileA, options.mappingA);
  const b = read(fileB, options.mappingB);
  if (!a.ok || !b.ok) {
    return { ok: false, refused: [a, b].flatMap((r) => (r.ok ? [] : [{ file: r.file, reason: r.reason }])) };
  }
  const classifyOptions = options.deadlineDays === undefined ? {} : { deadlineDays: options.deadlineDays };
  return {
    ok: true,
    a: { list: a.list, people: a.people },
    b: { list: b.list, people: b.people },
    classification: classifyLists(a.people, b.people, classifyOptions),
  };
}
