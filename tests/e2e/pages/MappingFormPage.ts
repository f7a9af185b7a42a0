import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

interface FormStrings {
  form: {
    section: Record<string, { title: string }>;
    q: Record<string, { label: string; help?: string }>;
    choice: Record<string, Record<string, string>>;
    problem: Record<string, string>;
  };
}

/** The bokmål strings the screen shows: questions are found by their visible labels. */
export const FORM_NB = JSON.parse(
  readFileSync(new URL('../../../src/client/i18n/locales/form/nb.json', import.meta.url), 'utf8'),
) as FormStrings;

export const questionLabel = (code: string): string => FORM_NB.form.q[code]?.label ?? code;
export const choiceLabel = (set: string, code: string): string => FORM_NB.form.choice[set]?.[code] ?? code;
export const sectionTitle = (code: string): string => FORM_NB.form.section[code]?.title ?? code;

/**
 * The mapping form: section navigation, one section at a time, the review. Every answer is saved as
 * it is given; the helpers wait for the question's own "Lagret" (shown only after the commit).
 */
export class MappingFormPage {
  readonly region: Locator;
  readonly heading: Locator;
  readonly sectionHeading: Locator;
  readonly nav: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly complete: Locator;
  readonly completed: Locator;
  readonly missingList: Locator;
  readonly missingNone: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Kartlegging' });
    this.heading = this.region.getByRole('heading', { level: 2, name: 'Kartlegging' });
    this.sectionHeading = this.region.getByRole('heading', { level: 3 });
    this.nav = this.region.getByRole('navigation', { name: 'Deler av kartleggingen' });
    this.next = this.region.getByRole('button', { name: 'Neste', exact: true });
    this.back = this.region.getByRole('button', { name: 'Tilbake til beboeren' });
    this.complete = this.region.getByRole('button', { name: 'Fullfør kartleggingen' });
    this.completed = this.region.getByText('Kartleggingen er fullført.');
    this.missingList = this.region.getByTestId('missing-list');
    this.missingNone = this.region.getByText('Alle påkrevde spørsmål er besvart.');
  }

  async expectSection(title: string): Promise<void> {
    await expect(this.sectionHeading).toHaveText(title);
  }

  /** Opens a section from the navigation (its button names the section, then its progress). */
  async openSection(code: string): Promise<void> {
    await this.nav.getByRole('button', { name: new RegExp(`^${sectionTitle(code)}`) }).click();
    await this.expectSection(sectionTitle(code));
  }

  async openReview(): Promise<void> {
    await this.nav.getByRole('button', { name: 'Gjennomgang og status' }).click();
    await this.expectSection('Gjennomgang og status');
  }

  async goNext(title: string): Promise<void> {
    await this.next.click();
    await this.expectSection(title);
  }

  /** A question's box; `scope` is an entry of a repeatable group when the question is inside one. */
  question(code: string, scope: Locator = this.region): Locator {
    return scope.locator(`[data-question="${code}"]`);
  }

  saved(code: string, scope: Locator = this.region): Locator {
    return this.question(code, scope).getByText('Lagret', { exact: true });
  }

  /** A single choice shown as radio buttons (a fieldset named by the question). */
  async choose(code: string, choice: string, scope: Locator = this.region): Promise<void> {
    const group = scope.getByRole('group', { name: questionLabel(code), exact: true });
    await group.getByRole('radio', { name: choice, exact: true }).check();
    await expect(this.saved(code, scope)).toBeVisible();
  }

  async checkAll(code: string, choices: string[], scope: Locator = this.region): Promise<void> {
    const group = scope.getByRole('group', { name: questionLabel(code), exact: true });
    for (const choice of choices) {
      await group.getByRole('checkbox', { name: choice, exact: true }).check();
      await expect(this.saved(code, scope)).toBeVisible();
    }
  }

  /** A long catalogue (countries, languages) shown as a list box. */
  async select(code: string, option: string, scope: Locator = this.region): Promise<void> {
    await scope.getByRole('combobox', { name: questionLabel(code), exact: true }).selectOption({ label: option });
    await expect(this.saved(code, scope)).toBeVisible();
  }

  /** A number, date or text: typed, then saved when the field is left. */
  async fill(code: string, value: string, scope: Locator = this.region): Promise<void> {
    const input = scope.getByLabel(questionLabel(code), { exact: true });
    await input.fill(value);
    await input.blur();
    await expect(this.saved(code, scope)).toBeVisible();
  }

  /** Adds an entry to a repeatable group; returns the new entry (a fieldset named "<group> <n>"). */
  async addEntry(group: string, n: number): Promise<Locator> {
    await this.region.getByRole('button', { name: `Legg til (${questionLabel(group)})` }).click();
    const entry = this.region.getByRole('group', { name: `${questionLabel(group)} ${n}`, exact: true });
    await expect(entry).toBeVisible();
    return entry;
  }

  /** The occupation picker: search, then pick the hit whose title ends so. */
  async pickOccupation(code: string, search: string, title: RegExp, scope: Locator = this.region): Promise<void> {
    const group = scope.getByRole('group', { name: questionLabel(code), exact: true });
    await group.getByLabel('Søk etter yrke eller yrkeskode').fill(search);
    await group.getByRole('radio', { name: title }).check();
    await expect(this.saved(code, scope)).toBeVisible();
  }
}
