import { openDatabase } from '../db/database.ts';
import { rawRows } from '../db/rawRows.ts';
import { SEALED } from './clearFields.ts';
import { loadKeyring } from './keyringStore.ts';
import { toBase64, type Keyring } from './keyring.ts';
import { LockedError } from './dataKey.ts';

/**
 * What "Forgot PIN" offers before deleting: every unsynced outbox row and the records they concern,
 * still sealed, with the keyring. Made without the key; opened with the PIN, if it comes back
 * (the keyring unwraps the data key, which opens each row's sealed part: src/client/crypto/sealing.ts,
 * additional data `kartlegg/v1/<table>/<JSON of the primary key>`). Sealed bytes are base64.
 */
export interface SealedExport {
  kind: 'kartlegg-sealed-unsynced';
  formatVersion: 1;
  exportedAt: string;
  keyring: Keyring | null;
  tables: Record<string, Record<string, unknown>[]>;
}

type Row = Record<string, unknown>;

function encodeRow(row: Row): Row {
  const sealed = row[SEALED];
  return sealed instanceof Uint8Array ? { ...row, [SEALED]: toBase64(sealed) } : row;
}

/** Opens the database without the key (nothing here opens a sealed part) and reads it raw. */
async function withLockedDatabase<T>(read: (db: ReturnType<typeof openDatabase>) => Promise<T>): Promise<T> {
  const db = openDatabase(undefined, () => {
    throw new LockedError();
  });
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

/** Unsynced changes (pending and rejected): the outbox status is in clear for this. */
export function countUnsyncedWhileLocked(): Promise<number> {
  return withLockedDatabase((db) => db.outbox.count());
}

export async function sealedExport(now = Date.now()): Promise<SealedExport> {
  const raw = await withLockedDatabase((db) => rawRows(db, ['outbox', 'residents', 'mappings']));
  const outbox = (raw.outbox ?? []) as Row[];
  const ids = new Set(outbox.map((row) => row.entityId));
  const concerned = (rows: unknown[] = []) => (rows as Row[]).filter((row) => ids.has(row.id)).map(encodeRow);
  return {
    kind: 'kartlegg-sealed-unsynced',
    formatVersion: 1,
    exportedAt: new Date(now).toISOString(),
    keyring: loadKeyring(),
    tables: { outbox: outbox.map(encodeRow), residents: concerned(raw.residents), mappings: concerned(raw.mappings) },
  };
}
