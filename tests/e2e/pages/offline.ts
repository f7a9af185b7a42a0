import type { BrowserContext, Page } from '@playwright/test';
import { E2E_IMPORT_USER } from '../testEnv.ts';
import type { RosterPage } from './RosterPage.ts';
import { waitForServiceWorkerControl } from './serviceWorker.ts';
import { SignInPage } from './SignInPage.ts';

/**
 * Signs in as the import tester (a municipality of its own), then cuts the network and reloads: from
 * here the service worker serves everything (the shell, the import screen and its worker), and the
 * server never receives this tester's residents, so the working-list counts stay exact.
 */
export async function signInOffline(page: Page, context: BrowserContext): Promise<RosterPage> {
  const roster = await new SignInPage(page).signInAsMapper(E2E_IMPORT_USER);
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await new SignInPage(page).reloadAndUnlock();
  await roster.expectOpen();
  return roster;
}
