import type { Page } from '@playwright/test';
import { E2E_PIN } from '../testEnv.ts';

/**
 * Writes straight into the app's IndexedDB, as the app itself would: a record and its outbox row in
 * one transaction, with the next clientSeq. For states the UI cannot reach on its own, such as a
 * mutation the server will reject. Returns the record's id.
 */
export function queueRawChange(page: Page, fields: Record<string, unknown>): Promise<string> {
  return storeRawChange(page, 'resident', fields);
}

/** A new record of `entity` with these fields and its outbox row, in one transaction; returns its id. */
async function storeRawChange(
  page: Page,
  entity: 'resident' | 'mapping',
  fields: Record<string, unknown>,
): Promise<string> {
  const clientSeq = await nextClientSeq(page);
  return page.evaluate(
    ({ entity, values, clientSeq }) =>
      new Promise<string>((resolve, reject) => {
        const store = `${entity}s`;
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([store, 'outbox', 'meta'], 'readwrite');
          const id = crypto.randomUUID();
          const now = Date.now();
          tx.objectStore('meta').put({ key: 'clientSeq', value: clientSeq });
          tx.objectStore(store).put({ ...values, id, versions: {}, updatedAt: now });
          tx.objectStore('outbox').add({
            clientSeq,
            mutationId: crypto.randomUUID(),
            entity,
            entityId: id,
            changes: Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, baseVersion: 0 }])),
            createdAt: now,
            status: 'pending',
          });
          tx.oncomplete = () => {
            db.close();
            resolve(id);
          };
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    { entity, values: fields, clientSeq },
  );
}

/**
 * The clientSeq the next mutation gets. Read before the raw write (WebCrypto cannot run inside an
 * IndexedDB transaction); the app is idle meanwhile, and the write stores it in clear, as rows from
 * before encryption were, which the app reads through.
 */
async function nextClientSeq(page: Page): Promise<number> {
  const meta = await openedRows(page, 'meta');
  return ((meta.find((r) => r.key === 'clientSeq')?.value as number | undefined) ?? 0) + 1;
}

/** The signed-in session's device token and id, to act on the device behind the app's back. */
export async function storedSession(page: Page): Promise<{ token: string; deviceId: string }> {
  const rows = await openedRows(page, 'meta');
  const session = rows.find((r) => r.key === 'session')?.value as { token: string; deviceId: string } | undefined;
  if (!session) throw new Error('no stored session');
  return { token: session.token, deviceId: session.deviceId };
}

export async function storedToken(page: Page): Promise<string> {
  return (await storedSession(page)).token;
}

/** The names of this origin's IndexedDB databases. */
export function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** The id of the stored resident with this family name. */
export async function residentIdByFamilyName(page: Page, familyName: string): Promise<string> {
  const row = (await openedRows(page, 'residents')).find((r) => r.familyName === familyName);
  if (!row) throw new Error('no such resident');
  return row.id as string;
}

/** Stores an open conflict on a resident's (or a mapping's) field as if a pull had brought it (visible after a reload). */
export function storeOpenConflict(
  page: Page,
  conflict: { entityId: string; field: string; base: unknown; theirs: unknown; mine: unknown; entity?: string },
): Promise<void> {
  return page.evaluate(
    (c) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('conflicts', 'readwrite');
          tx.objectStore('conflicts').put({
            entity: 'resident',
            ...c,
            id: crypto.randomUUID(),
            baseVersion: 1,
            theirsVersion: 2,
            theirsBy: 'Kari Nordmann',
            mineBy: 'Per Kartlegger',
            createdAt: new Date().toISOString(),
            version: 3,
            resolution: null,
            status: 'open',
          });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    conflict,
  );
}

/** The id of the stored resident with this DUF number. */
export async function residentIdByDuf(page: Page, duf: string): Promise<string> {
  const row = (await openedRows(page, 'residents')).find((r) => r.duf === duf);
  if (!row) throw new Error('no such resident');
  return row.id as string;
}

/**
 * Stores a completed mapping of a resident, as the mapping form does: a mapping
 * record with its outbox row. Visible to the app after a reload.
 */
export async function storeCompletedMapping(page: Page, residentId: string): Promise<void> {
  await storeRawChange(page, 'mapping', { residentId, status: 'complete' });
}

/** The stored mapping record of a resident (its fields as the tablet holds them). */
export async function storedMapping(page: Page, residentId: string): Promise<Record<string, unknown>> {
  const rows = (await openedRows(page, 'mappings')).filter((r) => r.residentId === residentId);
  if (rows.length === 1 && rows[0]) return rows[0];
  throw new Error(`${rows.length} mappings for this resident`);
}

/**
 * Every row of a store, its sealed part opened the way the app's format is documented
 * (src/client/crypto/sealing.ts, keyring.ts): the PIN unwraps the data key from the keyring in
 * localStorage, and each row's `_sealed` is IV ‖ AES-GCM ciphertext of the JSON of its other fields,
 * with `kartlegg/v1/<store>/<JSON of the primary key>` as additional data. An implementation of its
 * own, in the page's WebCrypto: it proves the format is what the docs say, not only what the app reads.
 * Rows written in clear by the helpers here (as before encryption) come back as they are.
 */
export function openedRows(page: Page, store: string, pin: string = E2E_PIN): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    async ({ store, pin }) => {
      const text = new TextEncoder();
      const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      const keyring = JSON.parse(localStorage.getItem('kartlegg.keyring') ?? 'null') as {
        salt: string;
        iterations: number;
        iv: string;
        wrappedKey: string;
      } | null;
      if (!keyring) throw new Error('no keyring');
      const material = await crypto.subtle.importKey('raw', text.encode(pin), 'PBKDF2', false, ['deriveKey']);
      const pinKey = await crypto.subtle.deriveKey(
        { name: 'PBKDF2', hash: 'SHA-256', salt: b64(keyring.salt), iterations: keyring.iterations },
        material,
        { name: 'AES-GCM', length: 256 },
        false,
        ['decrypt'],
      );
      const raw = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: b64(keyring.iv), additionalData: text.encode('kartlegg/keyring/v1') },
        pinKey,
        b64(keyring.wrappedKey),
      );
      const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
      const { rows, keyPath } = await new Promise<{ rows: Record<string, unknown>[]; keyPath: string }>(
        (resolve, reject) => {
          const open = indexedDB.open('kartlegg');
          open.onerror = () => reject(new Error('open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const objectStore = db.transaction(store).objectStore(store);
            const all = objectStore.getAll();
            all.onsuccess = () => {
              db.close();
              resolve({ rows: all.result as Record<string, unknown>[], keyPath: objectStore.keyPath as string });
            };
            all.onerror = () => reject(new Error('read failed'));
          };
        },
      );
      return Promise.all(
        rows.map(async ({ _sealed, ...clear }) => {
          if (!(_sealed instanceof Uint8Array)) return clear;
          const plain = await crypto.subtle.decrypt(
            {
              name: 'AES-GCM',
              iv: _sealed.subarray(0, 12) as BufferSource,
              additionalData: text.encode(`kartlegg/v1/${store}/${JSON.stringify(clear[keyPath] ?? null)}`),
            },
            key,
            _sealed.subarray(12) as BufferSource,
          );
          return { ...(JSON.parse(new TextDecoder().decode(plain)) as Record<string, unknown>), ...clear };
        }),
      );
    },
    { store, pin },
  );
}

/**
 * Every store of the app's IndexedDB as one text, read below the app: values as IndexedDB holds them,
 * bytes (the sealed parts) decoded as Latin-1, so any personal data kept in clear would show in it.
 */
export function rawDatabaseText(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const dump: Record<string, unknown> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (dump[name] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(
              JSON.stringify(dump, (_key, value: unknown) =>
                value instanceof Uint8Array ? String.fromCharCode(...value) : value,
              ),
            );
          };
          tx.onerror = () => reject(new Error('read failed'));
        };
      }),
  );
}
