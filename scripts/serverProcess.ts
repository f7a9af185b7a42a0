import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_INTERVAL_MS = 25;
const START_TIMEOUT_MS = 120_000;
/** A single health request must not stall the poll loop (and so the overall timeout). */
const REQUEST_TIMEOUT_MS = 2_000;
const STOP_TIMEOUT_MS = 30_000;
/** How much of the server's stderr to keep for error messages. */
const STDERR_TAIL_CHARS = 4_000;

export interface ServerProcess {
  url: string;
  /** Milliseconds from spawn until GET /api/health first answered 200. */
  startupMs: number;
  stop(): Promise<void>;
}

/** The environment for a `kartlegg` child on its own PGlite store, even where DATABASE_URL is set (CI). */
export function embeddedStoreEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return env;
}

/** A port that is free right now: the OS picks it, then we release it for the server. */
async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('Could not find a free port.');
  return address.port;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.status === 200;
  } catch {
    // Not listening yet (connection refused) or too slow: keep polling.
    return false;
  }
}

/** Resolves when the server is healthy; rejects if it exits first or the timeout passes. */
async function waitUntilHealthy(child: ChildProcess, url: string, stderr: () => string): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (performance.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it was healthy.\n${stderr()}`);
    }
    if (await isHealthy(url)) return;
    await sleep(POLL_INTERVAL_MS);
  }
  throw new Error(`The server was not healthy after ${START_TIMEOUT_MS / 1000} s.\n${stderr()}`);
}

/** SIGTERM lets the server close PGlite cleanly, which the next start on the same data dir relies on. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timedOut = sleep(STOP_TIMEOUT_MS).then(() => 'timeout' as const);
  if ((await Promise.race([exited, timedOut])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
    throw new Error(`The server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM.`);
  }
}

/**
 * Starts `kartlegg serve` as a child process on embedded PGlite in `dataDir` (for the e2e suite and
 * the bench) and waits until it is healthy. The clock starts just before spawn, so `startupMs`
 * includes Node, tsx and opening the store. With `forwardStderr`, the server's error log (stacks of
 * unexpected errors, never personal data) also goes to this process's stderr. With `databaseUrl`,
 * the server uses that PostgreSQL database instead (`dataDir` is then unused).
 */
export async function startServerProcess(
  root: string,
  dataDir: string,
  { forwardStderr = false, databaseUrl }: { forwardStderr?: boolean; databaseUrl?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const storeEnv = databaseUrl ? { ...process.env, DATABASE_URL: databaseUrl } : embeddedStoreEnv(dataDir);
  const env = { ...storeEnv, PORT: String(port), HOST: '127.0.0.1' };
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/kartlegg.js', 'serve'], {
    cwd: root,
    env,
    // stdout is discarded unread: on a first start it shows the administrator's one-time password.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    if (forwardStderr) process.stderr.write(chunk);
  });
  try {
    await waitUntilHealthy(child, url, () => stderr);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const startupMs = Math.round(performance.now() - started);
  return { url, startupMs, stop: () => stopChild(child) };
}
