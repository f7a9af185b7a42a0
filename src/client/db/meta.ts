import { uuidv7 } from '../../domain/uuidv7.ts';
import type { ColumnMapping } from '../../domain/roster/columns.ts';
import type { KartleggDb } from './database.ts';

/** Typed keys of the `meta` table: small device-wide values. */
export interface MetaValues {
  session: {
    token: string;
    deviceId: string;
    user: { id: string; name: string; role: string; municipalityId: string };
    /** What the user signed in with, so "sign in again" asks only for the password (absent on older sessions). */
    username?: string;
    mustChangePassword: boolean;
  };
  /** The last clientSeq handed out; the next mutation gets one more. */
  clientSeq: number;
  /** Names this local database's stream of mutations to the server, across sign-ins. */
  clientId: string;
  /** The server version up to which this device has pulled. */
  cursor: number;
  /** Device time of the last successful sync (display only). */
  lastSyncAt: number;
  /**
   * Days from the permit date to the mapping deadline: the municipality's setting as the last pull
   * carried it (absent before the first pull: DEFAULT_DEADLINE_DAYS).
   */
  deadlineDays: number;
  /**
   * Days a finished resident stays on this tablet once complete and synced: the municipality's setting
   * as the last pull carried it (absent before: DEFAULT_TABLET_PURGE_DAYS). See src/client/db/purge.ts.
   */
  tabletPurgeDays: number;
  /** Idle minutes before the app locks: the municipality's setting as the last pull carried it. */
  autoLockMinutes: number;
  /**
   * Per finished resident (by resident id), the device time a sync first found it finished here: the
   * purge counts its days from this or the last local change, whichever is later. Ids only.
   */
  purgeClock: Record<string, number>;
  /**
   * The column mapping last used for a NIR list, by the header's signature (headerSignature): next
   * week's export with the same header starts from it. Header names only, no personal data.
   */
  columnMappings: Record<string, ColumnMapping>;
  /** The plan screen's bus-ticket threshold (km, straight line), when the mapper changed it from 6. */
  busTicketKm: number;
}

export async function getMeta<K extends keyof MetaValues>(db: KartleggDb, key: K): Promise<MetaValues[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(db: KartleggDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: KartleggDb, key: keyof MetaValues): Promise<void> {
  await db.meta.delete(key);
}

/** Hands out the next clientSeq; call inside the transaction that writes the outbox row. */
export async function nextClientSeq(db: KartleggDb): Promise<number> {
  const seq = ((await getMeta(db, 'clientSeq')) ?? 0) + 1;
  await setMeta(db, 'clientSeq', seq);
  return seq;
}

/** This database's client id, made on first use and kept for its lifetime. */
export function clientId(db: KartleggDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await getMeta(db, 'clientId');
    if (existing) return existing;
    const id = uuidv7();
    await setMeta(db, 'clientId', id);
    return id;
  });
}
