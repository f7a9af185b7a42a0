import { openDatabase, SYNCED_TABLES } from '../db/database.ts';
import { rawRows } from '../db/rawRows.ts';
import { CLEAR_FIELDS, SEALED } from './clearFields.ts';
import { loadKeyring } from './keyringStore.ts';
import { toBase64, type Keyring } from './keyring.ts';
import { isUnlocked, LockedError, rawDataKey } from './dataKey.ts';
import { sealStoredRow } from './sealing.ts';

/**
 * The one export of unsynced changes, made locked ("Forgot PIN") or unlocked (the export button):
 * the unsynced outbox rows, the records they concern and the meta row of the client id, exactly as
 * IndexedDB holds them (sealed), with the keyring. Made without the key, so both cases write the same
 * file; opened with the PIN (src/client/crypto/openExport.ts): the keyring unwraps the data key, which
 * opens each row's sealed part (src/client/crypto/sealing.ts, additional data
 * `kartlegg/v1/<table>/<JSON of the primary key>`). Sealed bytes are base64. In clear stay only the
 * clear fields of clearFields.ts: random ids, statuses, device times; no name, answer or value.
 */
export interface SealedExport {
  kind: typeof SEALED_EXPORT_KIND;
  formatVersion: 1;
  exportedAt: string;
  keyring: Keyring;
  /** Rows by table: `outbox`, the synced tables (`residents`, `mappings`, …) and `meta`. */
  tables: Record<string, Record<string, unknown>[]>;
}

export const SEALED_EXPORT_KIND = 'kartlegg-sealed-unsynced';

type Row = Record<string, unknown>;

/** The primary key of each exported table (every synced table is keyed by `id`). */
export const EXPORT_KEY_PATHS: Readonly<Record<string, string>> = { outbox: 'clientSeq', meta: 'key' };

/**
 * A row for the file: its sealed part in base64. A row stored in clear (from before encryption, or a
 * test's raw write) is sealed here when the app is unlocked, so the file never holds one in clear.
 */
function encodeRow(table: string, row: Row): Row {
  let stored = row;
  if (!(stored[SEALED] instanceof Uint8Array) && isUnlocked()) {
    const keyPath = EXPORT_KEY_PATHS[table] ?? 'id';
    const clear = new Set([keyPath, ...(CLEAR_FIELDS[table] ?? [])]);
    stored = sealStoredRow(rawDataKey(), table, clear, row[keyPath], row);
  }
  const sealed = stored[SEALED];
  return sealed instanceof Uint8Array ? { ...stored, [SEALED]: toBase64(sealed) } : stored;
}

/**
 * Opens the database without the key (nothing here opens a sealed part) and reads it raw. A second
 * connection beside the app's, when it is unlocked: both read the same committed rows.
 */
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

/** The export of every unsynced row, or of the rows with the given clientSeqs (a clear field). */
export async function sealedExport({
  clientSeqs,
  now = Date.now(),
}: { clientSeqs?: readonly number[]; now?: number } = {}): Promise<SealedExport> {
  const keyring = loadKeyring();
  // Without a keyring nothing could ever open the file (and nothing on the tablet is sealed yet).
  if (!keyring) throw new LockedError();
  const raw = await withLockedDatabase((db) => rawRows(db, ['outbox', 'meta', ...SYNCED_TABLES]));
  const wanted = clientSeqs ? new Set(clientSeqs) : null;
  const outbox = ((raw.outbox ?? []) as Row[]).filter((row) => !wanted || wanted.has(row.clientSeq as number));
  const ids = new Set(outbox.map((row) => row.entityId));
  const tables: SealedExport['tables'] = { outbox: outbox.map((row) => encodeRow('outbox', row)) };
  for (const name of SYNCED_TABLES) {
    tables[name] = ((raw[name] ?? []) as Row[]).filter((row) => ids.has(row.id)).map((row) => encodeRow(name, row));
  }
  tables.meta = ((raw.meta ?? []) as Row[])
    .filter((row) => row.key === 'clientId')
    .map((row) => encodeRow('meta', row));
  return { kind: SEALED_EXPORT_KIND, formatVersion: 1, exportedAt: new Date(now).toISOString(), keyring, tables };
}
