import type { Answers, FormDefinition } from '../../../domain/form/types.ts';
import { walk } from '../../../domain/form/walk.ts';

/**
 * A completed mapping as JSON for the transfer to IMDi's system: the answers as codes, section by
 * section in the order of the form, only the relevant ones (what skip logic hid is not there). The
 * resident is named by the DUF number IMDi registers them under, not by name.
 */
export interface MappingExport {
  format: 'kartlegg-mapping';
  formVersion: number;
  mappingId: string;
  duf: string | null;
  sections: { section: string; answers: Answers }[];
}

export function mappingExport(
  definition: FormDefinition,
  answers: Readonly<Answers>,
  mappingId: string,
  duf: string | null,
): MappingExport {
  const relevant = walk(definition, answers) as Answers;
  const sections = definition.sections
    .map((section) => ({
      section: section.code,
      answers: Object.fromEntries(
        section.questions.flatMap((q) => (relevant[q.code] === undefined ? [] : [[q.code, relevant[q.code]]])),
      ) as Answers,
    }))
    .filter((s) => Object.keys(s.answers).length > 0);
  return { format: 'kartlegg-mapping', formVersion: definition.version, mappingId, duf, sections };
}

/** `kartlegging-2026-11-23.json`: a date, never a name or an id. */
export function mappingExportFileName(today: string): string {
  return `kartlegging-${today}.json`;
}

/** The calendar date in Oslo, `yyyy-mm-dd` (Intl rather than date-fns: this chunk stays small). */
export function osloDate(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(instant);
}
