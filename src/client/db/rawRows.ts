import type { Dexie } from 'dexie';

/**
 * Rows exactly as IndexedDB holds them, below Dexie and the encryption middleware: sealed parts stay
 * sealed. For what must work without the key (the forgotten-PIN export) and for the tests that check
 * no personal data is in clear. One read-only transaction over the given stores.
 */
export async function rawRows(db: Dexie, stores?: readonly string[]): Promise<Record<string, unknown[]>> {
  await db.open();
  const idb = db.backendDB();
  const names = stores ?? [...idb.objectStoreNames];
  const tx = idb.transaction(names, 'readonly');
  const out: Record<string, unknown[]> = {};
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = tx.objectStore(name).getAll();
          request.onsuccess = () => resolve(void (out[name] = request.result as unknown[]));
          request.onerror = () => reject(request.error ?? new Error(`reading ${name} failed`));
        }),
    ),
  );
  return out;
}
