/**
 * `npm run bench`: builds the PWA and measures what matters on a cheap phone and a small server:
 * critical-path bytes, precache size, server cold start on PGlite, sync (round trip, applying a pull,
 * server throughput on PGlite and on PostgreSQL when DATABASE_URL is set), the roster import of two
 * 10,000-row NIR lists and search per keystroke in headless Chromium, and a Lighthouse mobile run.
 * Prints a markdown table, writes bench/results.json, and exits non-zero when a budget is missed
 * or a measurement could not be taken. See bench/README.md.
 *
 * `npm run bench -- --only=roster` (a comma-separated list of section keys: size, coldStart, sync,
 * roster, form, encryption, plan, lighthouse) builds and runs only those sections: a quick loop while working on one of them.
 * Such a partial run prints its table but leaves bench/results.json alone, so that file always holds
 * a complete run.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildApp, criticalPathRows, precacheRows } from './bench/bundleSize.ts';
import { coldStartRows } from './bench/coldStart.ts';
import { syncApplyRows, syncRoundTripRows, syncThroughputRows } from './bench/sync.ts';
import { lighthouseSignIn } from './bench/lighthouse.ts';
import { formRows } from './bench/form.ts';
import { rosterRows } from './bench/roster.ts';
import { encryptionRows } from './bench/encryption.ts';
import { planRows } from './bench/plan.ts';
import { collectResults, failures, markdownTable, writeResults, type BenchError, type Row } from './bench/report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const RESULTS_PATH = join(ROOT, 'bench', 'results.json');
const LIGHTHOUSE_REPORT_PATH = join(ROOT, 'bench', 'lighthouse-signin.html');

/** Section keys for `--only`; every section belongs to one. */
const SECTION_KEYS = ['size', 'coldStart', 'sync', 'roster', 'form', 'encryption', 'plan', 'lighthouse'] as const;
type SectionKey = (typeof SECTION_KEYS)[number];

function onlySections(args: readonly string[]): ReadonlySet<SectionKey> | null {
  const arg = args.find((a) => a.startsWith('--only='));
  if (!arg) return null;
  const keys = arg.slice('--only='.length).split(',').filter(Boolean);
  const unknown = keys.filter((k) => !(SECTION_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0 || keys.length === 0) {
    throw new Error(`--only takes a comma-separated list of ${SECTION_KEYS.join(', ')}; got "${arg}"`);
  }
  return new Set(keys as SectionKey[]);
}

const only = onlySections(process.argv.slice(2));
const rows: Row[] = [];
const errors: BenchError[] = [];
const notes: string[] = [];

/**
 * Runs one part of the bench. A failing part is recorded rather than thrown, so the other
 * measurements are still reported; the bench then exits non-zero.
 */
async function section(key: SectionKey, name: string, run: () => Promise<void> | void): Promise<void> {
  if (only && !only.has(key)) return;
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

await section('size', 'Critical-path size', () => {
  rows.push(...criticalPathRows(DIST));
});
await section('size', 'Precache size', () => {
  const precache = precacheRows(DIST);
  rows.push(...precache.rows);
  if (precache.duplicates.length > 0) {
    notes.push(`sw.js lists these precache URLs more than once: ${precache.duplicates.join(', ')}`);
  }
});
await section('coldStart', 'Server cold start', async () => {
  rows.push(...(await coldStartRows(ROOT)));
});
await section('sync', 'Sync apply into Dexie', async () => {
  rows.push(...(await syncApplyRows()));
});
// On PGlite always; on PostgreSQL (a new database next to DATABASE_URL's, dropped after) when it is set.
const databaseUrl = process.env.DATABASE_URL;
const syncStores: { store: 'PGlite' | 'PostgreSQL'; url?: string }[] = [
  { store: 'PGlite' },
  ...(databaseUrl ? [{ store: 'PostgreSQL' as const, url: databaseUrl }] : []),
];
for (const { store, url } of syncStores) {
  await section('sync', `Sync round trip, ${store}`, async () => {
    rows.push(...(await syncRoundTripRows(ROOT, store, url)));
  });
  await section('sync', `Sync throughput, ${store}`, async () => {
    rows.push(...(await syncThroughputRows(ROOT, store, url)));
  });
}
if (!databaseUrl && (!only || only.has('sync')))
  notes.push('Sync on PostgreSQL was not measured: set DATABASE_URL to measure it.');
await section('roster', 'Roster import and search', async () => {
  rows.push(...(await rosterRows(ROOT)));
});
await section('form', 'Mapping form', async () => {
  rows.push(...(await formRows(ROOT)));
});
await section('encryption', 'PIN unlock and the sealed roster', async () => {
  rows.push(...(await encryptionRows(ROOT)));
});
await section('plan', 'Planner', () => {
  rows.push(...planRows());
});
await section('lighthouse', 'Lighthouse', async () => {
  const outcome = await lighthouseSignIn(ROOT, LIGHTHOUSE_REPORT_PATH);
  rows.push(...outcome.rows);
  notes.push(...outcome.notes, `Lighthouse report: ${LIGHTHOUSE_REPORT_PATH}`);
});

const results = collectResults(ROOT, rows, errors, notes);
if (only) console.error(`bench: only ${[...only].join(', ')}: ${RESULTS_PATH} is left as it was.`);
else writeResults(RESULTS_PATH, results);
console.log(markdownTable(results));
if (notes.length > 0) console.log(`\nNotes:\n${notes.map((n) => `- ${n}`).join('\n')}`);
const failed = failures(results);
if (failed.length > 0) {
  console.log(`\nThe bench failed:\n${failed.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
}
