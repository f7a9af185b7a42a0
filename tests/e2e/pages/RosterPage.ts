import { expect, type Locator, type Page } from '@playwright/test';

/** The signed-in home screen: the roster, the add-resident form, the sync bar and storage panel. */
export class RosterPage {
  readonly heading: Locator;
  readonly givenName: Locator;
  readonly familyName: Locator;
  readonly birthDate: Locator;
  readonly save: Locator;
  readonly saved: Locator;
  readonly syncNow: Locator;
  readonly syncPending: Locator;
  readonly storageUnsynced: Locator;

  constructor(readonly page: Page) {
    // The heading also holds the count ("Beboere (1 beboer)").
    this.heading = page.getByRole('heading', { level: 2, name: /^Beboere\b/ });
    this.givenName = page.getByLabel('Fornavn');
    this.familyName = page.getByLabel('Etternavn');
    this.birthDate = page.getByLabel('Fødselsdato (valgfritt)');
    this.save = page.getByRole('button', { name: 'Lagre beboer' });
    this.saved = page.getByRole('status').filter({ hasText: 'Lagret på nettbrettet.' });
    this.syncNow = page.getByRole('button', { name: 'Synkroniser nå' });
    this.syncPending = page.getByTestId('sync-pending');
    this.storageUnsynced = page.getByTestId('storage-unsynced');
  }

  async expectOpen(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByLabel('Passord')).toHaveCount(0);
  }

  async addResident(givenName: string, familyName: string, birthDate?: string): Promise<void> {
    await this.givenName.fill(givenName);
    await this.familyName.fill(familyName);
    if (birthDate) await this.birthDate.fill(birthDate);
    await this.save.click();
  }

  /** The roster lists a resident as "Family, Given". */
  resident(givenName: string, familyName: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: `${familyName}, ${givenName}` });
  }

  notSyncedBadge(resident: Locator): Locator {
    return resident.getByText('Ikke synkronisert', { exact: true });
  }
}
