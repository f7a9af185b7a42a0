import { PGlite } from '@electric-sql/pglite';
import type { Sql, Store } from './store.ts';

/** Embedded PostgreSQL (WASM) in a data directory; `undefined` keeps it in memory (tests). */
export async function openPgliteStore(dataDir: string | undefined): Promise<Store> {
  const db = await PGlite.create(dataDir);
  const wrap = (q: Pick<PGlite, 'query'>): Sql => ({
    async query<T>(text: string, params: unknown[] = []) {
      return (await q.query<T>(text, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    async exec(script) {
      await db.exec(script);
    },
    close: () => db.close(),
  };
}
