import { expect, test } from '@playwright/test';
import { todayInOslo } from '../../src/domain/roster/deadline.ts';
import { generateNir, writeList } from '../fixtures/nir/generate.ts';
import { seriousViolations } from './pages/axe.ts';
import { queueRawChange, residentIdByFamilyName, storeOpenConflict } from './pages/localDatabase.ts';
import { signInOffline } from './pages/offline.ts';
import { SignInPage } from './pages/SignInPage.ts';

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
  await new SignInPage(page).reloadAndUnlock();
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

test('the import screen and the roster with imported residents have no serious or critical violations', async ({
  page,
  context,
}) => {
  const generated = generateNir({ people: 150, seed: 5, asOf: todayInOslo(Date.now()) });
  const roster = await signInOffline(page, context);

  const importer = await roster.openImport();
  await importer.choose('A', { name: 'a.csv', bytes: writeList(generated.listA, 'A') });
  await importer.choose('B', { name: 'b.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]) });
  await expect(importer.problem('B')).toBeVisible();
  // The column editor open, a refused file's message on the page.
  await importer.column('A', 'DUF-nummer');
  expect(await seriousViolations(page)).toEqual([]);

  await importer.choose('B', { name: 'b.csv', bytes: writeList(generated.listB, 'B') });
  await importer.showPreview();
  await importer.unfold(/^Nye beboere/, 'added-list');
  await importer.unfold(/^Må sjekkes, med grunn/, 'review-list');
  await importer.unfold(/^Rader som ikke kunne leses/, 'invalid-list');
  expect(await seriousViolations(page)).toEqual([]);

  await importer.commit();
  expect(await seriousViolations(page)).toEqual([]);
  await importer.toRoster.click();
  await roster.showList('overdue');
  await roster.search.fill('a');
  await expect(roster.shown).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
