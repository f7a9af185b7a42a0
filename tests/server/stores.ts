import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { migrate } from '../../src/server/store/migrate.ts';
import { openPgliteStore } from '../../src/server/store/pgliteStore.ts';
import { openPostgresStore } from '../../src/server/store/postgresStore.ts';
import type { Store } from '../../src/server/store/store.ts';

/**
 * Stores opened by this test file, closed (and their PostgreSQL databases dropped) after it. The hook
 * is registered here, while the file is collected: one registered later, from inside a running
 * `beforeAll` or test, is never run.
 */
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

export interface StoreCase {
  name: 'pglite' | 'postgres';
  /** `migrate: false` leaves the schema to the test (migration tests). */
  open(options?: { migrate?: boolean }): Promise<Store>;
}

/**
 * The stores every server test runs against: embedded PGlite always, and PostgreSQL too when
 * DATABASE_URL is set (CI sets it). Each opened PostgreSQL store gets a database of its own,
 * dropped after the file, so test files never see each other's rows.
 */
export function storeCases(): StoreCase[] {
  const cases: StoreCase[] = [
    {
      name: 'pglite',
      async open({ migrate: run = true } = {}) {
        const store = await openPgliteStore(undefined);
        if (run) await migrate(store);
        cleanups.push(() => store.close());
        return store;
      },
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) cases.push({ name: 'postgres', open: ({ migrate: run = true } = {}) => openFreshPostgres(url, run) });
  return cases;
}

async function openFreshPostgres(url: string, run: boolean): Promise<Store> {
  const name = `kartlegg_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const store = await openPostgresStore(dbUrl.toString());
  if (run) await migrate(store);
  cleanups.push(async () => {
    await store.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name}`);
    await cleanup.end();
  });
  return store;
}

/** One store per describe block (opening PGlite costs seconds); tests isolate by municipality. */
export function useStore(storeCase: StoreCase): () => Store {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await storeCase.open();
  });
  return () => {
    if (!store) throw new Error('store not open yet');
    return store;
  };
}
