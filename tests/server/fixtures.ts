import { addMunicipality, addUser } from '../../src/server/accounts.ts';
import { createApp } from '../../src/server/app.ts';
import type { Store } from '../../src/server/store/store.ts';
import type { LoginResponse } from '../../src/protocol/auth.ts';

export const PASSWORD = 'correct horse battery';

/** A municipality with one mapper, and the app (API only) on the given store. */
export async function seed(store: Store, municipality = `Kommune ${Math.random().toString(36).slice(2, 8)}`) {
  const m = await addMunicipality(store, municipality);
  const username = `mapper.${m.id.slice(-8)}`;
  await addUser(store, {
    municipalityId: m.id,
    username,
    password: PASSWORD,
    role: 'kartlegger',
    name: 'Kari Kartlegger',
  });
  const errors: unknown[] = [];
  const app = createApp({ store, version: 'test', onError: (e) => errors.push(e) });
  return { app, municipality: m, username, errors };
}

/**
 * seed() plus an administrator of the same municipality; the administrator and the mapper are both
 * signed in (`admin`, `tablet`).
 */
export async function seedWithAdmin(store: Store) {
  const ctx = await seed(store);
  const adminName = `admin.${ctx.municipality.id.slice(-8)}`;
  await addUser(store, { municipalityId: ctx.municipality.id, username: adminName, password: PASSWORD, role: 'admin' });
  const admin = await login(ctx.app, adminName);
  const tablet = await login(ctx.app, ctx.username);
  return { ...ctx, adminName, admin, tablet };
}

export function postJson(app: ReturnType<typeof createApp>, path: string, body: unknown, token?: string) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A GET with the device's bearer token. */
export function getWithToken(app: ReturnType<typeof createApp>, path: string, token: string) {
  return app.request(path, { headers: { authorization: `Bearer ${token}` } });
}

export async function login(app: ReturnType<typeof createApp>, username: string): Promise<LoginResponse> {
  const res = await postJson(app, '/api/auth/login', { username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return (await res.json()) as LoginResponse;
}
