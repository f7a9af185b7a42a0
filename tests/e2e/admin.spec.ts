import { expect, test } from '@playwright/test';
import { seriousViolations } from './pages/axe.ts';
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
