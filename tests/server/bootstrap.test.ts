import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../src/protocol/auth.ts';
import { ensureFirstAdmin } from '../../src/server/bootstrap.ts';
import { postJson, seed } from './fixtures.ts';
import { storeCases } from './stores.ts';

describe.each(storeCases())('first start on $name', (storeCase) => {
  it('creates the first admin once, with a one-time password that works', async () => {
    const store = await storeCase.open();
    const first = await ensureFirstAdmin(store, 'Førstekommune');
    expect(first).toMatchObject({ municipality: 'Førstekommune', username: 'admin' });
    expect(first?.password.length).toBeGreaterThanOrEqual(16);
    expect(await ensureFirstAdmin(store, 'Førstekommune')).toBeNull();
    const { app } = await seed(store);
    const res = await postJson(app, '/api/auth/login', { username: 'admin', password: first?.password });
    expect(res.status).toBe(200);
    expect(((await res.json()) as LoginResponse).user.role).toBe('admin');
  });
});
