import { Dexie, type EntityTable } from 'dexie';
import type { ConflictRecord } from '../../protocol/sync.ts';
import type { DeviceAuditEventInput } from '../../protocol/auditEvents.ts';
import type { Entity } from '../../protocol/entities.ts';
import type { Resident } from '../../domain/resident.ts';
import type { JsonValue } from '../../domain/sync/json.ts';
import type { PlaceRecord, PlannedSession } from '../../domain/planning/records.ts';
import { rawDataKey } from '../crypto/dataKey.ts';
import { encryptionMiddleware } from '../crypto/encryptionMiddleware.ts';
import { residentJournalMiddleware, type JournalRow } from './residentJournal.ts';

/**
 * Bookkeeping every synced row carries beside its fields (whose names never collide with these:
 * see RESERVED_FIELDS in src/protocol/entities.ts).
 */
export interface SyncedRow {
  id: string;
  /** The server version of each field as last seen here: the base of the next change. */
  versions: Record<string, number>;
  /** Device time of the last change here, for display only. */
  updatedAt: number;
  /** A tombstone: the record was deleted (by anyone); kept so edits to it can still be shown. */
  deleted?: boolean;
}

export type ResidentRow = SyncedRow & Resident;

/**
 * What the roster and the plan read of a resident (src/client/db/rosterSnapshot.ts), in the order
 * the roster snapshot stores them. A screen that needs more (a form, a change: the field versions)
 * reads the whole row. Every byte here is read on each unlock: IndexedDB reads about 13 MB/s on a
 * slow tablet, so the snapshot holds no more than the lists use.
 */
export const ROSTER_FIELDS = [
  'id',
  'givenName',
  'familyName',
  'birthDate',
  'duf',
  'language',
  'receptionCentre',
  'deadline',
  'rosterClass',
  'unlisted',
  'deleted',
] as const satisfies readonly (keyof ResidentRow)[];

export type RosterRow = Pick<ResidentRow, (typeof ROSTER_FIELDS)[number]>;

/** A mapping's fields are its answers, named by question id (the mapping-form issue defines them). */
export type MappingRow = SyncedRow & { residentId: string } & Record<string, JsonValue | undefined>;

/** A value of one field and the version the user had seen, as a mutation carries it. */
export interface OutboxChange {
  value: JsonValue;
  baseVersion: number;
}

/**
 * One queued mutation. `clientSeq` is the key: it increases per client and is never reused, so the
 * outbox drains in the order the user made the changes. Rejected rows stay (with the reason) until
 * a person deals with them.
 */
export interface OutboxRow {
  clientSeq: number;
  mutationId: string;
  entity: Entity;
  entityId: string;
  changes: Record<string, OutboxChange>;
  resolves?: string[];
  createdAt: number;
  status: 'pending' | 'rejected';
  reason?: string;
}

export type PlaceRow = SyncedRow & PlaceRecord;
export type PlannedSessionRow = SyncedRow & PlannedSession;

export type ConflictRow = ConflictRecord & { status: 'open' | 'resolved' };

/**
 * One part of the roster snapshot (src/client/db/rosterSnapshot.ts): `blob` is already sealed with
 * the data key (WebCrypto; the additional data binds it to `gen`, `part` and `parts`); `gen` is
 * random and new for every snapshot, so two tabs cannot both replace the same one.
 */
export interface SnapshotRow {
  key: string;
  gen: string;
  part: number;
  parts: number;
  blob: Uint8Array;
}

/**
 * One of the tablet's own audit events, waiting to be sent (src/client/db/auditEvents.ts): removed
 * once the server acknowledged it. `id` is a UUIDv7, so the key order is the order they happened.
 */
export type AuditEventRow = DeviceAuditEventInput & { id: string; at: number };

export interface MetaRow {
  key: string;
  value: unknown;
}

export type KartleggDb = Dexie & {
  residents: EntityTable<ResidentRow, 'id'>;
  mappings: EntityTable<MappingRow, 'id'>;
  places: EntityTable<PlaceRow, 'id'>;
  plannedSessions: EntityTable<PlannedSessionRow, 'id'>;
  outbox: EntityTable<OutboxRow, 'clientSeq'>;
  conflicts: EntityTable<ConflictRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  residentJournal: EntityTable<JournalRow, 'id'>;
  snapshots: EntityTable<SnapshotRow, 'key'>;
  auditEvents: EntityTable<AuditEventRow, 'id'>;
};

export const DB_NAME = 'kartlegg';

/** Every table, for the v3 upgrade that seals what was written before encryption. */
const ALL_TABLES = ['residents', 'mappings', 'outbox', 'conflicts', 'meta'] as const;

/**
 * Schema versions only ever add (never drop the outbox). When another tab opens a newer version,
 * this tab closes its connection and asks the user to reload; every edit is already committed.
 * Every row is sealed with the data key (src/client/crypto): `key` throws while the app is locked, so
 * open the database only after unlocking.
 */
export function openDatabase(name = DB_NAME, key: () => Uint8Array = rawDataKey): KartleggDb {
  const db = new Dexie(name) as KartleggDb;
  keys.set(db, key);
  db.use(encryptionMiddleware(key));
  db.use(residentJournalMiddleware());
  db.version(1).stores({
    residents: 'id, familyName, updatedAt',
    mappings: 'id, residentId, updatedAt',
    outbox: 'clientSeq, &mutationId, status, entityId',
    meta: 'key',
  });
  // v2 (sync protocol 2): conflicts; field versions on rows; outbox rows carry per-field base versions.
  db.version(2)
    .stores({ conflicts: 'id, entityId, status' })
    .upgrade(async (tx) => {
      await tx
        .table('residents')
        .toCollection()
        .modify((row: Partial<ResidentRow>) => {
          row.versions ??= {};
        });
      // A protocol-1 row only ever created a record: every field on base version 0.
      await tx
        .table('outbox')
        .toCollection()
        .modify((row: OutboxRow & { fields?: Record<string, JsonValue>; op?: string }) => {
          if (!row.fields) return;
          row.changes = Object.fromEntries(
            Object.entries(row.fields).map(([k, value]) => [k, { value, baseVersion: 0 }]),
          );
          delete row.fields;
          delete row.op;
        });
    });
  // v3 (encryption on the tablet): the family-name index goes (names are sealed); every row written
  // before is read (through as it was) and written again, sealed. Sorting by name is done in memory.
  db.version(3)
    .stores({ residents: 'id, updatedAt' })
    .upgrade(async (tx) => {
      for (const name of ALL_TABLES) {
        const table = tx.table(name);
        await table.bulkPut(await table.toArray());
      }
    });
  // v4 (issue 7): places and accepted sessions. (v3 is the on-device encryption's; Dexie allows gaps.)
  db.version(4).stores({ places: 'id, kind', plannedSessions: 'id, date' });
  // v5: the roster snapshot and the journal of resident writes since it (rosterSnapshot.ts).
  db.version(5).stores({ residentJournal: 'id', snapshots: 'key' });
  // v6 (issue 8): the tablet's own audit events until the server has them.
  db.version(6).stores({ auditEvents: 'id' });
  return db;
}

const keys = new WeakMap<KartleggDb, () => Uint8Array>();

/** The data key a database seals with: for what is sealed outside the middleware (the snapshot). */
export function dataKeyOf(db: KartleggDb): Uint8Array {
  const key = keys.get(db);
  if (!key) throw new Error('not a database opened by openDatabase');
  return key();
}

/** The table that holds an entity's rows. */
export function tableOf(db: KartleggDb, entity: Entity) {
  const tables = {
    resident: db.residents,
    mapping: db.mappings,
    place: db.places,
    plannedSession: db.plannedSessions,
  } as const;
  return tables[entity] as unknown as EntityTable<SyncedRow & Record<string, unknown>, 'id'>;
}

export const SYNCED_TABLES = ['residents', 'mappings', 'places', 'plannedSessions'] as const;
