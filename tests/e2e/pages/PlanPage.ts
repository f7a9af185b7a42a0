import { expect, type Locator, type Page } from '@playwright/test';

/** The plan screen: places, windows, the proposal and the accepted sessions; and its two print views. */
export class PlanPage {
  readonly region: Locator;
  readonly heading: Locator;
  readonly proposalCost: Locator;
  readonly accept: Locator;
  readonly accepted: Locator;
  readonly weeklyList: Locator;
  readonly interpreterOrders: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Planlegg kartlegging' });
    this.heading = this.region.getByRole('heading', { level: 2, name: 'Planlegg kartlegging' });
    this.proposalCost = this.region.getByTestId('proposal-cost');
    this.accept = this.region.getByRole('button', { name: 'Godta forslaget' });
    this.accepted = this.region.getByRole('status').filter({ hasText: 'økter er lagret' });
    this.weeklyList = this.region.getByRole('button', { name: 'Ukeliste for mottakene' });
    this.interpreterOrders = this.region.getByRole('button', { name: 'Tolkebestillinger' });
  }

  async expectOpen(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  /** Adds a place (an administrator's form): name, kind, address and coordinates. */
  async addPlace(place: {
    name: string;
    kind: 'Kartleggingssted' | 'Mottak';
    address?: string;
    lat: number;
    lon: number;
  }) {
    const form = this.region.getByRole('group', { name: 'Legg til sted' });
    await form.getByLabel('Navn').fill(place.name);
    await form.getByLabel('Type').selectOption({ label: place.kind });
    await form.getByLabel('Adresse').fill(place.address ?? '');
    await form.getByLabel('Breddegrad').fill(String(place.lat).replace('.', ','));
    await form.getByLabel('Lengdegrad').fill(String(place.lon));
    await form.getByRole('button', { name: 'Legg til sted' }).click();
    await expect(this.region.getByRole('cell', { name: place.name, exact: true })).toBeVisible();
  }

  /** Adds a time span the mapper is available at a place. */
  async addWindow(window: { date: string; start: string; end: string; place: string }) {
    const form = this.region.getByRole('group', { name: 'Legg til tidsrom' });
    await form.getByLabel('Dato').fill(window.date);
    await form.getByLabel('Fra').fill(window.start);
    await form.getByLabel('Til').fill(window.end);
    await form.getByLabel('Sted').selectOption({ label: window.place });
    await form.getByRole('button', { name: 'Legg til tidsrom' }).click();
  }

  async propose(): Promise<void> {
    await this.region.getByRole('button', { name: 'Lag forslag' }).click();
    await expect(this.proposalCost).toBeVisible();
  }

  /** The sessions of the proposal or of the accepted plan. */
  board(name: 'Forslag' | 'Planlagte økter'): Locator {
    return this.region.getByRole('group', { name });
  }
}
