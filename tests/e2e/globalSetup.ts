import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedStoreEnv, startServerProcess, type ServerProcess } from '../../scripts/serverProcess.ts';
import { isBuildStale } from '../../src/cli/buildIfStale.ts';
import {
  BASE_URL_ENV,
  E2E_ADMIN,
  E2E_CENTRE_ADMIN,
  E2E_CENTRE_MUNICIPALITY,
  E2E_CENTRE_USER,
  E2E_IMPORT_MUNICIPALITY,
  E2E_IMPORT_USER,
  E2E_MUNICIPALITY,
  E2E_PLAN_MUNICIPALITY,
  E2E_PLAN_USER,
  E2E_USER,
  E2E_USER_2,
} from './testEnv.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'kartlegg.js');

/**
 * Builds the PWA if needed, seeds a fresh embedded database through the real CLI and starts the
 * real server on a free port. Returns the teardown that stops the server and removes its data.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Built in a child process: running Vite inside Playwright's own TypeScript loader is fragile.
  if (isBuildStale(ROOT)) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'kartlegg-e2e-'));
  // The suite always runs on its own throw-away PGlite store, even where DATABASE_URL is set.
  const env = embeddedStoreEnv(dataDir);

  let server: ServerProcess | undefined;
  const teardown = async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, stdio: 'pipe' });
    cli('municipality', 'add', E2E_MUNICIPALITY);
    // The user exists before the first `serve`, so the server creates no first administrator.
    cli(
      ...['user', 'add', '--municipality', E2E_MUNICIPALITY, '--username', E2E_USER.username],
      ...['--password', E2E_USER.password, '--role', 'kartlegger'],
    );
    cli(
      ...['user', 'add', '--municipality', E2E_MUNICIPALITY, '--username', E2E_USER_2.username],
      ...['--password', E2E_USER_2.password, '--role', 'kartlegger', '--name', E2E_USER_2.name],
    );
    cli(
      ...['user', 'add', '--municipality', E2E_MUNICIPALITY, '--username', E2E_ADMIN.username],
      ...['--password', E2E_ADMIN.password, '--role', 'admin'],
    );
    cli('municipality', 'add', E2E_IMPORT_MUNICIPALITY);
    cli(
      ...['user', 'add', '--municipality', E2E_IMPORT_MUNICIPALITY, '--username', E2E_IMPORT_USER.username],
      ...['--password', E2E_IMPORT_USER.password, '--role', 'kartlegger', '--name', E2E_IMPORT_USER.name],
    );
    cli('municipality', 'add', E2E_PLAN_MUNICIPALITY);
    cli(
      ...['user', 'add', '--municipality', E2E_PLAN_MUNICIPALITY, '--username', E2E_PLAN_USER.username],
      ...['--password', E2E_PLAN_USER.password, '--role', 'admin', '--name', E2E_PLAN_USER.name],
    );
    cli('municipality', 'add', E2E_CENTRE_MUNICIPALITY);
    cli(
      ...['user', 'add', '--municipality', E2E_CENTRE_MUNICIPALITY, '--username', E2E_CENTRE_ADMIN.username],
      ...['--password', E2E_CENTRE_ADMIN.password, '--role', 'admin'],
    );
    cli(
      ...['user', 'add', '--municipality', E2E_CENTRE_MUNICIPALITY, '--username', E2E_CENTRE_USER.username],
      ...['--password', E2E_CENTRE_USER.password, '--role', 'mottak', '--name', E2E_CENTRE_USER.name],
      ...['--centre', E2E_CENTRE_USER.centre],
    );
    // Unexpected server errors (logged with their stack, server-side only) show up in the test output.
    server = await startServerProcess(ROOT, dataDir, { forwardStderr: true });
    process.env[BASE_URL_ENV] = server.url;
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}
