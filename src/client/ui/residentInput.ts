import type { ResidentFields } from '../../domain/resident.ts';
import type { JsonValue } from '../../domain/sync/json.ts';

/** What the resident form's inputs hold: text, with an empty birth date for "unknown". */
export interface ResidentInput {
  givenName: string;
  familyName: string;
  birthDate: string;
}

/** The form's text for a stored record or a mutation's values (missing fields are empty). */
export function residentInput(values: {
  givenName?: unknown;
  familyName?: unknown;
  birthDate?: unknown;
}): ResidentInput {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return { givenName: text(values.givenName), familyName: text(values.familyName), birthDate: text(values.birthDate) };
}

/** The checked fields that differ from what the form started with: only those become a change. */
export function changedFields(before: ResidentInput, after: ResidentFields): Record<string, JsonValue> {
  const changed: Record<string, JsonValue> = {};
  if (after.givenName !== before.givenName) changed.givenName = after.givenName;
  if (after.familyName !== before.familyName) changed.familyName = after.familyName;
  if ((after.birthDate ?? '') !== before.birthDate) changed.birthDate = after.birthDate;
  return changed;
}
