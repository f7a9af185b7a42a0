/**
 * `npm run bench`: builds the PWA and measures what matters on a cheap phone and a small server:
 * critical-path bytes, precache size, server cold start on PGlite, sync (round trip, applying a pull,
 * server throughput on PGlite and on PostgreSQL when DATABASE_URL is set), the roster import of two
 * 10,000-row NIR lists and search per keystroke in headless Chromium, and a Lighthouse mobile run.
 * Prints a markdown table, writes bench/results.json, and exits non-zero when a budget is missed
 * or a measurement could not be taken. See bench/README.md.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildApp, criticalPathRows, precacheRows } from './bench/bundleSize.ts';
import { coldStartRows } from './bench/coldStart.ts';
import { syncApplyRows, syncRoundTripRows, syncThroughputRows } from './bench/sync.ts';
import { lighthouseSignIn } from './bench/lighthouse.ts';
import { rosterRows } from './bench/roster.ts';
import { collectResults, failures, markdownTable, writeResults, type BenchError, type Row } from './bench/report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const RESULTS_PATH = join(ROOT, 'bench', 'results.json');
const LIGHTHOUSE_REPORT_PATH = join(ROOT, 'bench', 'lighthouse-signin.html');

const rows: Row[] = [];
const errors: BenchError[] = [];
const notes: string[] = [];

/**
 * Runs one part of the bench. A failing part is recorded rather than thrown, so the other
 * measurements are still reported; the bench then exits non-zero.
 */
async function section(name: string, run: () => Promise<void> | void): Promise<void> {
  console.error(`bench: ${name}…`);
  try {
    await run();
  } catch (err) {
    errors.push({ section: name, message: err instanceof Error ? err.message : String(err) });
  }
}

// Progress goes to stderr so stdout holds only the table.
console.error('bench: building the app…');
// Every later measurement needs a fresh dist/ (the server would otherwise rebuild it during the
// cold-start timing), so a failed build ends the bench.
await buildApp(ROOT);

await section('Critical-path size', () => {
  rows.push(...criticalPathRows(DIST));
});
await section('Precache size', () => {
  const precache = precacheRows(DIST);
  rows.push(...precache.rows);
  if (precache.duplicates.length > 0) {
    notes.push(`sw.js lists these precache URLs more than once: ${precache.duplicates.join(', ')}`);
  }
});
await section('Server cold start', async () => {
  rows.push(...(await coldStartRows(ROOT)));
});
await section('Sync apply into Dexie', async () => {
  rows.push(...(await syncApplyRows()));
});
// On PGlite always; on PostgreSQL (a new database next to DATABASE_URL's, dropped after) when it is set.
const databaseUrl = process.env.DATABASE_URL;
const syncStores: { store: 'PGlite' | 'PostgreSQL'; url?: string }[] = [
  { store: 'PGlite' },
  ...(databaseUrl ? [{ store: 'PostgreSQL' as const, url: databaseUrl }] : []),
];
for (const { store, url } of syncStores) {
  await section(`Sync round trip, ${store}`, async () => {
    rows.push(...(await syncRoundTripRows(ROOT, store, url)));
  });
  await section(`Sync throughput, ${store}`, async () => {
    rows.push(...(await syncThroughputRows(ROOT, store, url)));
  });
}
if (!databaseUrl) notes.push('Sync on PostgreSQL was not measured: set DATABASE_URL to measure it.');
await section('Roster import and search', async () => {
  rows.push(...(await rosterRows(ROOT)));
});
await section('Lighthouse', async () => {
  const outcome = await lighthouseSignIn(ROOT, LIGHTHOUSE_REPORT_PATH);
  rows.push(...outcome.rows);
  notes.push(...outcome.notes, `Lighthouse report: ${LIGHTHOUSE_REPORT_PATH}`);
});

const results = collectResults(ROOT, rows, errors, notes);
writeResults(RESULTS_PATH, results);
console.log(markdownTable(results));
if (notes.length > 0) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
const failed = failures(results);
if (failed.length > 0) {
  console.log(`\nThe bench failed:\n${failed.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
}
