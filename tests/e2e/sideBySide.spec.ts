import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './pages/axe.ts';
import { choiceLabel, MappingFormPage, questionLabel } from './pages/MappingFormPage.ts';
import { ResidentPage } from './pages/ResidentPage.ts';
import { SignInPage } from './pages/SignInPage.ts';

interface Labels {
  q: Record<string, { label: string }>;
  choice: Record<string, Record<string, string>>;
  summary: Record<string, string>;
}
const labels = (code: string) =>
  JSON.parse(
    readFileSync(new URL(`../../src/client/i18n/locales/form-labels/${code}.json`, import.meta.url), 'utf8'),
  ) as Labels;

const LANGUAGES = [
  { code: 'uk', dir: 'ltr', script: /\p{Script=Cyrillic}/u, font: null },
  { code: 'ti', dir: 'ltr', script: /\p{Script=Ethiopic}/u, font: 'Noto Sans Ethiopic' },
  { code: 'ar', dir: 'rtl', script: /\p{Script=Arabic}/u, font: 'Noto Sans Arabic' },
] as const;

/** Whether the bundled font is loaded and covers this text (not merely a fallback). */
const fontCovers = (page: Page, family: string, text: string) =>
  page.evaluate(([f, s]) => document.fonts.check(`16px "${f}"`, s), [family, text] as const);

test('the side-by-side view shows every question and choice in Ukrainian, Tigrinya and Arabic, each in its own direction and script, and the resident’s copy prints on A4 in both languages', async ({
  page,
}, testInfo) => {
  const roster = await new SignInPage(page).signInAsMapper();
  const family = `Sideomside${Date.now().toString(36)}`;
  await roster.addResident('Nadia', family);
  await expect(roster.saved).toBeVisible();
  await roster.openResident(roster.resident('Nadia', family));
  await new ResidentPage(page).region.getByRole('button', { name: 'Start kartlegging' }).click();
  const form = new MappingFormPage(page);
  await expect(form.heading).toBeFocused();
  const picker = form.region.getByLabel('Vis spørsmålene også på beboerens språk');
  const place = form.question('sessionPlace');

  for (const { code, dir, script, font } of LANGUAGES) {
    await picker.selectOption(code);
    const expected = labels(code);
    const label = place.locator(`legend .side-text[lang="${code}"]`);
    await expect(label).toHaveText(expected.q.sessionPlace!.label);
    await expect(label).toHaveAttribute('dir', dir);
    expect(await label.evaluate((el) => getComputedStyle(el).direction)).toBe(dir);
    expect(await label.textContent()).toMatch(script);
    // Each choice carries its label in the language too, beside the Norwegian one.
    const choice = place.locator('label.choice', { hasText: choiceLabel('sessionPlace', 'receptionCentre') });
    await expect(choice.locator(`.side-text[lang="${code}"]`)).toHaveText(
      expected.choice.sessionPlace!.receptionCentre!,
    );
    // The Norwegian label keeps its own direction beside an Arabic one.
    expect(await place.locator('legend').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    if (font) expect(await fontCovers(page, font, expected.q.sessionPlace!.label)).toBe(true);
    await testInfo.attach(`side-by-side-${code}.png`, {
      body: await form.region.screenshot(),
      contentType: 'image/png',
    });
  }
  expect(await seriousViolations(page)).toEqual([]);

  // The resident points; the mapper answers. The answer is saved as before.
  await place.getByRole('radio', { name: new RegExp(`^${choiceLabel('sessionPlace', 'receptionCentre')}`) }).check();
  await expect(form.saved('sessionPlace')).toBeVisible();

  // Their copy: what was recorded, in bokmål and in Arabic (the language shown).
  await form.openReview();
  await form.region.getByRole('button', { name: 'Kopi til beboeren (utskrift)' }).click();
  const sheet = page.locator('.print-sheet');
  const ar = labels('ar');
  await expect(sheet.getByRole('heading', { level: 2 })).toContainText('Din kompetansekartlegging');
  await expect(sheet.locator('h2 [lang="ar"]')).toHaveText(ar.summary.title!);
  const answer = sheet.locator('dd[data-question="sessionPlace"]');
  await expect(answer.locator('[lang="nb"]')).toHaveText(choiceLabel('sessionPlace', 'receptionCentre'));
  await expect(answer.locator('[lang="ar"][dir="rtl"]')).toHaveText(ar.choice.sessionPlace!.receptionCentre!);
  await expect(sheet.getByText(questionLabel('sessionPlace'), { exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Printed: only the sheet, on A4 (the print CSS asks for it; the PDF's page box says so).
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Skriv ut' })).toBeHidden();
  await expect(sheet).toBeVisible();
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: false })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
  expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([595, 842]);
  await page.emulateMedia({ media: 'screen' });
  await testInfo.attach('resident-copy.png', { body: await sheet.screenshot(), contentType: 'image/png' });
});
