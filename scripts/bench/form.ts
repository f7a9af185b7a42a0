import type { Page } from 'playwright-core';
import { benchContext, signIn, unlockWithPin, withAppInBrowser } from './appInBrowser.ts';
import { median, quantile, row, type Row } from './report.ts';

/**
 * The mapping form in the built app in headless Chromium (issue 5's bench rows): from the tap on
 * "Start kartlegging" to the first section painted — cold (the form's chunk, strings and definition
 * fetched from the service worker or network, the first time after a page load) and warm (opened
 * again) — and from an answer to "saved" (the record and its outbox row committed in IndexedDB, and
 * the frame that shows it painted), over many answers. Times are taken in the page, so the
 * automation's own round trips are not counted.
 */

const USER = { username: 'bench.form', password: 'bench-form-password-1' };
const OPENS = 5;
const ANSWERS = 40;
const NAME = ['Benk', 'Skjemasen'] as const;

export async function formRows(root: string): Promise<Row[]> {
  return withAppInBrowser(root, USER, async ({ url, browser }) => {
    const context = await benchContext(browser, url);
    // No sync during the measurement: a push would compete with the commits measured.
    await context.route('**/api/sync/**', (route) => route.abort());
    const page = await context.newPage();
    await signIn(page, USER);
    await addResident(page, ...NAME);
    const cold: number[] = [];
    const warm: number[] = [];
    for (let run = 0; run < OPENS; run++) {
      // A reload empties the module cache: the next open fetches the form's chunks again.
      await page.reload();
      await unlockWithPin(page);
      await openResident(page, ...NAME);
      cold.push(round(await openMapping(page)));
      await backToResident(page);
      warm.push(round(await openMapping(page)));
      await backToResident(page);
    }
    await openMapping(page);
    const saved = await answerToSaved(page);
    await context.close();
    const opened = (kind: string, times: number[]) =>
      row(
        `Mapping form: open to first section painted, ${kind} (median of ${OPENS})`,
        round(median(times)),
        'ms',
        undefined,
        times,
      );
    return [
      opened('cold', cold),
      opened('warm', warm),
      row(`Mapping form: answer to "saved" painted, p50 of ${ANSWERS}`, round(quantile(saved, 0.5)), 'ms'),
      row(`Mapping form: answer to "saved" painted, p95 of ${ANSWERS}`, round(quantile(saved, 0.95)), 'ms'),
    ];
  });
}

async function addResident(page: Page, givenName: string, familyName: string): Promise<void> {
  await page.getByLabel('Fornavn').fill(givenName);
  await page.getByLabel('Etternavn').fill(familyName);
  await page.getByRole('button', { name: 'Lagre beboer' }).click();
  await page
    .getByRole('listitem')
    .filter({ hasText: `${familyName}, ${givenName}` })
    .waitFor();
}

async function openResident(page: Page, givenName: string, familyName: string): Promise<void> {
  const item = page.getByRole('listitem').filter({ hasText: `${familyName}, ${givenName}` });
  await item.getByRole('button', { name: /^Endre / }).click();
}

async function backToResident(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Tilbake til beboeren' }).click();
  await page.getByRole('button', { name: /^(Start|Fortsett) kartlegging/ }).waitFor();
}

/** Clicks the resident screen's mapping button in the page and waits for the section heading's frame. */
async function openMapping(page: Page): Promise<number> {
  await page.getByRole('button', { name: /^(Start|Fortsett) kartlegging/ }).waitFor();
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) =>
          /^(Start|Fortsett) kartlegging/.test(b.textContent?.trim() ?? ''),
        );
        if (!button) return reject(new Error('no mapping button'));
        const started = performance.now();
        const check = () => {
          if (document.getElementById('mapping-section-title')) {
            // The frame after the one the heading arrived in has been painted.
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
          } else requestAnimationFrame(check);
        };
        button.click();
        requestAnimationFrame(check);
      }),
  );
}

/**
 * Answers one radio question back and forth; each time, from the click to the frame after the
 * question's save state turned to "saved" (set once the record and outbox row are committed).
 */
async function answerToSaved(page: Page): Promise<number[]> {
  await page.locator('[data-question="sessionPlace"] input[type=radio]').first().waitFor();
  return page.evaluate(async (answers) => {
    const question = document.querySelector('[data-question="sessionPlace"]');
    const state = question?.querySelector<HTMLElement>('.save-state');
    const radios = [...(question?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? [])];
    if (!state || radios.length < 2) throw new Error('no question to answer');
    const times: number[] = [];
    for (let i = 0; i < answers; i++) {
      const radio = radios[i % 2]!;
      times.push(
        await new Promise<number>((resolve, reject) => {
          const started = performance.now();
          let seenSaving = false;
          const timer = setTimeout(() => reject(new Error(`answer ${i}: still "${state.dataset.state}"`)), 10_000);
          const observer = new MutationObserver(() => {
            if (state.dataset.state === 'saving') seenSaving = true;
            if (!seenSaving || state.dataset.state !== 'saved') return;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started)));
          });
          observer.observe(state, { attributes: true, attributeFilter: ['data-state'] });
          radio.click();
        }),
      );
    }
    return times;
  }, ANSWERS);
}

const round = (ms: number) => Math.round(ms * 10) / 10;
