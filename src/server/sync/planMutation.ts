import { uuidv7 } from '../../domain/uuidv7.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import { mergeMutation, type FieldConflict } from '../../domain/sync/merge.ts';
import { ENTITY_DEFINITIONS } from '../../protocol/entities.ts';
import type { Mutation, RejectReason } from '../../protocol/sync.ts';
import type { OpenConflict } from './loadRecord.ts';
import { fromFieldStates, toFieldStates, type FieldMeta, type StoredRecord } from './storedRecord.ts';

/**
 * The merge runs before the municipality version is taken (its row lock serialises a municipality's
 * writes, so it is taken last, inside the write statement). Applied fields carry this placeholder
 * until that statement stamps them.
 */
export const UNSTAMPED = 0;

export interface NewConflict extends FieldConflict {
  id: string;
}

/** What one mutation does, decided before anything is written. */
export type Plan =
  | { kind: 'reject'; reason: RejectReason }
  /** Applied, but nothing to write: every change was already the server's value. Takes no version. */
  | { kind: 'unchanged' }
  | {
      kind: 'write';
      /** The record after the merge; applied fields still carry UNSTAMPED. */
      fields: Record<string, JsonValue>;
      fieldMeta: FieldMeta;
      /** Applied fields and their new values: stamped, and copied to field_history. */
      applied: Record<string, JsonValue>;
      conflicts: NewConflict[];
      /** Conflict id → the value it is resolved with. */
      resolutions: Record<string, JsonValue>;
    };

/** Decides a valid mutation against the stored record (null: not on the server yet) and its open conflicts. */
export function planMutation(
  m: Mutation,
  record: StoredRecord | null,
  open: readonly OpenConflict[],
  clientId: string,
): Plan {
  // A record of another kind is not the one asked for: as good as missing.
  if (record && record.entity !== m.entity) return { kind: 'reject', reason: 'not_found' };
  if (!record && ENTITY_DEFINITIONS[m.entity].requiredOnCreate.some((f) => !(f in m.changes))) {
    return { kind: 'reject', reason: 'incomplete_new_record' };
  }
  const resolving = new Set(m.resolves ?? []);
  const resolved = open.filter((c) => resolving.has(c.id));
  // A conflict resolved now no longer counts as open: an edit of a still-deleted record asks again.
  const stillOpen = new Set(open.filter((c) => !resolving.has(c.id)).map((c) => c.field));
  const merged = mergeMutation(record ? toFieldStates(record) : undefined, m.changes, clientId, UNSTAMPED, stillOpen);
  if (merged.applied.length === 0 && merged.conflicts.length === 0 && resolved.length === 0) {
    return { kind: 'unchanged' };
  }
  const { fields, fieldMeta } = fromFieldStates(merged.fields);
  const applied = Object.fromEntries(merged.applied.map((f) => [f, m.changes[f]?.value ?? null]));
  // The value a person settled on: their change for the field if the mutation has one, else what stays.
  const resolutions = Object.fromEntries(
    resolved.map((c) => {
      const change = m.changes[c.field];
      return [c.id, change ? change.value : (fields[c.field] ?? null)];
    }),
  );
  return {
    kind: 'write',
    fields,
    fieldMeta,
    applied,
    conflicts: merged.conflicts.map((c) => ({ ...c, id: uuidv7() })),
    resolutions,
  };
}
