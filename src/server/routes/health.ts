import { Hono } from 'hono';
import type { HealthResponse } from '../../protocol/health.ts';
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { AppEnv } from '../appEnv.ts';

export function healthRoutes(version: string) {
  return new Hono<AppEnv>().get('/', async (c) => {
    await c.var.store.query('SELECT 1');
    const body: HealthResponse = { status: 'ok', version, protocol: PROTOCOL_VERSION, store: c.var.store.kind };
    return c.json(body);
  });
}
