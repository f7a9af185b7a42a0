import { describe, expect, it } from 'vitest';
import { LoginResponse } from '../../src/protocol/auth.ts';
import { hashToken } from '../../src/server/auth/deviceTokens.ts';
import { login, PASSWORD, postJson, seed } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('auth on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  it('signs in, enrols a device and stores only the token hash', async () => {
    const store = getStore();
    const { app, username, municipality } = await seed(store);
    const res = await postJson(app, '/api/auth/login', { username, password: PASSWORD, deviceLabel: 'test tablet' });
    expect(res.status).toBe(200);
    const body = LoginResponse.parse(await res.json());
    expect(body.user).toMatchObject({ name: 'Kari Kartlegger', role: 'kartlegger', municipalityId: municipality.id });
    const rows = await store.query<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = $1', [
      body.deviceId,
    ]);
    expect(rows).toEqual([{ token_hash: hashToken(body.token) }]);
    expect(rows[0]?.token_hash).not.toBe(body.token);
  });

  it('accepts the username in any letter case', async () => {
    const store = getStore();
    const { app, username } = await seed(store);
    expect(
      (await postJson(app, '/api/auth/login', { username: username.toUpperCase(), password: PASSWORD })).status,
    ).toBe(200);
  });

  it.each([
    ['wrong password', { password: 'not the password' }],
    ['unknown user', { username: 'nobody.here' }],
  ])('refuses a %s with 401 invalid_credentials', async (_, override) => {
    const store = getStore();
    const { app, username } = await seed(store);
    const res = await postJson(app, '/api/auth/login', { username, password: PASSWORD, ...override });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Wrong username or password.' },
    });
  });

  it('answers a malformed body with 400 and names the bad fields', async () => {
    const store = getStore();
    const { app } = await seed(store);
    const notJson = await postJson(app, '/api/auth/login', '{"username": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const missing = await postJson(app, '/api/auth/login', { username: 'x' });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_body');
    expect(body.error.issues.map((i) => i.path)).toContain('password');
  });

  it('refuses a revoked device token at once', async () => {
    const store = getStore();
    const { app, username } = await seed(store);
    const session = await login(app, username);
    const push = () =>
      postJson(app, '/api/sync/push', { protocol: 1, deviceId: session.deviceId, mutations: [] }, session.token);
    expect((await push()).status).toBe(200);
    expect((await postJson(app, '/api/auth/logout', {}, session.token)).status).toBe(204);
    const refused = await push();
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('changes a password after checking the current one, and clears mustChangePassword', async () => {
    const store = getStore();
    const { app, username } = await seed(store);
    await store.query('UPDATE users SET must_change_password = true WHERE username = $1', [username]);
    const session = await login(app, username);
    expect(session.mustChangePassword).toBe(true);
    const change = (currentPassword: string, newPassword: string) =>
      postJson(app, '/api/auth/password', { currentPassword, newPassword }, session.token);
    expect((await change('wrong password', 'a brand new password')).status).toBe(403);
    expect((await change(PASSWORD, 'short')).status).toBe(400);
    expect((await change(PASSWORD, 'a brand new password')).status).toBe(200);
    expect((await postJson(app, '/api/auth/login', { username, password: PASSWORD })).status).toBe(401);
    const again = await postJson(app, '/api/auth/login', { username, password: 'a brand new password' });
    expect(((await again.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
  });
});
