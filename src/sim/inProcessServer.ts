import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { addMunicipality, addUser } from '../server/accounts.ts';
import { randomSecret } from '../server/auth/passwords.ts';
import { createApp } from '../server/app.ts';
import { migrate } from '../server/store/migrate.ts';
import type { Store } from '../server/store/store.ts';
import { APP_VERSION } from '../server/version.ts';
import type { SimTarget } from './runSim.ts';
import type { Credentials } from './tablet.ts';

export interface InProcessServer {
  url: string;
  /** Unexpected errors the server reported (answered as 500s); a healthy run has none. */
  errors: unknown[];
  close(): Promise<void>;
}

/** The store the CLI's simulation runs on: PostgreSQL when a URL is given, else PGlite in memory. */
export async function openSimStore(databaseUrl: string | undefined): Promise<Store> {
  let store: Store;
  if (databaseUrl) {
    const { openPostgresStore } = await import('../server/store/postgresStore.ts');
    store = await openPostgresStore(databaseUrl);
  } else {
    const { openPgliteStore } = await import('../server/store/pgliteStore.ts');
    store = await openPgliteStore(undefined);
  }
  await migrate(store);
  return store;
}

/** The real app (createApp) on a real HTTP port of the loopback interface, chosen by the OS. */
export async function serveInProcess(store: Store): Promise<InProcessServer> {
  const errors: unknown[] = [];
  const app = createApp({ store, version: APP_VERSION, onError: (err) => errors.push(err) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    errors,
    async close() {
      // Keep-alive sockets of the tablets' fetch would otherwise hold close() for seconds.
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A municipality of its own for this run (so a shared database is never mixed up with other data),
 * one mapper per tablet and one more for the final check (a mapper: the check reads residents and
 * mapping answers, which a lesebruker may not). Names and passwords are made up here and
 * never printed.
 */
export async function createSimAccounts(store: Store, tablets: number): Promise<Omit<SimTarget, 'url'>> {
  const tag = randomSecret(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x');
  const municipality = await addMunicipality(store, `Sim ${tag}`);
  const password = randomSecret(18);
  const add = async (username: string, name: string) => {
    await addUser(store, { municipalityId: municipality.id, username, name, password, role: 'kartlegger' });
    return { username, password };
  };
  const mappers: Credentials[] = [];
  for (let i = 0; i < tablets; i++) mappers.push(await add(`sim-${tag}-t${i}`, `Sim tablet ${i}`));
  const checker = await add(`sim-${tag}-check`, 'Sim checker');
  return { credentials: (i) => mappers[i] ?? checker, checker };
}
