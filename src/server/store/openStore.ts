import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Store } from './store.ts';
import { migrate } from './migrate.ts';

export class StoreConfigError extends Error {}

export interface StoreConfig {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string | undefined;
  /** PGlite's data directory; created if its parent exists. */
  dataDir: string;
}

/** Opens the configured store and brings its schema up to date. */
export async function openStore(config: StoreConfig): Promise<Store> {
  let store: Store;
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgresStore.ts');
    store = await openPostgresStore(config.databaseUrl);
  } else {
    const dir = resolve(config.dataDir);
    if (!existsSync(dirname(dir))) {
      throw new StoreConfigError(
        `DATA_DIR ${dir} cannot be created: its parent folder ${dirname(dir)} does not exist.`,
      );
    }
    mkdirSync(dir, { recursive: true });
    const { openPgliteStore } = await import('./pgliteStore.ts');
    store = await openPgliteStore(dir);
  }
  await migrate(store);
  return store;
}
