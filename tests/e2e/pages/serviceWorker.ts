import type { Page } from '@playwright/test';
import { SignInPage } from './SignInPage.ts';

/**
 * Waits until the service worker is active AND controls this page, so the app shell is precached
 * and later navigations are answered by the worker (the precondition for working offline).
 * The app registers the worker after first paint and uses clientsClaim, so control normally comes
 * without a reload; one reload covers a worker that activated without claiming this page.
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = () =>
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 5_000 });
  const claimed = await controlled().then(
    () => true,
    () => false,
  );
  if (!claimed) {
    // On a signed-in app page the reload locks the app, so the PIN opens it again (/info has no lock).
    const signedInApp = await page.evaluate(
      () => localStorage.getItem('kartlegg.signedIn') === '1' && !location.pathname.startsWith('/info'),
    );
    if (signedInApp) await new SignInPage(page).reloadAndUnlock();
    else await page.reload();
    await controlled();
  }
}
