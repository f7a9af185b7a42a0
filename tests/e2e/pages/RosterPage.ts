import { expect, type Locator, type Page } from '@playwright/test';
import { ConflictsPage } from './ConflictsPage.ts';
import { ImportPage } from './ImportPage.ts';
import { NeedsAttentionPage } from './NeedsAttentionPage.ts';
import { ResidentPage } from './ResidentPage.ts';

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
  readonly syncError: Locator;
  readonly storageUnsynced: Locator;
  /** The sync bar's links to the conflict and needs-attention screens. */
  readonly conflictsLink: Locator;
  readonly attentionLink: Locator;
  readonly importButton: Locator;
  readonly search: Locator;
  /** "Viser 30 av 1 234 beboere": how many of the chosen list are shown. */
  readonly shown: Locator;

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
    this.syncError = page.getByTestId('sync-error');
    this.storageUnsynced = page.getByTestId('storage-unsynced');
    this.conflictsLink = page.getByRole('button', { name: /må avgjøres$/ });
    this.attentionLink = page.getByRole('button', { name: /trenger oppfølging$/ });
    this.importButton = page.getByRole('button', { name: 'Importer NIR-lister' });
    this.search = page.getByLabel('Søk etter navn eller DUF-nummer');
    this.shown = page.getByTestId('roster-shown');
  }

  /** The count beside a working list: all, overdue, dueSoon, dueThisWeek, unscheduled, … */
  listCount(list: string): Locator {
    return this.page.getByTestId(`count-${list}`);
  }

  async showList(list: string): Promise<void> {
    await this.page.getByTestId(`list-${list}`).click();
    await expect(this.page.getByTestId(`list-${list}`)).toHaveAttribute('aria-pressed', 'true');
  }

  async openImport(): Promise<ImportPage> {
    await this.importButton.click();
    const screen = new ImportPage(this.page);
    await expect(screen.heading).toBeFocused();
    return screen;
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

  /** A resident found by family name alone, whatever the given name is now. */
  residentNamed(familyName: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: `${familyName}, ` });
  }

  notSyncedBadge(resident: Locator): Locator {
    return resident.getByText('Ikke synkronisert', { exact: true });
  }

  /** The badge on a resident with an open conflict; it opens that resident's conflicts. */
  conflictBadge(resident: Locator): Locator {
    return resident.getByRole('button', { name: /^Konflikt: avgjør for / });
  }

  /**
   * Clicks "sync now" and waits for a pull (a run pushes first, then pulls) and an empty outbox.
   * What the pull brings is asserted by the caller, with Playwright's retrying expectations.
   */
  async syncAndSettle(): Promise<void> {
    const pulled = this.page.waitForResponse((r) => r.url().includes('/api/sync/pull?') && r.ok());
    await this.syncNow.click();
    await pulled;
    await expect(this.syncPending).toHaveText('Alt er synkronisert');
  }

  async openResident(resident: Locator): Promise<ResidentPage> {
    await resident.getByRole('button', { name: /^Endre / }).click();
    const screen = new ResidentPage(this.page);
    await expect(screen.heading).toBeFocused();
    return screen;
  }

  async openConflicts(resident: Locator): Promise<ConflictsPage> {
    await this.conflictBadge(resident).click();
    const screen = new ConflictsPage(this.page);
    await expect(screen.heading).toBeFocused();
    return screen;
  }

  async openNeedsAttention(): Promise<NeedsAttentionPage> {
    await this.attentionLink.click();
    const screen = new NeedsAttentionPage(this.page);
    await expect(screen.heading).toBeFocused();
    return screen;
  }
}
