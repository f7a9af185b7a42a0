import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from '../../src/cli/buildIfStale.ts';
import { BASE_URL_ENV, E2E_MUNICIPALITY, E2E_USER } from './testEnv.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'kartlegg.js');
const HEALTH_TIMEOUT_MS = 60_000;

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
  // Without DATABASE_URL the suite always runs on its own throw-away PGlite store.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
  };
  delete env.DATABASE_URL;

  let server: ChildProcess | undefined;
  const teardown = async () => {
    if (server) await stop(server);
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
    server = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const url = `http://127.0.0.1:${env.PORT}`;
    await waitForHealth(url, server);
    // Unexpected server errors (logged with their stack, server-side only) show up in the test output.
    server.stderr?.pipe(process.stderr);
    process.env[BASE_URL_ENV] = url;
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Polls /api/health until it answers 200; fails early, with the server's output, if it exits. */
async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  let output = '';
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited (${server.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer ${url}/api/health within ${HEALTH_TIMEOUT_MS} ms:\n${output}`);
}

/** SIGTERM lets the server close PGlite cleanly; SIGKILL only if it hangs. */
async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
