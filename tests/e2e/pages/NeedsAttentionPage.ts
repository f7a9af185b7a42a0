import type { Locator, Page } from '@playwright/test';

/** The list of changes the server rejected, with what can be done about each. */
export class NeedsAttentionPage {
  readonly region: Locator;
  readonly heading: Locator;
  readonly queued: Locator;
  readonly none: Locator;
  readonly back: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Trenger oppfølging' });
    this.heading = this.region.getByRole('heading', { level: 2, name: 'Trenger oppfølging' });
    this.queued = this.region.getByRole('status').filter({ hasText: 'Lagt i køen på nettbrettet' });
    this.none = this.region.getByTestId('attention-none');
    this.back = this.region.getByRole('button', { name: 'Tilbake til beboerlisten' });
  }

  /** The rejected changes, one article each. */
  get changes(): Locator {
    return this.region.getByRole('article');
  }
}
