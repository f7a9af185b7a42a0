import { expect, test, type APIResponse } from '@playwright/test';
import { PROTOCOL_VERSION } from '../../src/protocol/version.ts';
import { E2E_USER } from './testEnv.ts';

/** The body as text, checked to carry no stack trace or source path before it is parsed. */
async function jsonWithoutStack(res: APIResponse): Promise<unknown> {
  const text = await res.text();
  expect(text).not.toMatch(/\n\s*at /);
  expect(text).not.toMatch(/\.ts:\d/);
  expect(text).not.toContain('node_modules');
  return JSON.parse(text) as unknown;
}

test('a wrong password is 401 invalid_credentials', async ({ request }) => {
  const res = await request.post('/api/auth/login', {
    data: { username: E2E_USER.username, password: 'wrong-password' },
  });
  expect(res.status()).toBe(401);
  expect(await jsonWithoutStack(res)).toMatchObject({ error: { code: 'invalid_credentials' } });
});

test('the right password signs in and enrols a device', async ({ request }) => {
  const res = await request.post('/api/auth/login', { data: E2E_USER });
  expect(res.status()).toBe(200);
  expect(await jsonWithoutStack(res)).toMatchObject({ token: expect.any(String), user: { role: 'kartlegger' } });
});

test('a body that is not JSON is 400 bad_request', async ({ request }) => {
  const res = await request.post('/api/auth/login', {
    headers: { 'content-type': 'application/json' },
    // A Buffer is sent byte for byte; a string with a JSON content type would be JSON-encoded.
    data: Buffer.from('{"username": '),
  });
  expect(res.status()).toBe(400);
  expect(await jsonWithoutStack(res)).toMatchObject({ error: { code: 'bad_request' } });
});

test('a body missing fields is 400 invalid_body naming them', async ({ request }) => {
  const res = await request.post('/api/auth/login', { data: { username: E2E_USER.username } });
  expect(res.status()).toBe(400);
  const body = (await jsonWithoutStack(res)) as { error: { code: string; issues: { path: string }[] } };
  expect(body.error.code).toBe('invalid_body');
  expect(body.error.issues.map((i) => i.path)).toContain('password');
});

test('an unknown API route is a JSON 404 not_found, not the app shell', async ({ request }) => {
  for (const res of [await request.get('/api/whatever'), await request.post('/api/whatever', { data: {} })]) {
    expect(res.status()).toBe(404);
    expect(res.headers()['content-type']).toContain('application/json');
    expect(await jsonWithoutStack(res)).toMatchObject({ error: { code: 'not_found' } });
  }
});

test('health answers 200 on the embedded store', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await jsonWithoutStack(res)).toMatchObject({ status: 'ok', store: 'pglite', protocol: PROTOCOL_VERSION });
});

test('push without a valid device token is 401 unauthorized', async ({ request }) => {
  const data = { protocol: 1, deviceId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', mutations: [] };
  const noToken = await request.post('/api/sync/push', { data });
  expect(noToken.status()).toBe(401);
  expect(await jsonWithoutStack(noToken)).toMatchObject({ error: { code: 'unauthorized' } });

  const badToken = await request.post('/api/sync/push', {
    data,
    headers: { authorization: 'Bearer not-a-real-device-token-at-all' },
  });
  expect(badToken.status()).toBe(401);
  expect(await jsonWithoutStack(badToken)).toMatchObject({ error: { code: 'unauthorized' } });
});
