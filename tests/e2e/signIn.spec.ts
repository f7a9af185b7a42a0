import { expect, test } from '@playwright/test';
import { RosterPage } from './pages/RosterPage.ts';
import { SignInPage } from './pages/SignInPage.ts';
import { E2E_USER } from './testEnv.ts';

test('a wrong password is refused with a plain message', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(E2E_USER.username, 'not-the-password');
  await expect(signIn.error).toHaveText('Feil brukernavn eller passord.');
  await expect(signIn.username).toBeVisible();
});

test('five wrong passwords lock the username for a minute, and the screen says so', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  // A username of its own: the lock must not touch the mappers the other tests sign in as.
  const name = `locked.${Date.now()}`;
  for (let i = 1; i < 5; i++) {
    await signIn.signIn(name, `guess ${i}`);
    await expect(signIn.error).toHaveText('Feil brukernavn eller passord.');
    await expect(signIn.submit).toBeEnabled();
  }
  await signIn.signIn(name, 'guess 5');
  await expect(signIn.error).toHaveText('For mange feil passord. Vent 1 minutt og prøv igjen.');
});

test('signing in opens the roster, and the session survives a reload behind the PIN', async ({ page }) => {
  const roster = await new SignInPage(page).signInAsMapper();
  await expect(roster.syncPending).toHaveText('Alt er synkronisert');

  await new SignInPage(page).reloadAndUnlock();
  await new RosterPage(page).expectOpen();
});

test('switching the language to English translates the UI and sets <html lang>', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');

  await signIn.language.selectOption({ label: 'English' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Username')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByLabel('Brukernavn')).toHaveCount(0);

  // The choice is remembered on the device.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Language')).toHaveValue('en');
});
