import type { KartleggDb } from './database.ts';

/** Typed keys of the `meta` table: small device-wide values. */
export interface MetaValues {
  session: {
    token: string;
    deviceId: string;
    user: { id: string; name: string; role: string; municipalityId: string };
    mustChangePassword: boolean;
  };
  /** The last clientSeq handed out; the next mutation gets one more. */
  clientSeq: number;
  /** Device time of the last successful sync (display only). */
  lastSyncAt: number;
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
