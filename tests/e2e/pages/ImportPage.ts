import { expect, type Locator, type Page } from '@playwright/test';

export type ListSide = 'A' | 'B';

/** A file as the test hands it to the page: bytes made in Node, or a path on disk (large files). */
export type TestFile = { name: string; bytes: Uint8Array } | { path: string };

const LIST_TITLES: Record<ListSide, string> = {
  A: 'Liste A: Kvalifisering i mottak',
  B: 'Liste B: Rett og plikt norsk og samfunnskunnskap',
};

/** The import screen of the two weekly NIR lists: choose or drop files, columns, preview, commit. */
export class ImportPage {
  readonly region: Locator;
  readonly heading: Locator;
  readonly previewButton: Locator;
  readonly commitButton: Locator;
  readonly saved: Locator;
  readonly error: Locator;
  readonly toRoster: Locator;
  readonly back: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Importer NIR-lister' });
    this.heading = this.region.getByRole('heading', { level: 2, name: 'Importer NIR-lister' });
    this.previewButton = this.region.getByRole('button', { name: 'Vis forhåndsvisning' });
    this.commitButton = this.region.getByRole('button', { name: /^Importer \(\d+ endringer?\)$/ });
    this.saved = this.region.getByTestId('import-saved');
    this.error = this.region.getByTestId('import-error');
    this.toRoster = this.region.getByRole('button', { name: 'Til beboerlisten', exact: true });
    this.back = this.region.getByRole('button', { name: 'Tilbake til beboerlisten' });
    this.preview = this.region.getByRole('region', { name: 'Forhåndsvisning' });
  }

  list(side: ListSide): Locator {
    return this.region.getByRole('group', { name: LIST_TITLES[side] });
  }

  /** "file.csv: 123 rader, Windows-1252, skilt med semikolon." once the worker has read the file. */
  loaded(side: ListSide): Locator {
    return this.region.getByTestId(`loaded-${side}`);
  }

  /** Why the file (or its column mapping) cannot be used. */
  problem(side: ListSide): Locator {
    return this.region.getByTestId(`problem-${side}`);
  }

  warning(side: ListSide): Locator {
    return this.region.getByTestId(`warning-${side}`);
  }

  /** Chooses a file with the file picker. */
  async choose(side: ListSide, file: TestFile): Promise<void> {
    const input = this.list(side).getByLabel('Velg CSV-fil');
    if ('path' in file) await input.setInputFiles(file.path);
    else await input.setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: Buffer.from(file.bytes) });
  }

  /** Drops a file on the list's drop zone, as dragging it from the file manager does. */
  async drop(side: ListSide, name: string, bytes: Uint8Array): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name, { type: 'text/csv' }));
        return transfer;
      },
      { name, data: Buffer.from(bytes).toString('base64') },
    );
    const zone = this.region.getByTestId(`drop-${side}`);
    await zone.dispatchEvent('dragover', { dataTransfer });
    await zone.dispatchEvent('drop', { dataTransfer });
  }

  /** The column-mapping select of one field (opens the folded mapping first). */
  async column(side: ListSide, field: string): Promise<Locator> {
    const details = this.list(side).locator('details');
    if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
    return this.list(side).getByLabel(field, { exact: true });
  }

  async showPreview(): Promise<void> {
    await this.previewButton.click();
    await expect(this.preview).toBeVisible();
  }

  /** A figure of the preview by its test id: class-targetGroup, diff-added, … */
  figure(testId: string): Locator {
    return this.preview.getByTestId(testId);
  }

  /** Unfolds one of the preview's lists by the start of its title; returns the list. */
  async unfold(title: RegExp, testId: string): Promise<Locator> {
    await this.preview.locator('summary').filter({ hasText: title }).click();
    return this.preview.getByTestId(testId);
  }

  async commit(): Promise<void> {
    await this.commitButton.click();
    await expect(this.saved).toBeVisible({ timeout: 30_000 });
  }
}
