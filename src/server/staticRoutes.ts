import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './appEnv.ts';

/**
 * Serves the built PWA. Hashed files under /assets/ never change, so they are cached for a year;
 * everything else (index.html, sw.js, the manifest) is revalidated so an update is seen at once.
 * Any other GET that is not a file gets index.html: the app routes on the client.
 */
export function staticRoutes(dir: string) {
  const root = relative(process.cwd(), dir) || '.';
  const app = new Hono<AppEnv>();
  app.use('/*', async (c, next) => {
    await next();
    if (!c.res.ok) return;
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  });
  app.use('/*', serveStatic({ root }));
  if (existsSync(join(dir, 'index.html'))) {
    app.get('/*', serveStatic({ root, path: 'index.html' }));
  }
  return app;
}
