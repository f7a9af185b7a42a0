/**
 * The merge rules of sync, as pure functions: the server applies them in one transaction per
 * mutation; property tests prove them (tests/unit/merge.test.ts). See docs/sync-protocol.md.
 *
 * Invariant: a value a client writes ends up as the field's value (and so in its history) or as the
 * `mine` of a conflict. Nothing is silently discarded, and no clock takes part.
 */
import { jsonEqual, type JsonValue } from './json.ts';

/** A field as the server holds it. */
export interface FieldState {
  value: JsonValue;
  /** The municipality version that last wrote it. */
  version: number;
  /** The client that last wrote it. */
  writer: string;
}

export type RecordFields = Record<string, FieldState>;

export interface Change {
  value: JsonValue;
  /** The field version the client had seen; 0 = it had seen no value. */
  baseVersion: number;
}

export type FieldDecision = 'apply' | 'same' | 'conflict';

export function decideField(current: FieldState | undefined, change: Change, clientId: string): FieldDecision {
  if (!current) return 'apply';
  if (jsonEqual(current.value, change.value)) return 'same';
  // Seen by the client, or written by it: a client's later change supersedes its own earlier one,
  // even when it has not pulled its own write back yet.
  if (change.baseVersion >= current.version || current.writer === clientId) return 'apply';
  return 'conflict';
}

export interface FieldConflict {
  field: string;
  baseVersion: number;
  /** The server's field as it stays until a person resolves the conflict. */
  theirs: FieldState;
  mine: JsonValue;
}

export interface MergeResult {
  fields: RecordFields;
  /** Fields written by this mutation, each stamped with `version`. */
  applied: string[];
  conflicts: FieldConflict[];
}

export const DELETED_FIELD = 'deleted';

/**
 * Applies one mutation's changes to a record (undefined = not on the server yet).
 * `openConflictFields` are fields of this record with an unresolved conflict: used so that many edits
 * to a deleted record raise one "restore?" question, not one per edit.
 */
export function mergeMutation(
  record: RecordFields | undefined,
  changes: Record<string, Change>,
  clientId: string,
  version: number,
  openConflictFields: ReadonlySet<string> = new Set(),
): MergeResult {
  const fields: RecordFields = { ...record };
  const applied: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [field, change] of Object.entries(changes)) {
    const current = fields[field];
    const decision = decideField(current, change, clientId);
    if (decision === 'apply') {
      fields[field] = { value: change.value, version, writer: clientId };
      applied.push(field);
    } else if (decision === 'conflict' && current) {
      conflicts.push({ field, baseVersion: change.baseVersion, theirs: current, mine: change.value });
    }
  }
  // Edit vs delete: the edit is kept (applied above, so it is in history) and a person is asked
  // whether to restore the record.
  const deleted = record?.[DELETED_FIELD];
  const editsOtherFields = Object.keys(changes).some((f) => f !== DELETED_FIELD);
  if (deleted?.value === true && !(DELETED_FIELD in changes) && editsOtherFields) {
    if (!openConflictFields.has(DELETED_FIELD)) {
      conflicts.push({ field: DELETED_FIELD, baseVersion: 0, theirs: deleted, mine: false });
    }
  }
  return { fields, applied, conflicts };
}
