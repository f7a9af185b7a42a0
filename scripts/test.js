#!/usr/bin/env node
// `npm test`: every check a change must pass, in order, stopping at the first failure.
// Types and Svelte → lint → format → unit + server tests (PGlite, and PostgreSQL when DATABASE_URL
// is set) → full-size sync simulation (the same stores) → build → end-to-end in the system Chromium.
// Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

// Not test-results/: Playwright empties that folder when it starts.
const RESULTS = 'test-reports';
mkdirSync(RESULTS, { recursive: true });

function step(title, command, args, env = {}) {
  console.log(`\n── ${title} ──`);
  const started = Date.now();
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`\n✗ ${title} failed (${seconds} s).`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

function findChromium() {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p) => p && existsSync(p),
  );
  if (!found) {
    console.error(
      '\n✗ End-to-end tests need Chromium and none was found.\n' +
        '  Install it with: sudo apt-get install -y chromium   (Debian/Ubuntu)\n' +
        '  or set CHROMIUM_PATH to a Chromium/Chrome binary. The e2e tests are never skipped.',
    );
    process.exit(1);
  }
}

findChromium();
step('Types and Svelte (svelte-check)', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
step('Lint (ESLint)', 'npx', ['eslint', '.', '--max-warnings=0']);
step('Format (Prettier)', 'npx', ['prettier', '--check', '.']);
console.log(
  process.env.DATABASE_URL
    ? '\nServer tests run on PGlite and on PostgreSQL (DATABASE_URL).'
    : '\nServer tests run on PGlite; set DATABASE_URL to run them on PostgreSQL as well.',
);
step('Unit and server tests (vitest)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${RESULTS}/vitest.json`,
]);
// The sync simulation at full size through the CLI: the real client sync code of 8 tablets against the
// server, with every network fault; it exits non-zero if a value was lost or a tablet did not converge.
// Two seeds on PGlite and two on PostgreSQL, about 30 s each. Each run is one check in the final count.
const SIM = [
  'bin/kartlegg.js',
  'sim',
  '--tablets',
  '8',
  '--mutations',
  '2000',
  '--faults',
  'drop,dup,delay,reorder,500,401',
];
const simRuns = [
  ['101', 'PGlite', []],
  ['202', 'PGlite', []],
  ...(process.env.DATABASE_URL
    ? [
        ['303', 'PostgreSQL', ['--database-url', process.env.DATABASE_URL]],
        ['404', 'PostgreSQL', ['--database-url', process.env.DATABASE_URL]],
      ]
    : []),
];
for (const [seed, store, extra] of simRuns) {
  step(`Sync simulation, seed ${seed} (${store})`, 'node', [...SIM, '--seed', seed, ...extra]);
}
step('Build (vite)', 'npx', ['vite', 'build', '--logLevel', 'warn']);
step('End-to-end (Playwright, system Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/playwright.json`,
});

const vitest = JSON.parse(readFileSync(`${RESULTS}/vitest.json`, 'utf8'));
const playwright = JSON.parse(readFileSync(`${RESULTS}/playwright.json`, 'utf8')).stats;
// A failed simulation already stopped the run (step exits), so every run counted here passed.
const passed = vitest.numPassedTests + simRuns.length + playwright.expected;
const failed = vitest.numFailedTests + playwright.unexpected + playwright.flaky;
console.log(
  `\nvitest: ${vitest.numPassedTests} passed; sync simulation: ${simRuns.length} passed; playwright: ${playwright.expected} passed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
