import { describe, expect, it } from 'vitest';
import { ApiErrorBody } from '../../src/protocol/errors.ts';
import { IpLimiter } from '../../src/server/auth/ipLimiter.ts';
import { FREE_FAILURES } from '../../src/server/auth/loginLockout.ts';
import { createApp } from '../../src/server/app.ts';
import { PASSWORD, postJson, seed } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

describe.each(storeCases())('sign-in lockout on $name', (storeCase) => {
  const getStore = useStore(storeCase);
  const attempt = (app: ReturnType<typeof createApp>, username: string, password: string) =>
    postJson(app, '/api/auth/login', { username, password });

  it(`locks a username after ${FREE_FAILURES} wrong passwords, even the right one, and says for how long`, async () => {
    const { app, username } = await seed(getStore());
    for (let i = 1; i < FREE_FAILURES; i++) expect((await attempt(app, username, 'wrong password')).status).toBe(401);
    const last = await attempt(app, username, 'wrong password');
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toBe('60');
    expect(ApiErrorBody.parse(await last.json()).error).toMatchObject({ code: 'locked', retryAfter: 60 });

    const right = await attempt(app, username.toUpperCase(), PASSWORD);
    expect(right.status).toBe(429);
    const wait = ApiErrorBody.parse(await right.json()).error.retryAfter ?? 0;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it('locks an unknown username the same way (no probing), and leaves other users alone', async () => {
    const { app, username } = await seed(getStore());
    const ghost = `ghost.${Math.random().toString(36).slice(2)}`;
    for (let i = 1; i < FREE_FAILURES; i++) expect((await attempt(app, ghost, 'guess')).status).toBe(401);
    expect((await attempt(app, ghost, 'guess')).status).toBe(429);
    expect((await attempt(app, username, PASSWORD)).status).toBe(200);
  });

  it('doubles the lock after each further failure, and a success clears the count', async () => {
    const store = getStore();
    const { app, username } = await seed(store);
    for (let i = 0; i < FREE_FAILURES; i++) await attempt(app, username, 'wrong');
    // Let the first lock run out, then fail once more: two minutes.
    await store.query("UPDATE login_failures SET locked_until = now() - interval '1 second'");
    const again = await attempt(app, username, 'wrong');
    expect(ApiErrorBody.parse(await again.json()).error).toMatchObject({ code: 'locked', retryAfter: 120 });
    await store.query("UPDATE login_failures SET locked_until = now() - interval '1 second'");
    expect((await attempt(app, username, PASSWORD)).status).toBe(200);
    // Cleared: the next wrong password is an ordinary 401 again.
    expect((await attempt(app, username, 'wrong')).status).toBe(401);
  });

  it('stops one address from trying many usernames, but not others', async () => {
    const { municipality, username } = await seed(getStore());
    const limiter = new IpLimiter(3);
    const app = createApp({ store: getStore(), version: 'test', trustProxy: true, loginLimiter: limiter });
    const from = (address: string, name: string, password: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.9, ${address}` },
        body: JSON.stringify({ username: name, password }),
      });
    for (let i = 0; i < 3; i++)
      expect((await from('198.51.100.1', `spray${i}.${municipality.id}`, 'x')).status).toBe(401);
    const blocked = await from('198.51.100.1', username, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(ApiErrorBody.parse(await blocked.json()).error.code).toBe('rate_limited');
    expect((await from('198.51.100.2', username, PASSWORD)).status).toBe(200);
  });
});

describe('IpLimiter', () => {
  it('counts failures in a sliding window and forgets them after it', () => {
    let now = 0;
    const limiter = new IpLimiter(2, 60_000, () => now);
    limiter.recordFailure('a');
    now = 10_000;
    limiter.recordFailure('a');
    expect(limiter.blockedForSeconds('a')).toBe(50);
    expect(limiter.blockedForSeconds('b')).toBe(0);
    now = 60_001;
    expect(limiter.blockedForSeconds('a')).toBe(0);
  });
});
