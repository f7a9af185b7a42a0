import type { Page } from '@playwright/test';

/**
 * Writes straight into the app's IndexedDB, as the app itself would: a record and its outbox row in
 * one transaction, with the next clientSeq. For states the UI cannot reach on its own, such as a
 * mutation the server will reject. Returns the record's id.
 */
export function queueRawChange(page: Page, fields: Record<string, unknown>): Promise<string> {
  return page.evaluate(
    (values) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['residents', 'outbox', 'meta'], 'readwrite');
          const id = crypto.randomUUID();
          const meta = tx.objectStore('meta');
          const seqRequest = meta.get('clientSeq');
          seqRequest.onsuccess = () => {
            const clientSeq = ((seqRequest.result as { value?: number } | undefined)?.value ?? 0) + 1;
            const now = Date.now();
            meta.put({ key: 'clientSeq', value: clientSeq });
            tx.objectStore('residents').put({ ...values, id, versions: {}, updatedAt: now });
            tx.objectStore('outbox').add({
              clientSeq,
              mutationId: crypto.randomUUID(),
              entity: 'resident',
              entityId: id,
              changes: Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, baseVersion: 0 }])),
              createdAt: now,
              status: 'pending',
            });
          };
          tx.oncomplete = () => {
            db.close();
            resolve(id);
          };
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    fields,
  );
}

/** The signed-in session's device token and id, to act on the device behind the app's back. */
export function storedSession(page: Page): Promise<{ token: string; deviceId: string }> {
  return page.evaluate(
    () =>
      new Promise<{ token: string; deviceId: string }>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('meta').objectStore('meta').get('session');
          get.onsuccess = () => {
            db.close();
            const { token, deviceId } = (get.result as { value: { token: string; deviceId: string } }).value;
            resolve({ token, deviceId });
          };
          get.onerror = () => reject(new Error('read failed'));
        };
      }),
  );
}

export async function storedToken(page: Page): Promise<string> {
  return (await storedSession(page)).token;
}

/** The names of this origin's IndexedDB databases. */
export function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}

/** The id of the stored resident with this family name. */
export function residentIdByFamilyName(page: Page, familyName: string): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('residents').objectStore('residents').index('familyName').get(name);
          get.onsuccess = () => {
            db.close();
            const row = get.result as { id: string } | undefined;
            if (row) resolve(row.id);
            else reject(new Error('no such resident'));
          };
        };
      }),
    familyName,
  );
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

/** The id of the stored resident with this DUF number (a scan: the roster has no DUF index). */
export function residentIdByDuf(page: Page, duf: string): Promise<string> {
  return page.evaluate(
    (wanted) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('residents').objectStore('residents').getAll();
          all.onsuccess = () => {
            db.close();
            const row = (all.result as { id: string; duf?: string }[]).find((r) => r.duf === wanted);
            if (row) resolve(row.id);
            else reject(new Error('no such resident'));
          };
        };
      }),
    duf,
  );
}

/**
 * Stores a completed mapping of a resident, as the mapping form does: a mapping
 * record with its outbox row. Visible to the app after a reload.
 */
export function storeCompletedMapping(page: Page, residentId: string): Promise<void> {
  return page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['mappings', 'outbox', 'meta'], 'readwrite');
          const meta = tx.objectStore('meta');
          const seqRequest = meta.get('clientSeq');
          seqRequest.onsuccess = () => {
            const clientSeq = ((seqRequest.result as { value?: number } | undefined)?.value ?? 0) + 1;
            const now = Date.now();
            const mappingId = crypto.randomUUID();
            const values = { residentId: id, status: 'complete' };
            meta.put({ key: 'clientSeq', value: clientSeq });
            tx.objectStore('mappings').put({ ...values, id: mappingId, versions: {}, updatedAt: now });
            tx.objectStore('outbox').add({
              clientSeq,
              mutationId: crypto.randomUUID(),
              entity: 'mapping',
              entityId: mappingId,
              changes: Object.fromEntries(Object.entries(values).map(([k, value]) => [k, { value, baseVersion: 0 }])),
              createdAt: now,
              status: 'pending',
            });
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
    residentId,
  );
}

/** The stored mapping record of a resident (its fields as the tablet holds them). */
export function storedMapping(page: Page, residentId: string): Promise<Record<string, unknown>> {
  return page.evaluate(
    (id) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('kartlegg');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('mappings').objectStore('mappings').index('residentId').getAll(id);
          get.onsuccess = () => {
            db.close();
            const rows = get.result as Record<string, unknown>[];
            if (rows.length === 1 && rows[0]) resolve(rows[0]);
            else reject(new Error(`${rows.length} mappings for this resident`));
          };
        };
      }),
    residentId,
  );
}
