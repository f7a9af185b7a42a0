import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { queueRawChange, residentIdByFamilyName, storeOpenConflict } from './pages/localDatabase.ts';
import { SignInPage } from './pages/SignInPage.ts';

/** Violations that block or seriously hinder users; each is reported with the elements it hits. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

test('the sign-in page has no serious or critical accessibility violations', async ({ page }) => {
  await new SignInPage(page).goto();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the roster page has no serious or critical accessibility violations', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  // A resident in the list and a "saved" message put the list, badge and status styles under test too.
  await roster.addResident('Axel', 'Tilgjengelig');
  await expect(roster.saved).toBeVisible();
  await expect(roster.notSyncedBadge(roster.resident('Axel', 'Tilgjengelig'))).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the resident, conflict and needs-attention screens have no serious or critical violations', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  const family = `Skjerm${Date.now().toString(36)}`;
  await roster.addResident('Axel', family, '1990-05-17');
  await expect(roster.saved).toBeVisible();
  await roster.syncAndSettle();

  const resident = roster.resident('Axel', family);
  const edit = await roster.openResident(resident);
  await edit.changeGivenName('Aksel');
  expect(await seriousViolations(page)).toEqual([]);
  await edit.back.click();

  // A conflict on the name and one on `deleted`, as a pull would store them; and a change the server
  // will reject (no family name), so every part of both screens is on the page.
  const id = await residentIdByFamilyName(page, family);
  await storeOpenConflict(page, { entityId: id, field: 'givenName', base: 'Axel', theirs: 'Aksel', mine: 'Axl' });
  await storeOpenConflict(page, { entityId: id, field: 'deleted', base: false, theirs: true, mine: false });
  await queueRawChange(page, { givenName: 'Nadia' });
  await page.reload();
  await roster.expectOpen();

  const conflicts = await roster.openConflicts(roster.residentNamed(family));
  await conflicts.field('Fornavn').getByRole('radio', { name: 'En annen verdi' }).check();
  await expect(conflicts.field('Slettet / gjenopprett')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await conflicts.back.click();

  await roster.syncNow.click();
  const attention = await roster.openNeedsAttention();
  await attention.changes.first().getByRole('button', { name: 'Rett og send på nytt' }).click();
  expect(await seriousViolations(page)).toEqual([]);
});
