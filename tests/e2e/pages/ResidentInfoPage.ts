import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export interface InfoTexts {
  meta: { name: string; dir: 'ltr' | 'rtl'; font: string; script: string };
  ui: { next: string; back: string; changeLanguage: string; date: string; time: string; place: string };
  screens: Record<string, { title: string; text: string }>;
}

/** A language's texts, read from the same file the app ships. */
export function infoTexts(lang: string): InfoTexts {
  return JSON.parse(readFileSync(`src/client/resident-info/locales/${lang}.json`, 'utf8')) as InfoTexts;
}

/** The resident information (public /info page or resident mode): the language picker and the screens. */
export class ResidentInfoPage {
  /** The container whose `lang` and `dir` come from the language metadata. */
  readonly viewer: Locator;
  readonly title: Locator;

  constructor(readonly page: Page) {
    this.viewer = page.locator('.info-viewer');
    this.title = page.locator('#info-title');
  }

  async goto(lang?: string, query = ''): Promise<void> {
    await this.page.goto(`/info${lang ? `/${lang}` : ''}${query}`);
    if (lang) await this.expectLanguage(lang);
    else await expect(this.languageButton('nb')).toBeVisible();
  }

  languageButton(lang: string): Locator {
    return this.page.getByRole('button', { name: infoTexts(lang).meta.name, exact: true });
  }

  async expectLanguage(lang: string): Promise<void> {
    const texts = infoTexts(lang);
    await expect(this.viewer).toHaveAttribute('lang', lang);
    await expect(this.viewer).toHaveAttribute('dir', texts.meta.dir);
    await expect(this.title).toHaveText(texts.screens['what']!.title);
  }

  next(lang: string): Locator {
    return this.page.getByRole('button', { name: infoTexts(lang).ui.next, exact: true });
  }

  back(lang: string): Locator {
    return this.page.getByRole('button', { name: infoTexts(lang).ui.back, exact: true });
  }
}
