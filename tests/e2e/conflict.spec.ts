import { expect, test, type Browser } from '@playwright/test';
import { waitForServiceWorkerControl } from './pages/serviceWorker.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { baseURL, E2E_USER, E2E_USER_2 } from './testEnv.ts';

/** A tablet of its own: a separate browser context has its own IndexedDB, client id and device. */
async function tablet(browser: Browser, user: { username: string; password: string }) {
  const context = await browser.newContext({ baseURL: baseURL(), locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  const page = await context.newPage();
  const roster = await new SignInPage(page).signInAsMapper(user);
  // The tablets go offline later and open screens loaded on demand: those come from the precache,
  // which a first visit fills in the background (the larger the app, the longer that takes).
  await waitForServiceWorkerControl(page);
  return { context, page, roster };
}

// The promise, end to end: two tablets change the same field offline; neither value is lost,
// the clash is shown to a person, and that person's decision reaches both tablets.
test('two tablets edit the same name offline; the second sees the conflict, resolves it, and both agree', async ({
  browser,
}) => {
  const a = await tablet(browser, E2E_USER);
  const b = await tablet(browser, E2E_USER_2);
  const family = `Konflikt${Date.now().toString(36)}`;

  // A creates the resident and syncs; B syncs and sees it.
  await a.roster.addResident('Ola', family);
  await expect(a.roster.saved).toBeVisible();
  await a.roster.syncAndSettle();
  await b.roster.syncAndSettle();
  await expect(b.roster.resident('Ola', family)).toBeVisible();

  // Both go offline and change the given name to different values.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  const editA = await a.roster.openResident(a.roster.resident('Ola', family));
  await editA.changeGivenName('Olav');
  await editA.back.click();
  const editB = await b.roster.openResident(b.roster.resident('Ola', family));
  await editB.changeGivenName('Ole');
  await editB.back.click();
  await expect(a.roster.notSyncedBadge(a.roster.resident('Olav', family))).toBeVisible();
  await expect(b.roster.notSyncedBadge(b.roster.resident('Ole', family))).toBeVisible();

  // A syncs first: its change applies. B syncs second: its change clashes and becomes a conflict,
  // the server's value (A's) stays, and B's roster badges the resident.
  await a.context.setOffline(false);
  await a.roster.syncAndSettle();
  await expect(a.roster.resident('Olav', family)).toBeVisible();
  await b.context.setOffline(false);
  await b.roster.syncAndSettle();
  const onB = b.roster.residentNamed(family);
  await expect(onB).toContainText(`${family}, Olav`);
  await expect(b.roster.conflictBadge(onB)).toBeVisible();
  await expect(b.roster.conflictsLink).toHaveText('1 konflikt må avgjøres');

  // B opens the conflict: the value both had seen, A's value with who wrote it, B's with who and when.
  const conflicts = await b.roster.openConflicts(onB);
  const givenName = conflicts.field('Fornavn');
  await expect(givenName).toContainText('Før endringene: Ola');
  await expect(
    givenName.getByRole('radio', { name: /^På serveren nå: Olav \(endret av e2e\.mapper\)$/ }),
  ).toBeVisible();
  await expect(
    givenName.getByRole('radio', { name: /^Endring fra nettbrett: Ole \(av Per Kartlegger, / }),
  ).toBeVisible();

  // B keeps its own value. The decision is saved on the tablet first, then synced.
  await conflicts.choose('Fornavn', /^Endring fra nettbrett: Ole/);
  await expect(conflicts.saved).toBeVisible();
  await expect(conflicts.none).toBeVisible();
  await conflicts.back.click();
  await expect(b.roster.conflictBadge(onB)).toHaveCount(0);
  await b.roster.syncAndSettle();
  await expect(onB).toContainText(`${family}, Ole`);
  await expect(b.roster.notSyncedBadge(onB)).toHaveCount(0);

  // A pulls the decision: the same value, no badge.
  await a.roster.syncAndSettle();
  const onA = a.roster.residentNamed(family);
  await expect(onA).toContainText(`${family}, Ole`);
  await expect(a.roster.conflictBadge(onA)).toHaveCount(0);
  await expect(a.roster.conflictsLink).toHaveCount(0);
  await expect(b.roster.conflictsLink).toHaveCount(0);

  await a.context.close();
  await b.context.close();
});
