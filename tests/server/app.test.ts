import { describe, expect, it } from 'vitest';
import { HealthResponse } from '../../src/protocol/health.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import { createApp } from '../../src/server/app.ts';
import type { Store } from '../../src/server/store/store.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('http basics on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  it('reports version and store in /api/health', async () => {
    const app = createApp({ store: getStore(), version: '9.9.9' });
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(await res.json())).toEqual({
      status: 'ok',
      version: '9.9.9',
      protocol: PROTOCOL_VERSION,
      store: storeCase.name,
    });
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const app = createApp({ store: getStore(), version: 't' });
    const res = await app.request('/api/does-not-exist', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses a body larger than the route accepts with 413, before reading it', async () => {
    const app = createApp({ store: getStore(), version: 't' });
    const big = JSON.stringify({ username: 'x'.repeat(70 * 1024), password: 'y' });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(login.status).toBe(413);
    expect(await login.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    // A push may be larger (a batch of mutations): the same size is read, then refused for its token.
    const push = await app.request('/api/sync/push', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      body: big,
    });
    expect(push.status).toBe(401);
  });

  it('hides an unexpected error behind a generic 500 and reports it to the operator', async () => {
    const reported: unknown[] = [];
    const broken: Store = {
      ...getStore(),
      query: () => Promise.reject(new Error('secret internals at db.ts:42')),
    };
    const app = createApp({ store: broken, version: 't', onError: (e) => reported.push(e) });
    const res = await app.request('/api/health');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Something went wrong on the server.' } });
    expect(text).not.toContain('secret');
    expect(reported).toHaveLength(1);
  });

  it('sends security headers and keeps API answers out of caches', async () => {
    const app = createApp({ store: getStore(), version: 't' });
    const res = await app.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
