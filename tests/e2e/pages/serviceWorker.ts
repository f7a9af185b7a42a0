import type { Page } from '@playwright/test';

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
    await page.reload();
    await controlled();
  }
}
