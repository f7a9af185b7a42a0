import type { Role } from '../../protocol/auth.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import type { RecordFields } from '../../domain/sync/merge.ts';
import type { Entity } from '../../protocol/entities.ts';

/** Who pushes: the signed-in device and the client (mutation stream) it speaks for. */
export interface SyncWriter {
  municipalityId: string;
  deviceId: string;
  userId: string;
  /** Decides which entities the writer may change (src/protocol/permissions.ts). */
  role: Role;
  /** Protocol 2's clientId; a protocol-1 tablet's deviceId. Decides "same client" in the merge. */
  clientId: string;
}

/** Per field: the version that last wrote it (`v`) and the client that wrote it (`w`). */
export type FieldMeta = Record<string, { v: number; w: string }>;

/** A row of `records` as the merge needs it. */
export interface StoredRecord {
  municipalityId: string;
  entity: Entity;
  fields: Record<string, JsonValue>;
  fieldMeta: FieldMeta;
  version: number;
}

export function toFieldStates(record: StoredRecord): RecordFields {
  const states: RecordFields = {};
  for (const [field, value] of Object.entries(record.fields)) {
    const meta = record.fieldMeta[field];
    states[field] = { value, version: Number(meta?.v ?? 0), writer: meta?.w ?? '' };
  }
  return states;
}

export function fromFieldStates(states: RecordFields): { fields: Record<string, JsonValue>; fieldMeta: FieldMeta } {
  const fields: Record<string, JsonValue> = {};
  const fieldMeta: FieldMeta = {};
  for (const [field, state] of Object.entries(states)) {
    fields[field] = state.value;
    fieldMeta[field] = { v: state.version, w: state.writer };
  }
  return { fields, fieldMeta };
}

export function fieldVersions(meta: FieldMeta): Record<string, number> {
  return Object.fromEntries(Object.entries(meta).map(([field, m]) => [field, Number(m.v)]));
}
