import type { Locator, Page } from '@playwright/test';

/** The conflict screen: each field in conflict is a group of choices named by the field's label. */
export class ConflictsPage {
  readonly region: Locator;
  readonly heading: Locator;
  readonly saved: Locator;
  readonly none: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Konflikter' });
    this.heading = this.region.getByRole('heading', { level: 2, name: 'Konflikter' });
    this.saved = this.region.getByRole('status').filter({ hasText: 'Valget er lagret på nettbrettet' });
    this.none = this.region.getByTestId('conflicts-none');
    this.back = this.region.getByRole('button', { name: 'Tilbake til beboerlisten' });
  }

  field(label: string): Locator {
    return this.region.getByRole('group', { name: label });
  }

  /** Picks the choice whose label matches and confirms it. */
  async choose(fieldLabel: string, choice: string | RegExp): Promise<void> {
    const group = this.field(fieldLabel);
    await group.getByRole('radio', { name: choice }).check();
    await group.getByRole('button', { name: 'Bruk valgt verdi' }).click();
  }
}
