import { expect, test } from '@playwright/test';
import { PushResponse } from '../../src/protocol/sync.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { waitForServiceWorkerControl } from './pages/serviceWorker.ts';

// The road proof: a mapper signs in once with network, then works with none, and nothing is lost.
test('works offline after sign-in and syncs what was added when the network returns', async ({ page, context }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  await new SignInPage(page).reloadAndUnlock();
  // The service worker serves the shell and the session comes from IndexedDB: no sign-in screen.
  await roster.expectOpen();
  // Proof that the page really has no network (so the reload above came from the worker's cache).
  const reach = await page.evaluate(() =>
    fetch('/api/health').then(
      () => 'reached',
      () => 'unreachable',
    ),
  );
  expect(reach).toBe('unreachable');

  await roster.addResident('Amina', 'Offlinesen', '1990-05-17');
  await expect(roster.saved).toBeVisible();
  const resident = roster.resident('Amina', 'Offlinesen');
  await expect(resident).toBeVisible();
  await expect(roster.notSyncedBadge(resident)).toBeVisible();
  await expect(roster.syncPending).toHaveText('1 endring venter på synkronisering');

  // Still offline: the record and its outbox row survive a reload.
  await new SignInPage(page).reloadAndUnlock();
  await roster.expectOpen();
  await expect(resident).toBeVisible();
  await expect(roster.notSyncedBadge(resident)).toBeVisible();
  await expect(roster.storageUnsynced).toHaveText('1');

  // The first push after the network returns carries the mutation (the `online` event may send
  // it before the button is clicked; either way there is exactly one push with this outbox).
  const pushed = page.waitForResponse((r) => r.url().endsWith('/api/sync/push') && r.request().method() === 'POST');
  await context.setOffline(false);
  await roster.syncNow.click();
  const response = await pushed;
  expect(response.status()).toBe(200);
  const body = PushResponse.parse(await response.json());
  expect(body.results).toHaveLength(1);
  expect(body.results[0]?.status).toBe('applied');

  // The server acknowledged it, so the outbox is empty and the badge is gone.
  await expect(roster.syncPending).toHaveText('Alt er synkronisert');
  await expect(roster.storageUnsynced).toHaveText('0');
  await expect(resident).toBeVisible();
  await expect(roster.notSyncedBadge(resident)).toHaveCount(0);
});
