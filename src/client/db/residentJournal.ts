import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** The table journalled, and the journal's own table. */
export const RESIDENTS = 'residents';
export const JOURNAL = 'residentJournal';

/**
 * One write to the residents table since the roster snapshot was last made
 * (src/client/db/rosterSnapshot.ts): which residents it touched, or `all` when it could not tell
 * (a range delete, a clear). Rows are never changed, only added and, when a snapshot takes them in,
 * deleted: the key is random and new for every write. Everything in it is a random id.
 */
export interface JournalRow {
  id: string;
  ids?: string[];
  all?: true;
}

/**
 * Journals every write to the residents table in the same IndexedDB transaction as the write, so
 * the roster snapshot can never miss one: it extends every read-write transaction over `residents`
 * to the journal's store and adds one journal row per write request (one for a bulk write of
 * thousands). It sits below the encryption middleware, nearest IndexedDB, and sees the sealed rows,
 * whose primary key is in clear.
 */
export function residentJournalMiddleware(): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'residentJournal',
    level: -20,
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(
          mode === 'readwrite' && stores.includes(RESIDENTS) && !stores.includes(JOURNAL)
            ? [...stores, JOURNAL]
            : stores,
          mode,
          options,
        ),
      table: (name) => {
        const table = down.table(name);
        if (name !== RESIDENTS) return table;
        return {
          ...table,
          mutate: (req) => {
            // The schema upgrades that ran before the journal existed (v3 re-seals every row) have
            // no journal store in their transaction; no snapshot exists before it either.
            if (!(req.trans as IDBTransaction).objectStoreNames.contains(JOURNAL)) return table.mutate(req);
            const entry = journalEntry(req);
            const journalled = down.table(JOURNAL).mutate({ type: 'add', trans: req.trans, values: [entry] });
            // Both requests are queued at once; a failed journal row fails the write, and with it
            // the transaction, so no write exists without its journal row.
            return Promise.all([journalled, table.mutate(req)]).then(([, result]) => result);
          },
        };
      },
    }),
  };
}

function journalEntry(req: DBCoreMutateRequest): JournalRow {
  const id = crypto.randomUUID();
  if (req.type === 'deleteRange') return { id, all: true };
  const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((row: { id: unknown }) => row.id));
  return keys.every((key): key is string => typeof key === 'string') ? { id, ids: keys } : { id, all: true };
}
