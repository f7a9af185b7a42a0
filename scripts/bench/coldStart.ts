import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, row, type Row } from './report.ts';
import { startServerProcess } from '../serverProcess.ts';

const RUNS = 3;

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kartlegg-bench-'));
}

/** Starts the server, records how long it took to become healthy, and stops it. */
async function timeStart(root: string, dataDir: string): Promise<number> {
  const server = await startServerProcess(root, dataDir);
  await server.stop();
  return server.startupMs;
}

/**
 * Two cases, each measured RUNS times: a fresh data dir (PGlite creates the database, migrations
 * run, the first admin is hashed with argon2) and a restart on that same dir (the daily case).
 */
export async function coldStartRows(root: string): Promise<Row[]> {
  const fresh: number[] = [];
  const existing: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const dataDir = tempDataDir();
    try {
      fresh.push(await timeStart(root, dataDir));
      existing.push(await timeStart(root, dataDir));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return [
    row(`Server cold start, fresh data dir (median of ${RUNS})`, median(fresh), 'ms', undefined, fresh),
    row(`Server cold start, existing data dir (median of ${RUNS})`, median(existing), 'ms', undefined, existing),
  ];
}
