import { rmSync, writeFileSync } from 'node:fs';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { chromiumPath, CHROMIUM_ARGS } from '../chromium.ts';
import { tempDataDir } from './coldStart.ts';
import { row, type Row } from './report.ts';
import { startServerProcess } from '../serverProcess.ts';

const CATEGORIES = ['performance', 'accessibility'] as const;
const SCORE_BUDGET = 95;
/** Lighthouse itself shows an audit as passed (green) from this score. */
const AUDIT_PASS_SCORE = 0.9;

export interface LighthouseOutcome {
  rows: Row[];
  /** Audits below the pass score, so a missed budget says what to fix. */
  notes: string[];
}

async function launchChromium(): Promise<LaunchedChrome> {
  const chromePath = chromiumPath();
  try {
    return await launch({ chromePath, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'], logLevel: 'silent' });
  } catch (err) {
    // chrome-launcher only reports the refused debugging connection; name the browser it tried.
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not start ${chromePath} for Lighthouse: ${reason}`, { cause: err });
  }
}

/**
 * One Lighthouse run with its default config: a mid-range phone (Moto G Power) on slow 4G with
 * simulated throttling, so the result depends little on the machine the bench runs on.
 */
async function runLighthouse(url: string): Promise<{ lhr: Result; html: string }> {
  const chrome = await launchChromium();
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'html',
      onlyCategories: [...CATEGORIES],
      logLevel: 'error',
    });
    if (!result) throw new Error('Lighthouse returned no result.');
    const { lhr, report } = result;
    // A runtime error means the page did not load properly: the scores would be meaningless.
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    return { lhr, html: Array.isArray(report) ? report.join('\n') : report };
  } finally {
    chrome.kill();
  }
}

function categoryScore(lhr: Result, id: string): number {
  const score = lhr.categories[id]?.score;
  if (score === null || score === undefined) throw new Error(`Lighthouse gave no ${id} score.`);
  return Math.round(score * 100);
}

function auditValue(lhr: Result, id: string): number {
  const value = lhr.audits[id]?.numericValue;
  if (value === undefined) throw new Error(`Lighthouse audit ${id} has no value.`);
  return value;
}

function failingAudits(lhr: Result): string[] {
  const notes: string[] = [];
  for (const categoryId of CATEGORIES) {
    for (const ref of lhr.categories[categoryId]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= AUDIT_PASS_SCORE) continue;
      const shown = audit.displayValue ? `, ${audit.displayValue}` : '';
      notes.push(`Lighthouse ${categoryId}: ${ref.id} (score ${audit.score}${shown}): ${audit.title}`);
    }
  }
  return notes;
}

function lighthouseRowsOf(lhr: Result): Row[] {
  return [
    row('Lighthouse mobile, sign-in: performance', categoryScore(lhr, 'performance'), '', { min: SCORE_BUDGET }),
    row(
      'Lighthouse mobile, sign-in: First Contentful Paint',
      Math.round(auditValue(lhr, 'first-contentful-paint')),
      'ms',
    ),
    row(
      'Lighthouse mobile, sign-in: Largest Contentful Paint',
      Math.round(auditValue(lhr, 'largest-contentful-paint')),
      'ms',
    ),
    row('Lighthouse mobile, sign-in: Total Blocking Time', Math.round(auditValue(lhr, 'total-blocking-time')), 'ms'),
    row(
      'Lighthouse mobile, sign-in: Cumulative Layout Shift',
      Math.round(auditValue(lhr, 'cumulative-layout-shift') * 1000) / 1000,
      '',
    ),
    row('Lighthouse mobile, sign-in: accessibility', categoryScore(lhr, 'accessibility'), '', { min: SCORE_BUDGET }),
  ];
}

/** Audits the sign-in page (`/`) of a server started for the purpose, and saves the HTML report. */
export async function lighthouseSignIn(root: string, reportPath: string): Promise<LighthouseOutcome> {
  const dataDir = tempDataDir();
  try {
    const server = await startServerProcess(root, dataDir);
    try {
      const { lhr, html } = await runLighthouse(`${server.url}/`);
      writeFileSync(reportPath, html);
      return { rows: lighthouseRowsOf(lhr), notes: [...lhr.runWarnings, ...failingAudits(lhr)] };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
