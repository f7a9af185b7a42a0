import { expect, test } from '@playwright/test';
import { databaseNames, storedSession } from './pages/localDatabase.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { E2E_ADMIN } from './testEnv.ts';

test('a tablet an administrator orders emptied says so, deletes its data and signs out', async ({ page, request }) => {
  const signIn = new SignInPage(page);
  const roster = await signIn.signInAsMapper();
  const { deviceId } = await storedSession(page);
  // What the tablet has not sent when the order comes: a change (the sync's first request is its push,
  // which the order refuses) and an audit event (locked and unlocked while nothing could go).
  const unreachable = '**/api/{sync,audit}/**';
  await page.route(unreachable, (route) => route.abort());
  const family = `Tømt${Date.now().toString(36)}`;
  await roster.addResident('Hana', family);
  await expect(roster.saved).toBeVisible();
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await signIn.unlock();
  await expect(roster.syncNow).toBeVisible();

  // The administrator, on another device, orders this one emptied (a lost tablet).
  const login = await request.post('/api/auth/login', { data: E2E_ADMIN });
  const { token } = (await login.json()) as { token: string };
  const lockedEvents = async () => {
    const res = await request.get(`/api/audit?action=app_locked&deviceId=${deviceId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await res.json()) as { deviceAt: string | null; detail: unknown }[];
  };
  expect(await lockedEvents()).toEqual([]);
  const ordered = await request.post(`/api/devices/${deviceId}/wipe`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(ordered.status()).toBe(204);

  // Its next contact: the tablet sends its own audit events, empties itself and lands on the sign-in
  // screen, saying why.
  await page.unroute(unreachable);
  // The network is back: the sync loop tries at once (its retry after the aborted requests may come
  // first, and the wipe with it, so the button may already be gone).
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByRole('status').filter({ hasText: 'tømt etter ordre fra en administrator' })).toBeVisible();
  await expect(signIn.username).toBeVisible();
  expect(await databaseNames(page)).not.toContain('kartlegg');
  expect(await page.evaluate(() => localStorage.getItem('kartlegg.keyring'))).toBeNull();

  // The server recorded the wipe and refuses the old token.
  const devices = await request.get('/api/devices', { headers: { authorization: `Bearer ${token}` } });
  const device = ((await devices.json()) as { id: string; wipedAt: string | null; revokedAt: string | null }[]).find(
    (d) => d.id === deviceId,
  );
  expect(device?.wipedAt).not.toBeNull();
  expect(device?.revokedAt).not.toBeNull();
  expect(await lockedEvents()).toEqual([
    expect.objectContaining({ deviceAt: expect.any(String), detail: { reason: 'button' } }),
  ]);

  // A reload keeps the notice until someone signs in; nothing of the resident is left.
  await page.reload();
  await expect(page.getByText('tømt etter ordre fra en administrator')).toBeVisible();
  await expect(page.getByText(family)).toHaveCount(0);
});
