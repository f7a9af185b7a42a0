import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.ts';
import { embeddedStoreEnv, startServerProcess } from '../serverProcess.ts';
import { tempDataDir } from './coldStart.ts';

export interface BenchUser {
  username: string;
  password: string;
}

/**
 * The built app in headless Chromium against a real `kartlegg serve` on a throw-away embedded
 * database with one mapper: what the browser benches share. Cleans everything up after `run`.
 */
export async function withAppInBrowser<T>(
  root: string,
  user: BenchUser,
  run: (app: { url: string; browser: Browser }) => Promise<T>,
): Promise<T> {
  const dataDir = tempDataDir();
  let browser: Browser | undefined;
  let stopServer: (() => Promise<void>) | undefined;
  try {
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [join(root, 'bin', 'kartlegg.js'), ...args], {
        cwd: root,
        env: embeddedStoreEnv(dataDir),
        stdio: 'pipe',
      });
    cli('municipality', 'add', 'Benchkommune');
    cli(
      ...['user', 'add', '--municipality', 'Benchkommune', '--role', 'kartlegger'],
      ...['--username', user.username, '--password', user.password],
    );
    const server = await startServerProcess(root, dataDir);
    stopServer = server.stop;
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
    return await run({ url: server.url, browser });
  } finally {
    await browser?.close();
    await stopServer?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A fresh context (an empty IndexedDB) in Norwegian, Oslo time, that functions can be evaluated in. */
export async function benchContext(browser: Browser, url: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: url, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  // tsx (esbuild's keepNames) wraps named functions in __name(); the functions handed to
  // page.evaluate run in the page, which has no such helper.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}

/** The PIN the benches choose after signing in (it seals the tablet's data). */
export const BENCH_PIN = '135790';

/** Signs in, chooses the PIN, and waits for the roster. */
export async function signIn(page: Page, user: BenchUser): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Brukernavn').fill(user.username);
  await page.getByLabel('Passord').fill(user.password);
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.getByLabel('Ny PIN-kode').fill(BENCH_PIN);
  await page.getByLabel('Gjenta PIN-koden').fill(BENCH_PIN);
  await page.getByRole('button', { name: 'Lagre PIN-koden' }).click();
  await rosterShown(page);
  // "Ready to work offline" floats over the bottom of the page once the precache is filled.
  const dismiss = page.getByRole('button', { name: 'Lukk' });
  await dismiss.click({ timeout: 15_000 }).catch(() => undefined);
}

/** Unlocks the app (every page load starts locked) and waits for the roster. */
export async function unlockWithPin(page: Page): Promise<void> {
  await page.getByLabel('PIN-kode', { exact: true }).fill(BENCH_PIN);
  await page.getByRole('button', { name: 'Lås opp' }).click();
  await rosterShown(page);
}

const rosterShown = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /^Beboere\b/ }).waitFor({ timeout: 60_000 });
