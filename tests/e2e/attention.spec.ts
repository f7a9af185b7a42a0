import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { queueRawChange, storedToken } from './pages/localDatabase.ts';
import { OpenExportPage } from './pages/OpenExportPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { E2E_USER } from './testEnv.ts';

test('a change the server rejects is listed with the reason, exported, corrected and sent', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  await roster.syncAndSettle();
  const family = `Avvist${Date.now().toString(36)}`;

  // A new resident without a family name: the server stores it as rejected (incomplete_new_record).
  await queueRawChange(page, { givenName: 'Nadia' });
  await roster.syncNow.click();
  await expect(roster.attentionLink).toHaveText('1 avvist endring trenger oppfølging');

  const attention = await roster.openNeedsAttention();
  const change = attention.changes.first();
  await expect(attention.changes).toHaveCount(1);
  await expect(change).toContainText('En ny post manglet opplysninger som må være med');
  await expect(change).toContainText('Nadia');

  // Export: a file named by time only, sealed: no name in clear; the PIN opens it on the tablet.
  const downloading = page.waitForEvent('download');
  await change.getByRole('button', { name: 'Eksporter' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^kartlegg-unsynced-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}\.json$/);
  const exportPath = await download.path();
  const exported = readFileSync(exportPath, 'utf8');
  expect(exported).not.toContain('Nadia');
  expect(JSON.parse(exported)).toMatchObject({ kind: 'kartlegg-sealed-unsynced', tables: { outbox: [{}] } });

  // Correct: the missing family name is filled in and the change goes out as a new mutation.
  await change.getByRole('button', { name: 'Rett og send på nytt' }).click();
  await expect(change.getByLabel('Fornavn')).toHaveValue('Nadia');
  await change.getByLabel('Etternavn').fill(family);
  await change.getByRole('button', { name: 'Send rettet endring' }).click();
  await expect(attention.queued).toBeVisible();
  await expect(attention.none).toBeVisible();

  await attention.back.click();
  await roster.syncAndSettle();
  await expect(roster.attentionLink).toHaveCount(0);
  const resident = roster.resident('Nadia', family);
  await expect(resident).toBeVisible();
  await expect(roster.notSyncedBadge(resident)).toHaveCount(0);

  // The exported file opens with the PIN and shows the rejected change it holds.
  const opening = new OpenExportPage(page);
  await opening.open();
  await opening.openFile(exportPath);
  await expect(page.getByRole('heading', { name: 'Filen har 1 usynkronisert endring' })).toBeVisible();
  await expect(opening.records).toHaveText(/^Nadia\s+— 1 endring$/);
});

test('a revoked sign-in keeps the changes and asks for the password of the same user', async ({ page, request }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  await roster.syncAndSettle();
  // The device token is revoked (as an administrator would): the next sync gets a 401.
  const revoked = await request.post('/api/auth/logout', {
    headers: { authorization: `Bearer ${await storedToken(page)}` },
  });
  expect(revoked.ok()).toBe(true);

  const family = `Utlogget${Date.now().toString(36)}`;
  await roster.addResident('Samir', family);
  await expect(roster.saved).toBeVisible();
  await roster.syncNow.click();

  const panel = page.getByRole('region', { name: 'Logg inn på nytt' });
  await expect(panel).toContainText('Logg inn på nytt for å sende 1 usynkronisert endring.');
  await expect(panel.getByLabel('Brukernavn')).toHaveValue(E2E_USER.username);
  await expect(panel.getByLabel('Brukernavn')).not.toBeEditable();
  await expect(panel.getByRole('button', { name: 'Eksporter usynkroniserte endringer' })).toBeVisible();
  // Nothing was wiped.
  await expect(roster.notSyncedBadge(roster.resident('Samir', family))).toBeVisible();

  await panel.getByLabel('Passord').fill('wrong-password-123');
  await panel.getByRole('button', { name: 'Logg inn og send' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Feil passord.');

  await panel.getByLabel('Passord').fill(E2E_USER.password);
  await panel.getByRole('button', { name: 'Logg inn og send' }).click();
  await expect(panel).toHaveCount(0);
  await expect(roster.syncPending).toHaveText('Alt er synkronisert');
  await expect(roster.notSyncedBadge(roster.resident('Samir', family))).toHaveCount(0);
});
