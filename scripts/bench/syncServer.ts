import { rmSync } from 'node:fs';
import pg from 'pg';
import { createSimAccounts } from '../../src/sim/inProcessServer.ts';
import type { SimTarget } from '../../src/sim/runSim.ts';
import { openStore } from '../../src/server/store/openStore.ts';
import { startServerProcess } from '../serverProcess.ts';
import { tempDataDir } from './coldStart.ts';

export interface BenchServer {
  url: string;
  /** One mapper account per tablet, and a reader. */
  accounts: Omit<SimTarget, 'url'>;
  stop(): Promise<void>;
}

/**
 * `kartlegg serve` as a child process (so the load generator has the other core), on a new PGlite
 * data dir or, with `databaseUrl`, on a new PostgreSQL database next to that one (dropped after).
 * The accounts are made in the store before the server starts, as `kartlegg user add` would.
 */
export async function startBenchServer(root: string, tablets: number, databaseUrl?: string): Promise<BenchServer> {
  if (!databaseUrl) {
    const dataDir = tempDataDir();
    try {
      const accounts = await withStore({ dataDir }, (store) => createSimAccounts(store, tablets));
      const server = await startServerProcess(root, dataDir, { forwardStderr: true });
      return {
        url: server.url,
        accounts,
        async stop() {
          await server.stop();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    } catch (err) {
      rmSync(dataDir, { recursive: true, force: true });
      throw err;
    }
  }
  const name = `kartlegg_bench_${Date.now()}`;
  await adminQuery(databaseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const dropDatabase = () => adminQuery(databaseUrl, `DROP DATABASE IF EXISTS ${name}`);
  try {
    const accounts = await withStore({ dataDir: '', databaseUrl: url.toString() }, (s) =>
      createSimAccounts(s, tablets),
    );
    const server = await startServerProcess(root, '', { forwardStderr: true, databaseUrl: url.toString() });
    return {
      url: server.url,
      accounts,
      async stop() {
        await server.stop();
        await dropDatabase();
      },
    };
  } catch (err) {
    await dropDatabase();
    throw err;
  }
}

async function withStore<T>(
  config: Parameters<typeof openStore>[0],
  fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>,
): Promise<T> {
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

async function adminQuery(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
