import type { Answers, FormDefinition } from './types.ts';
import { walk } from './walk.ts';

/**
 * How answers travel: a mapping record (entity `mapping` in src/protocol/entities.ts) has one sync
 * field per top-level question, named by the question's code, plus the fields below. A repeatable
 * group is ONE field holding the array of its entries (objects keyed by entry-question code), not a
 * field per entry: entries are added, reordered and removed as a list, per-entry fields would need
 * invented names and leave holes after a removal, and one mapper fills one mapping, so two tablets
 * editing the same group at once is rare — it then becomes one conflict a person resolves, rather
 * than a silent merge of half-entries. `maxEntries` keeps every group under the 4 KB field limit
 * (tested with maximal answers).
 *
 * A field holding null is an answer that was cleared. Only relevant answers are written: an answer
 * hidden by skip logic is cleared on the server too (record only what is needed).
 */
export const FORM_VERSION_FIELD = 'formVersion';
/** ISO date the mapper registered the completed mapping in IMDi's system. */
export const REGISTERED_WITH_IMDI_FIELD = 'registeredWithImdi';
/** Fields of the mapping record that are not answers (the protocol's own and ours). */
export const MAPPING_META_FIELDS: readonly string[] = [
  'residentId',
  'deleted',
  FORM_VERSION_FIELD,
  REGISTERED_WITH_IMDI_FIELD,
];

/** The sync field a top-level question's answer is stored in (its code; see the test for validity). */
export function fieldName(questionCode: string): string {
  return questionCode;
}

/** The fields of a whole set of answers: every relevant answer, plus the form version. */
export function answersToFields(definition: FormDefinition, answers: Readonly<Answers>): Record<string, unknown> {
  const relevant = walk(definition, answers);
  const fields: Record<string, unknown> = { [FORM_VERSION_FIELD]: definition.version };
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const value = relevant[question.code];
      if (value !== undefined) fields[fieldName(question.code)] = value;
    }
  }
  return fields;
}

/**
 * The answers a record's fields hold for this definition. Not validated (that is `answersSchema`'s
 * job); meta fields, null fields and fields of other versions' questions are ignored.
 */
export function fieldsToAnswers(definition: FormDefinition, fields: Readonly<Record<string, unknown>>): Answers {
  const answers: Answers = {};
  for (const section of definition.sections) {
    for (const question of section.questions) {
      const name = fieldName(question.code);
      const value = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (value !== undefined && value !== null) answers[question.code] = value as Answers[string];
    }
  }
  return answers;
}

/**
 * The field writes that bring a stored record to these answers: changed answers, null for answers
 * that were cleared or became irrelevant, and the form version when it changes. After a migration
 * pass the definition the record was written with as `previous`: its questions that this version
 * no longer has are cleared too. Other fields (meta, the device's bookkeeping) are never touched.
 */
export function fieldChanges(
  definition: FormDefinition,
  stored: Readonly<Record<string, unknown>>,
  answers: Readonly<Answers>,
  previous?: FormDefinition,
): Record<string, unknown> {
  const next = answersToFields(definition, answers);
  const changes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(next)) {
    if (!sameValue(stored[name], value)) changes[name] = value;
  }
  const answerFields = [definition, ...(previous ? [previous] : [])].flatMap((d) =>
    d.sections.flatMap((s) => s.questions.map((q) => fieldName(q.code))),
  );
  for (const name of answerFields) {
    if (name in next) continue;
    const value = stored[name];
    if (value !== null && value !== undefined) changes[name] = null;
  }
  return changes;
}

/**
 * fieldChanges for one answer: the answered question's own field is always written, even when the
 * stored record seems to hold that value already. The record the screen compares with is observed
 * and may lag a moment behind the last commit; changing an answer straight back would otherwise
 * look like no change and be lost.
 */
export function answerChanges(
  definition: FormDefinition,
  stored: Readonly<Record<string, unknown>>,
  answers: Readonly<Answers>,
  question: string,
  previous?: FormDefinition,
): Record<string, unknown> {
  const changes = fieldChanges(definition, stored, answers, previous);
  const own = fieldName(question);
  if (!(own in changes)) changes[own] = answersToFields(definition, answers)[own] ?? null;
  return changes;
}

/** Deep equality of JSON values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}

/** The record's fields that are not answers, read leniently (a bad value reads as absent). */
export interface MappingMeta {
  /** The version the answers were written with; null on a record without one (read as 1). */
  formVersion: number | null;
  /** ISO date of the registration in IMDi's system, or null. */
  registeredWithImdi: string | null;
}

export function readMeta(fields: Readonly<Record<string, unknown>>): MappingMeta {
  const version = fields[FORM_VERSION_FIELD];
  const registered = fields[REGISTERED_WITH_IMDI_FIELD];
  return {
    formVersion: typeof version === 'number' && Number.isInteger(version) && version > 0 ? version : null,
    registeredWithImdi: typeof registered === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(registered) ? registered : null,
  };
}
