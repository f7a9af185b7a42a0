import { expect, test } from '@playwright/test';
import { seriousViolations } from './pages/axe.ts';
import { PlanPage } from './pages/PlanPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { E2E_ADMIN } from './testEnv.ts';

test('an administrator sets the deadline days, and a mapper’s tablet imports with them after a sync', async ({
  page,
  browser,
}) => {
  await new SignInPage(page).signInAsMapper(E2E_ADMIN);
  await page.getByRole('button', { name: 'Administrasjon' }).click();
  const admin = page.getByRole('region', { name: 'Administrasjon' });
  await expect(admin.getByRole('heading', { name: 'Administrasjon' })).toBeFocused();
  const days = admin.getByLabel('Frist for kartlegging (dager etter vedtak)');
  await expect(days).toHaveValue('14');

  // The device list names the users; the audit log shows this sign-in.
  await expect(admin.getByRole('cell', { name: /e2e\.admin/ }).first()).toBeVisible();
  await expect(admin.getByRole('cell', { name: 'Logget inn' }).first()).toBeVisible();
  // The whole audit trail as a CSV file, named by the date only.
  const download = page.waitForEvent('download');
  await admin.getByRole('button', { name: 'Last ned revisjonsloggen (CSV)' }).click();
  expect((await download).suggestedFilename()).toMatch(/^kartlegg-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(await seriousViolations(page)).toEqual([]);

  await days.fill('400');
  await admin.getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(admin.getByText('Skriv et helt tall fra 0 til 365.')).toBeVisible();
  await days.fill('21');
  await admin.getByRole('button', { name: 'Lagre innstillinger' }).click();
  await expect(admin.getByText('Lagret på serveren.')).toBeVisible();

  // A mapper on another tablet: the next sync brings the setting, and the import screen uses it.
  const tablet = await browser.newContext();
  try {
    const mapperPage = await tablet.newPage();
    const roster = await new SignInPage(mapperPage).signInAsMapper();
    await roster.syncAndSettle();
    await roster.openImport();
    await expect(mapperPage.getByTestId('deadline-days')).toHaveText(
      'Frist for kartlegging: 21 dager etter vedtaksdato.',
    );
  } finally {
    await tablet.close();
    // Back to the guideline for the other tests.
    await days.fill('14');
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/settings') && r.request().method() === 'PUT');
    await admin.getByRole('button', { name: 'Lagre innstillinger' }).click();
    expect((await saved).ok()).toBe(true);
  }
});

test('the administration is not offered to a mapper', async ({ page }) => {
  await new SignInPage(page).signInAsMapper();
  await expect(page.getByRole('button', { name: 'Administrasjon' })).toHaveCount(0);
});

test("the tablet's own export reaches the administrator's audit log with the next sync", async ({ page }) => {
  await new SignInPage(page).signInAsMapper(E2E_ADMIN);
  await page.getByRole('button', { name: 'Planlegg kartlegging' }).click();
  const plan = new PlanPage(page);
  await plan.expectOpen();
  await plan.weeklyList.click();
  const weekly = page.getByRole('region', { name: 'Ukeliste for mottakene' });
  // The next sync sends it (after the outbox, before the pull): soon after by itself, or at once.
  const sent = page.waitForResponse(
    (r) => r.url().endsWith('/api/audit/events') && r.ok() && r.request().postData()?.includes('weekly_list') === true,
  );
  const downloading = page.waitForEvent('download');
  await weekly.getByRole('button', { name: 'Last ned CSV' }).click();
  await downloading;
  await page.getByRole('button', { name: 'Synkroniser nå' }).click();
  const { events } = (await sent).request().postDataJSON() as { events: { action: string }[] };
  expect(events.map((e) => e.action)).toContain('weekly_list_downloaded');
  // Codes, counts and a week: no name.
  expect(JSON.stringify(events)).not.toMatch(/Kari|Admin|e2e\./);

  await page.getByRole('button', { name: 'Administrasjon' }).click();
  const admin = page.getByRole('region', { name: 'Administrasjon' });
  const row = admin.getByRole('row').filter({ hasText: 'Lastet ned ukelisten (CSV)' }).first();
  await expect(row).toBeVisible();
  await expect(row).toContainText('på nettbrettet:');
});

test('an administrator adds a reception-centre user, who must choose a password; deactivated, they cannot sign in', async ({
  page,
  browser,
}) => {
  const newUser = { username: 'e2e.ny.mottak', name: 'Nora Mottak', first: 'e2e-first-password-1' };
  const own = 'e2e-own-password-22';
  await new SignInPage(page).signInAsMapper(E2E_ADMIN);
  await page.getByRole('button', { name: 'Administrasjon' }).click();
  const users = page.getByRole('region', { name: 'Administrasjon' }).getByRole('region', { name: 'Brukere' });
  await users.getByRole('button', { name: 'Legg til bruker' }).click();
  await users.getByLabel('Brukernavn', { exact: true }).fill(newUser.username);
  await users.getByLabel('Navn', { exact: true }).fill(newUser.name);
  await users.getByLabel('Rolle').selectOption({ label: 'Mottak' });
  await users.getByLabel('Første passord').fill(newUser.first);
  // A reception-centre user needs its centre: the server says so, at the field.
  await users.getByRole('button', { name: 'Legg til', exact: true }).click();
  const centre = users.getByLabel('Mottak', { exact: true });
  await expect(users.getByText('En mottaksbruker må ha navnet på mottaket (høyst 200 tegn).')).toBeVisible();
  await expect(centre).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  await centre.fill('Fjellheim mottak');
  await users.getByRole('button', { name: 'Legg til', exact: true }).click();
  await expect(users.getByText('Brukeren er lagt til.')).toBeVisible();
  const row = users.getByRole('row').filter({ hasText: newUser.username });
  await expect(row).toContainText('Fjellheim mottak');
  await expect(row).toContainText('Må bytte passord');
  expect(await seriousViolations(page)).toEqual([]);

  // The new user signs in with the first password and must choose their own before anything else.
  const centreTablet = await browser.newContext();
  try {
    const centrePage = await centreTablet.newPage();
    const signIn = new SignInPage(centrePage);
    await signIn.goto();
    await signIn.signIn(newUser.username, newUser.first);
    await expect(centrePage.getByRole('heading', { name: 'Velg nytt passord' })).toBeVisible();
    await centrePage.getByLabel('Nåværende passord').fill(newUser.first);
    await centrePage.getByLabel('Nytt passord (minst 10 tegn)').fill(own);
    await centrePage.getByLabel('Gjenta nytt passord').fill(own);
    await centrePage.getByRole('button', { name: 'Lagre passord' }).click();
    await expect(centrePage.getByRole('heading', { name: 'Ukeliste for Fjellheim mottak' })).toBeVisible();
  } finally {
    await centreTablet.close();
  }

  // Deactivated (after a confirmation): the account stays listed, and signing in is refused.
  await page.reload();
  await new SignInPage(page).unlock();
  await page.getByRole('button', { name: 'Administrasjon' }).click();
  await expect(row).not.toContainText('Må bytte passord');
  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Deaktiver' }).click();
  await expect(users.getByText('Brukeren er deaktivert.')).toBeVisible();
  await expect(row).toContainText('Deaktivert');
  await expect(row.getByRole('button', { name: 'Aktiver igjen' })).toBeVisible();

  const again = await browser.newContext();
  try {
    const signIn = new SignInPage(await again.newPage());
    await signIn.goto();
    await signIn.signIn(newUser.username, own);
    await expect(signIn.error).toHaveText('Kontoen er deaktivert. Spør administratoren i kommunen.');
  } finally {
    await again.close();
  }
});
