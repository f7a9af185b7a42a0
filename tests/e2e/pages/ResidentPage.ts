import { expect, type Locator, type Page } from '@playwright/test';

/** The screen that edits one resident (opened from the roster's "Endre" button). */
export class ResidentPage {
  readonly region: Locator;
  readonly heading: Locator;
  readonly givenName: Locator;
  readonly familyName: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Endre beboer' });
    this.heading = this.region.getByRole('heading', { name: 'Endre beboer' });
    this.givenName = this.region.getByLabel('Fornavn');
    this.familyName = this.region.getByLabel('Etternavn');
    this.save = this.region.getByRole('button', { name: 'Lagre endringer' });
    this.saved = this.region.getByRole('status').filter({ hasText: 'Endringene er lagret på nettbrettet.' });
    this.back = this.region.getByRole('button', { name: 'Tilbake til beboerlisten' });
  }

  /** Changes the given name and waits until the tablet says it is saved (committed). */
  async changeGivenName(value: string): Promise<void> {
    await this.givenName.fill(value);
    await this.save.click();
    await expect(this.saved).toBeVisible();
  }
}
