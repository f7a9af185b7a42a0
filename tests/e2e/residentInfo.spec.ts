import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './pages/axe.ts';
import { infoTexts, ResidentInfoPage } from './pages/ResidentInfoPage.ts';
import { waitForServiceWorkerControl } from './pages/serviceWorker.ts';
import { SignInPage } from './pages/SignInPage.ts';

// The 17 languages, spelled out rather than imported: a language missing from the app fails here.
const LANGUAGES = [
  'nb',
  'nn',
  'en',
  'uk',
  'ar',
  'ti',
  'prs',
  'fa',
  'ps',
  'ckb',
  'kmr',
  'so',
  'tr',
  'ru',
  'am',
  'es',
  'fr',
];
const RTL = ['ar', 'prs', 'fa', 'ps', 'ckb'];
const ETHIOPIC = ['ti', 'am'];
const SCREENS = 8;

/** Whether the bundled font is loaded and covers this text (not merely a fallback). */
async function fontReady(page: Page, family: string, sample: string): Promise<boolean> {
  return page.evaluate(
    async ([family, sample]) => {
      await document.fonts.ready;
      const loaded = [...document.fonts].some((f) => f.family.replaceAll('"', '') === family && f.status === 'loaded');
      return loaded && document.fonts.check(`16px "${family}"`, sample);
    },
    [family, sample] as const,
  );
}

test('every language renders with its own direction, lang and font; a screenshot of each', async ({ page }, info) => {
  const infoPage = new ResidentInfoPage(page);
  for (const lang of LANGUAGES) {
    const texts = infoTexts(lang);
    await infoPage.goto(lang);
    expect(texts.meta.dir).toBe(RTL.includes(lang) ? 'rtl' : 'ltr');
    if (texts.meta.font !== 'system') {
      expect(await fontReady(page, texts.meta.font, texts.screens['what']!.title), lang).toBe(true);
      const used = await infoPage.title.evaluate((el) => getComputedStyle(el).fontFamily);
      expect(used.startsWith(`"${texts.meta.font}"`), `${lang}: ${used}`).toBe(true);
    }
    await info.attach(`info-${lang}.png`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
  }
});

test('right-to-left languages mirror the layout: Back sits on the right, Next on the left', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  for (const lang of RTL) {
    await infoPage.goto(lang);
    await expect(infoPage.viewer).toHaveAttribute('dir', 'rtl');
    await infoPage.next(lang).click();
    const back = await infoPage.back(lang).boundingBox();
    const next = await infoPage.next(lang).boundingBox();
    expect(back!.x, lang).toBeGreaterThan(next!.x);
  }
  await infoPage.goto('en');
  await infoPage.next('en').click();
  expect((await infoPage.back('en').boundingBox())!.x).toBeLessThan((await infoPage.next('en').boundingBox())!.x);
});

test('Tigrinya and Amharic show Ethiopic glyphs from the bundled Noto Sans Ethiopic', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  for (const lang of ETHIOPIC) {
    await infoPage.goto(lang);
    expect(await fontReady(page, 'Noto Sans Ethiopic', infoTexts(lang).screens['what']!.title)).toBe(true);
    // The glyphs take real width: empty boxes ("tofu") in a fallback font would fail the check above.
    const width = await infoPage.title.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(50);
  }
});

test('a language page loads only the font its language needs', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  const loadedNoto = () =>
    page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((f) => f.status === 'loaded' && f.family.includes('Noto'))
        .map((f) => f.family.replaceAll('"', ''));
    });
  await infoPage.goto('fr');
  expect(await loadedNoto()).toEqual([]);
  await infoPage.goto('am');
  expect(new Set(await loadedNoto())).toEqual(new Set(['Noto Sans Ethiopic']));
  await infoPage.goto('fa');
  expect(new Set(await loadedNoto())).toEqual(new Set(['Noto Sans Arabic']));
});

test('the picker and a language page fetch no other language’s texts', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  const scripts: Promise<string>[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) scripts.push(r.text().catch(() => ''));
  });
  await infoPage.goto();
  await infoPage.languageButton('fr').click();
  await infoPage.expectLanguage('fr');
  const fetched = (await Promise.all(scripts)).join('\n');
  expect(fetched).toContain(infoTexts('fr').screens['what']!.title);
  for (const lang of LANGUAGES.filter((l) => l !== 'fr')) {
    expect(fetched.includes(infoTexts(lang).screens['what']!.title), lang).toBe(false);
  }
});

test('the picker lists every language by its own name and leads to the screens, with next and back', async ({
  page,
}) => {
  const infoPage = new ResidentInfoPage(page);
  await infoPage.goto();
  for (const lang of LANGUAGES) {
    await expect(infoPage.languageButton(lang)).toHaveAttribute('dir', infoTexts(lang).meta.dir);
  }
  await infoPage.languageButton('ar').click();
  await infoPage.expectLanguage('ar');
  await expect(page).toHaveURL(/\/info\/ar$/);
  const ar = infoTexts('ar');
  for (let i = 1; i < SCREENS; i++) await infoPage.next('ar').click();
  await expect(infoPage.title).toHaveText(ar.screens['bring']!.title);
  await expect(infoPage.next('ar')).toBeDisabled();
  await infoPage.back('ar').click();
  await expect(infoPage.title).toHaveText(ar.screens['privacy']!.title);
  // The bus-ticket distance is isolated inside the Arabic sentence.
  await infoPage.goto('ar');
  await infoPage.next('ar').click();
  await infoPage.next('ar').click();
  await infoPage.next('ar').click();
  await expect(page.locator('.info-text bdi')).toHaveText('6');
});

test('an appointment from the QR link (time and place id, no name) shows formatted and isolated', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  await infoPage.goto('ar', `?t=${encodeURIComponent('2026-12-01T09:30:00+01:00')}&p=Voksenoppl%C3%A6ringen`);
  await infoPage.next('ar').click();
  await infoPage.next('ar').click();
  const details = page.locator('.appointment');
  await expect(details).toContainText('Voksenopplæringen');
  await expect(details.locator('dd bdi').first()).not.toBeEmpty();
  // Same instant in English, in Norwegian time.
  await infoPage.goto('en', `?t=${encodeURIComponent('2026-12-01T09:30:00+01:00')}&p=Rom%201`);
  await infoPage.next('en').click();
  await infoPage.next('en').click();
  await expect(details).toContainText('Tuesday, December 1, 2026');
  await expect(details).toContainText('9:30');
});

test('read aloud is hidden without a voice for the language and offered with one', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  // Headless Chromium has no voices unless one is given.
  await page.addInitScript(() => {
    const voice = { lang: 'fr-FR', name: 'Test', default: true, localService: true, voiceURI: 'test' };
    Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [voice] });
  });
  await infoPage.goto('fr');
  await expect(page.getByRole('button', { name: 'Lire à voix haute' })).toBeVisible();
  await infoPage.goto('ti');
  await expect(page.locator('.read-aloud')).toHaveCount(0);
});

test('/info works offline after one visit, Ethiopic font included', async ({ page, context }) => {
  const infoPage = new ResidentInfoPage(page);
  await infoPage.goto();
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.goto('/info/ti');
  await infoPage.expectLanguage('ti');
  expect(await fontReady(page, 'Noto Sans Ethiopic', infoTexts('ti').screens['what']!.title)).toBe(true);
  await page.goto('/info/ckb');
  await infoPage.expectLanguage('ckb');
  expect(await fontReady(page, 'Noto Sans Arabic', infoTexts('ckb').screens['what']!.title)).toBe(true);
  await context.setOffline(false);
});

test('a long-text pseudo-locale causes no horizontal overflow on any screen (phone width)', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const infoPage = new ResidentInfoPage(page);
  for (const lang of ['en', 'ar']) {
    await infoPage.goto(lang);
    for (let i = 0; i < SCREENS; i++) {
      // Pseudo-locale: every text twice as long, with an unbreakable 40-letter word in it.
      const overflow = await page.evaluate(() => {
        const viewer = document.querySelector('.info-viewer')!;
        const walker = document.createTreeWalker(viewer, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          if (text.trim()) node.textContent = `${text} ${'Ŵ'.repeat(40)} ${text}`;
        }
        const root = document.documentElement;
        return { page: root.scrollWidth - root.clientWidth, viewer: viewer.scrollWidth - viewer.clientWidth };
      });
      expect(overflow, `${lang} screen ${i + 1}`).toEqual({ page: 0, viewer: 0 });
      // Reload the real text for the next screen (the pseudo text replaced the button labels too).
      await infoPage.goto(lang);
      for (let j = 0; j <= i && i < SCREENS - 1; j++) await infoPage.next(lang).click();
    }
  }
});

test('/info has no serious or critical accessibility violations (picker, LTR, RTL, Ethiopic)', async ({ page }) => {
  const infoPage = new ResidentInfoPage(page);
  await infoPage.goto();
  expect(await seriousViolations(page)).toEqual([]);
  for (const lang of ['nb', 'ar', 'ti']) {
    await infoPage.goto(lang);
    expect(await seriousViolations(page)).toEqual([]);
  }
});

test('resident mode hides the roster, survives Back and reload, and only the held unlock and the PIN leave it', async ({
  page,
}) => {
  const roster = await new SignInPage(page).signInAsMapper();
  await page.getByRole('button', { name: 'Start beboermodus' }).click();
  const infoPage = new ResidentInfoPage(page);
  await expect(infoPage.languageButton('ti')).toBeVisible();
  // No roster in the DOM at all, not merely hidden.
  await expect(roster.heading).toHaveCount(0);
  await expect(page.getByRole('listitem').filter({ hasText: ', ' })).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  await infoPage.languageButton('ps').click();
  await infoPage.expectLanguage('ps');
  expect(await seriousViolations(page)).toEqual([]);
  await infoPage.next('ps').click();

  // The browser's Back and a reload both stay in resident mode.
  await page.goBack();
  await expect(roster.heading).toHaveCount(0);
  await new SignInPage(page).reloadAndUnlock();
  await expect(infoPage.languageButton('ti')).toBeVisible();
  await expect(roster.heading).toHaveCount(0);

  // A tap on the staff control does nothing; holding it for 3 seconds leaves.
  const unlock = page.getByRole('button', { name: 'Personale: hold inne i 3 sekunder for å gå ut' });
  await unlock.click();
  await page.waitForTimeout(500);
  await expect(roster.heading).toHaveCount(0);
  const box = (await unlock.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(3300);
  await page.mouse.up();
  // Leaving locks the app: the roster comes back only with the mapper's PIN.
  await expect(roster.heading).toHaveCount(0);
  await new SignInPage(page).unlock();
  await roster.expectOpen();
});

test('the staff panel shows each language’s translation status and a QR code to /info/<lang>', async ({ page }) => {
  await new SignInPage(page).signInAsMapper();
  await page.getByText('Oversettelsesstatus').click();
  await expect(page.locator('.translation-status li')).toHaveCount(LANGUAGES.length);
  await expect(page.locator('.translation-status')).toContainText('utkast');
  await page.getByLabel('Språk for QR-koden').selectOption('ti');
  await page.getByRole('button', { name: 'Vis QR-kode til informasjonssiden' }).click();
  const qr = page.getByRole('img', { name: /QR-kode som lenker til .*\/info\/ti$/ });
  await expect(qr).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('resident mode returns to the language picker after two minutes without a touch', async ({ page }) => {
  await page.clock.install();
  await new SignInPage(page).signInAsMapper();
  await page.getByRole('button', { name: 'Start beboermodus' }).click();
  const infoPage = new ResidentInfoPage(page);
  await infoPage.languageButton('so').click();
  await infoPage.expectLanguage('so');
  await page.clock.runFor(119_000);
  await expect(infoPage.title).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(infoPage.languageButton('so')).toBeVisible();
  await expect(infoPage.title).toHaveCount(0);
});
