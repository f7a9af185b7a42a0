import { describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../src/protocol/errors.ts';
import { UserList, UserUpdateResponse } from '../../src/protocol/users.ts';
import { FREE_FAILURES } from '../../src/server/auth/loginLockout.ts';
import { getWithToken, login, PASSWORD, postJson, seedWithAdmin } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('users on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  async function municipality() {
    const ctx = await seedWithAdmin(getStore());
    const token = ctx.admin.token;
    const list = async () => UserList.parse(await (await getWithToken(ctx.app, '/api/users', token)).json());
    const add = (body: object, as = token) => postJson(ctx.app, '/api/users', body, as);
    const patch = (id: string, body: unknown, as = token) =>
      ctx.app.request(`/api/users/${id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const signIn = (username: string, password = PASSWORD) =>
      postJson(ctx.app, '/api/auth/login', { username, password });
    const idOf = async (username: string) => (await list()).find((u) => u.username === username)!.id;
    const audited = async (action: string) =>
      getStore().query<{ record_id: string; detail: unknown }>(
        'SELECT record_id, detail FROM audit_log WHERE municipality_id = $1 AND action = $2 ORDER BY id',
        [ctx.municipality.id, action],
      );
    const errorOf = async (res: Response) => ApiErrorBody.parse(await res.json()).error;
    return { ...ctx, list, add, patch, signIn, idOf, audited, errorOf };
  }
  const unique = (prefix: string) => `${prefix}.${Math.random().toString(36).slice(2, 8)}`;

  it('lists the municipality’s users for its administrator only, without password hashes', async () => {
    const a = await municipality();
    const b = await municipality();
    const res = await getWithToken(a.app, '/api/users', a.admin.token);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/argon2|password_hash|passwordHash/);
    const users = UserList.parse(JSON.parse(text));
    expect(users.map((u) => u.username).sort()).toEqual([a.adminName, a.username].sort());
    expect(users.find((u) => u.username === a.username)).toMatchObject({
      name: 'Kari Kartlegger',
      role: 'kartlegger',
      receptionCentre: null,
      mustChangePassword: false,
      lockedOut: false,
      deactivated: false,
    });
    expect((await getWithToken(a.app, '/api/users', a.tablet.token)).status).toBe(403);
    expect((await b.list()).map((u) => u.username)).not.toContain(a.username);
  });

  it('adds a mottak user with a centre, who must change the password at the first sign-in', async () => {
    const m = await municipality();
    const username = unique('mona');
    const res = await m.add({
      username,
      name: 'Mona Mottak',
      role: 'mottak',
      receptionCentre: ' Fjellheim mottak ',
      password: 'first-password-1',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await m.list()).find((u) => u.id === id)).toMatchObject({
      username,
      role: 'mottak',
      receptionCentre: 'Fjellheim mottak',
      mustChangePassword: true,
    });
    const signedIn = await m.signIn(username, 'first-password-1');
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ mustChangePassword: true });
    const [row] = await m.audited('user_added');
    expect(row).toEqual({ record_id: id, detail: { role: 'mottak' } });
    expect(JSON.stringify(await m.audited('user_added'))).not.toMatch(/Mona|first-password|Fjellheim/);
  });

  it('refuses a bad account with 400 naming the field, and a taken username with 409', async () => {
    const m = await municipality();
    const base = { username: unique('per'), role: 'kartlegger', password: 'first-password-1' };
    const noCentre = await m.add({ ...base, role: 'mottak' });
    expect(noCentre.status).toBe(400);
    expect(await m.errorOf(noCentre)).toMatchObject({
      code: 'invalid_account',
      issues: [{ path: 'receptionCentre' }],
    });
    const centreForMapper = await m.add({ ...base, receptionCentre: 'Fjellheim mottak' });
    expect((await m.errorOf(centreForMapper)).issues?.[0]?.path).toBe('receptionCentre');
    const spaces = await m.add({ ...base, username: 'has space' });
    expect(await m.errorOf(spaces)).toMatchObject({ code: 'invalid_account', issues: [{ path: 'username' }] });
    const short = await m.add({ ...base, password: 'short' });
    expect(await m.errorOf(short)).toMatchObject({ code: 'invalid_body', issues: [{ path: 'password' }] });
    expect((await m.add({ ...base, extra: 1 })).status).toBe(400);
    const taken = await m.add({ ...base, username: m.username.toUpperCase() });
    expect(taken.status).toBe(409);
    expect(await m.errorOf(taken)).toMatchObject({ code: 'username_taken', issues: [{ path: 'username' }] });
    expect((await m.add(base, m.tablet.token)).status).toBe(403);
  });

  it('changes name, role and centre by the mottak rules, and audits the field names only', async () => {
    const m = await municipality();
    const id = await m.idOf(m.username);
    const toMottak = await m.patch(id, { role: 'mottak' });
    expect(toMottak.status).toBe(400);
    expect((await m.errorOf(toMottak)).issues?.[0]?.path).toBe('receptionCentre');
    const res = await m.patch(id, { role: 'mottak', receptionCentre: 'Fjellheim mottak', name: 'Kari Mottak' });
    expect(res.status).toBe(200);
    expect(UserUpdateResponse.parse(await res.json()).user).toMatchObject({
      role: 'mottak',
      receptionCentre: 'Fjellheim mottak',
      name: 'Kari Mottak',
    });
    // Back to a mapper: the centre goes with the role.
    const back = UserUpdateResponse.parse(await (await m.patch(id, { role: 'kartlegger' })).json());
    expect(back.user).toMatchObject({ role: 'kartlegger', receptionCentre: null });
    const centreForMapper = await m.patch(id, { receptionCentre: 'Fjellheim mottak' });
    expect((await m.errorOf(centreForMapper)).issues?.[0]?.path).toBe('receptionCentre');
    expect((await m.patch(id, {})).status).toBe(400);
    expect((await m.patch(id, { password: 'sneaky-password' })).status).toBe(400);
    const rows = await m.audited('user_changed');
    expect(rows.map((r) => r.detail)).toEqual([
      { fields: ['name', 'role', 'receptionCentre'] },
      { fields: ['role', 'receptionCentre'] },
    ]);
    expect(rows.every((r) => r.record_id === id)).toBe(true);
  });

  it('resets a password: a temporary one, answered once, that must be changed', async () => {
    const m = await municipality();
    const id = await m.idOf(m.username);
    const res = UserUpdateResponse.parse(await (await m.patch(id, { resetPassword: true })).json());
    expect(res.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(res.user.mustChangePassword).toBe(true);
    expect((await m.signIn(m.username)).status).toBe(401);
    const signedIn = await m.signIn(m.username, res.temporaryPassword);
    expect(await signedIn.json()).toMatchObject({ mustChangePassword: true });
    const audit = JSON.stringify(await m.audited('user_changed'));
    expect(audit).toContain('password');
    expect(audit).not.toContain(res.temporaryPassword!);
  });

  it('shows and clears a sign-in lockout', async () => {
    const m = await municipality();
    for (let i = 0; i <= FREE_FAILURES; i++) await m.signIn(m.username, 'wrong-password');
    expect((await m.signIn(m.username)).status).toBe(429);
    const id = await m.idOf(m.username);
    expect((await m.list()).find((u) => u.id === id)?.lockedOut).toBe(true);
    const res = UserUpdateResponse.parse(await (await m.patch(id, { clearLockout: true })).json());
    expect(res.user.lockedOut).toBe(false);
    expect((await m.signIn(m.username)).status).toBe(200);
  });

  it('a deactivated user cannot sign in and their tokens are refused at once; reactivated, they sign in again', async () => {
    const m = await municipality();
    const id = await m.idOf(m.username);
    expect((await getWithToken(m.app, '/api/settings', m.tablet.token)).status).toBe(200);
    const res = await m.patch(id, { deactivated: true });
    expect(UserUpdateResponse.parse(await res.json()).user.deactivated).toBe(true);
    expect((await getWithToken(m.app, '/api/settings', m.tablet.token)).status).toBe(401);
    const refused = await m.signIn(m.username);
    expect(refused.status).toBe(403);
    expect((await m.errorOf(refused)).code).toBe('deactivated');
    // A wrong password still says only that: nothing about the account.
    expect((await m.errorOf(await m.signIn(m.username, 'wrong-password'))).code).toBe('invalid_credentials');

    await m.patch(id, { deactivated: false });
    const again = await login(m.app, m.username);
    expect((await getWithToken(m.app, '/api/settings', again.token)).status).toBe(200);
    // The old token stays revoked.
    expect((await getWithToken(m.app, '/api/settings', m.tablet.token)).status).toBe(401);
    expect((await m.audited('user_changed')).map((r) => r.detail)).toEqual([
      { fields: ['deactivated'] },
      { fields: ['deactivated'] },
    ]);
  });

  it('an administrator cannot deactivate themself or drop their own admin role', async () => {
    const m = await municipality();
    const self = m.admin.user.id;
    for (const body of [{ deactivated: true }, { role: 'kartlegger' }]) {
      const res = await m.patch(self, body);
      expect(res.status).toBe(409);
      expect((await m.errorOf(res)).code).toBe('own_account');
    }
    expect((await m.patch(self, { name: 'Ada Admin' })).status).toBe(200);
    expect((await getWithToken(m.app, '/api/users', m.admin.token)).status).toBe(200);
  });

  it('another municipality’s user is not found, like an unknown or malformed id', async () => {
    const a = await municipality();
    const b = await municipality();
    const other = await b.idOf(b.username);
    for (const id of [other, '01900000-0000-7000-8000-000000000000', 'not-an-id']) {
      for (const body of [{ deactivated: true }, { resetPassword: true }, { name: 'X' }]) {
        expect((await a.patch(id, body)).status, `${id} ${JSON.stringify(body)}`).toBe(404);
      }
    }
    expect((await b.signIn(b.username)).status).toBe(200);
    expect((await b.list()).find((u) => u.id === other)).toMatchObject({ name: 'Kari Kartlegger', deactivated: false });
    expect((await a.patch(other, { name: 'X' }, a.tablet.token)).status).toBe(403);
  });
});
