import { Dexie, type EntityTable } from 'dexie';
import type { Resident } from '../../domain/resident.ts';
import type { ResidentFieldValues } from '../../protocol/sync.ts';

export interface ResidentRow extends Resident {
  /** Device time of the last local change, for display only. */
  updatedAt: number;
}

/** Placeholder for the mapping-form issue; the table exists so v1 never has to be redefined. */
export interface MappingRow {
  id: string;
  residentId: string;
  updatedAt: number;
}

/**
 * One queued change. `clientSeq` is the key: it increases per device and is never reused, so the
 * outbox drains in the order the user made the changes. Rejected rows stay (with the reason) until
 * a person deals with them.
 */
export interface OutboxRow {
  clientSeq: number;
  mutationId: string;
  entity: 'resident';
  entityId: string;
  op: 'upsert';
  fields: ResidentFieldValues;
  createdAt: number;
  status: 'pending' | 'rejected';
  reason?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type KartleggDb = Dexie & {
  residents: EntityTable<ResidentRow, 'id'>;
  mappings: EntityTable<MappingRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'clientSeq'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'kartlegg';

/**
 * Schema versions only ever add (never drop the outbox). When another tab opens a newer version,
 * this tab closes its connection and asks the user to reload; every edit is already committed.
 */
export function openDatabase(name = DB_NAME): KartleggDb {
  const db = new Dexie(name) as KartleggDb;
  db.version(1).stores({
    residents: 'id, familyName, updatedAt',
    mappings: 'id, residentId, updatedAt',
    outbox: 'clientSeq, &mutationId, status, entityId',
    meta: 'key',
  });
  return db;
}
