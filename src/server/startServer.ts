import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ensureFirstAdmin, type FirstLogin } from './bootstrap.ts';
import type { ServerConfig } from './config.ts';
import { openStore } from './store/openStore.ts';
import type { Store } from './store/store.ts';
import { APP_VERSION } from './version.ts';

export interface RunningServer {
  url: string;
  store: Store;
  firstLogin: FirstLogin | null;
  close(): Promise<void>;
}

/** Opens the store (running migrations), creates the first admin if needed, and listens. */
export async function startServer(config: ServerConfig, staticDir: string | undefined): Promise<RunningServer> {
  const store = await openStore(config);
  const firstLogin = await ensureFirstAdmin(store, config.firstMunicipality);
  const app = createApp({
    store,
    version: APP_VERSION,
    staticDir,
    trustProxy: config.trustProxy,
    // Only the error's kind and stack: request bodies (personal data) are never logged.
    onError: (err) => console.error('Unexpected error:', err instanceof Error ? err.stack : String(err)),
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return {
    url: `http://${shownHost}:${port}`,
    store,
    firstLogin,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
