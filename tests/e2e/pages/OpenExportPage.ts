import { expect, type Locator, type Page } from '@playwright/test';
import { E2E_PIN } from '../testEnv.ts';

/** The screen that opens an export of unsynced changes with the PIN, reached from the storage panel. */
export class OpenExportPage {
  readonly heading: Locator;
  readonly records: Locator;
  readonly restore: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Åpne en eksport' });
    this.records = page.getByTestId('export-records');
    this.restore = page.getByRole('button', { name: 'Legg endringene i køen' });
    this.status = page.getByRole('status').filter({ hasText: 'i køen' });
  }

  /** From the roster: the storage panel's button. */
  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Åpne en eksport' }).click();
    await expect(this.heading).toBeFocused();
  }

  /** Chooses the downloaded file, types the PIN and opens it. */
  async openFile(path: string, pin: string = E2E_PIN): Promise<void> {
    await this.page.getByLabel('Eksportfil').setInputFiles(path);
    await this.page.getByLabel('PIN-koden filen ble laget med').fill(pin);
    await this.page.getByRole('button', { name: 'Åpne filen' }).click();
  }
}
