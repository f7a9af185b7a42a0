import { NAME_FIELDS, TYPED_ROSTER_FIELDS, type ResidentFields } from '../../domain/resident.ts';
import type { JsonValue } from '../../domain/sync/json.ts';

/** What the resident form's inputs hold: text, with '' for "unknown" (a date, a DUF, a gender). */
export interface ResidentInput {
  givenName: string;
  familyName: string;
  birthDate: string;
  duf: string;
  gender: string;
  citizenship: string;
  language: string;
  receptionCentre: string;
  permitDate: string;
  permitType: string;
}

export const INPUT_FIELDS = [...NAME_FIELDS, ...TYPED_ROSTER_FIELDS] as const;

export const EMPTY_INPUT: ResidentInput = Object.freeze(
  Object.fromEntries(INPUT_FIELDS.map((f) => [f, ''])) as unknown as ResidentInput,
);

/** The form's text for a stored record or a mutation's values (missing fields are empty). */
export function residentInput(values: Partial<Record<keyof ResidentInput, unknown>>): ResidentInput {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return Object.fromEntries(INPUT_FIELDS.map((f) => [f, text(values[f])])) as unknown as ResidentInput;
}

/** The checked fields that differ from what the form started with: only those become a change. */
export function changedFields(before: ResidentInput, after: ResidentFields): Record<string, JsonValue> {
  const changed: Record<string, JsonValue> = {};
  for (const field of INPUT_FIELDS) {
    if (!(field in after)) continue;
    const value = after[field] ?? null;
    if ((value ?? '') !== before[field]) changed[field] = value;
  }
  return changed;
}

/** The form's text after a committed save: the cleaned values, '' for null. */
export function inputOf(fields: ResidentFields, previous: ResidentInput): ResidentInput {
  const next = { ...previous };
  for (const field of INPUT_FIELDS) if (field in fields) next[field] = fields[field] ?? '';
  return next;
}
