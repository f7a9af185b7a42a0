import { recordChange } from '../../src/client/db/changes.ts';
import { openDatabase, type KartleggDb } from '../../src/client/db/database.ts';

/** Rows are sealed as on a tablet; the key is any 256 bits. */
const dataKey = crypto.getRandomValues(new Uint8Array(32));
const benchKey = () => dataKey;
import { createApi } from '../../src/client/net/api.ts';
import { applyServerChanges } from '../../src/client/sync/applyServerChanges.ts';
import { pullChanges } from '../../src/client/sync/pull.ts';
import { pushPending } from '../../src/client/sync/push.ts';
import { syncOnce } from '../../src/client/sync/syncOnce.ts';
import type { SyncTarget } from '../../src/client/sync/syncTarget.ts';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { LoginResponse } from '../../src/protocol/auth.ts';
import type { PullResponse, RecordSnapshot } from '../../src/protocol/sync.ts';
import { useFakeIndexedDb } from '../../src/sim/fakeIndexedDb.ts';
import { goalRow, kb, median, quantile, row, type Row } from './report.ts';
import { pushLoad } from './syncLoad.ts';
import { PayloadMeter } from './syncPayload.ts';
import { startBenchServer, type BenchServer } from './syncServer.ts';

type StoreName = 'PGlite' | 'PostgreSQL';

const RECORDS = 1000;
const ROUND_TRIPS = 3;
const APPLY_RUNS = 5;
/** The client pulls pages of this many records (src/client/sync/pull.ts). */
const PULL_PAGE = 500;
const LOAD_TABLETS = 16;
const LOAD_PER_TABLET = 150;
const LOAD_WARM_UP_PER_TABLET = 10;

/**
 * Round trip: tablet A changes one field of each of 1,000 residents that tablet B already holds; the
 * time is A's push (10 requests of 100) plus B's pull (2 pages of 500), the app's own client code
 * end to end over loopback HTTP to a server process. The client side runs on fake-indexeddb in Node,
 * not a browser's IndexedDB. Payload: every request and response body of that push and pull, each
 * gzipped.
 */
export async function syncRoundTripRows(root: string, store: StoreName, databaseUrl?: string): Promise<Row[]> {
  useFakeIndexedDb();
  const server = await startBenchServer(root, 2, databaseUrl);
  const meter = new PayloadMeter();
  const a = await tablet(server, 0, meter);
  const b = await tablet(server, 1, meter);
  try {
    const ids = Array.from({ length: RECORDS }, () => uuidv7());
    for (const [i, id] of ids.entries()) {
      await recordChange(a.db, 'resident', id, { givenName: `Given ${i}`, familyName: `Family ${i}` });
    }
    await syncOnce(a);
    await syncOnce(b);
    const total: number[] = [];
    const push: number[] = [];
    const bytes: number[] = [];
    for (let run = 1; run <= ROUND_TRIPS; run++) {
      for (const [i, id] of ids.entries()) await recordChange(a.db, 'resident', id, { givenName: `Edit ${run}.${i}` });
      meter.reset();
      const started = performance.now();
      const pushed = await pushPending(a);
      const afterPush = performance.now();
      const pulled = await pullChanges(b);
      total.push(Math.round(performance.now() - started));
      push.push(Math.round(afterPush - started));
      if (pushed !== RECORDS || pulled !== RECORDS) throw new Error(`round trip moved ${pushed}/${pulled} records`);
      const gzip = meter.gzipBytes();
      bytes.push(gzip.request + gzip.response);
    }
    const what = `Sync round trip, 1,000 changed records, loopback, ${store}`;
    return [
      goalRow(`${what}: push + pull (median of ${ROUND_TRIPS})`, median(total), 'ms', { max: 300 }, total),
      row(`${what}: of which push`, median(push), 'ms', undefined, push),
      row(`${what}: request + response bodies, gzip`, kb(median(bytes)), 'KB'),
    ];
  } finally {
    await a.db.delete();
    await b.db.delete();
    await server.stop();
  }
}

/** Applying 2 pulled pages of 500 residents into an empty database (fake-indexeddb in Node). */
export async function syncApplyRows(): Promise<Row[]> {
  useFakeIndexedDb();
  const times: number[] = [];
  for (let run = 0; run < APPLY_RUNS; run++) {
    const db = openDatabase(`bench-apply-${run}-${Date.now()}`, benchKey);
    const pages = pulledPages();
    try {
      await db.open();
      const started = performance.now();
      for (const page of pages) await applyServerChanges(db, page);
      times.push(Math.round(performance.now() - started));
    } finally {
      await db.delete();
    }
  }
  return [
    row(
      `Apply 1,000 pulled records into Dexie (fake-indexeddb in Node, median of ${APPLY_RUNS})`,
      median(times),
      'ms',
      undefined,
      times,
    ),
  ];
}

/** Server throughput under concurrent tablets pushing single-record mutations (see syncLoad.ts). */
export async function syncThroughputRows(root: string, store: StoreName, databaseUrl?: string): Promise<Row[]> {
  const server = await startBenchServer(root, LOAD_TABLETS, databaseUrl);
  try {
    const load = await pushLoad(server, LOAD_TABLETS, LOAD_PER_TABLET, LOAD_WARM_UP_PER_TABLET);
    const perSecond = Math.round(load.mutations / load.seconds);
    const p99 = Math.round(quantile(load.latencies, 0.99) * 10) / 10;
    const p50 = Math.round(quantile(load.latencies, 0.5) * 10) / 10;
    const what = `${store}, ${LOAD_TABLETS} tablets pushing 1 mutation per request`;
    const goals = store === 'PostgreSQL';
    return [
      goals
        ? goalRow(`Sync push throughput, ${what}`, perSecond, 'mutations/s', { min: 1000 })
        : row(`Sync push throughput, ${what}`, perSecond, 'mutations/s'),
      goals
        ? goalRow(`Sync push latency p99, ${what}`, p99, 'ms', { max: 50 })
        : row(`Sync push latency p99, ${what}`, p99, 'ms'),
      row(`Sync push latency p50, ${what}`, p50, 'ms'),
    ];
  } finally {
    await server.stop();
  }
}

async function tablet(
  server: BenchServer,
  index: number,
  meter: PayloadMeter,
): Promise<SyncTarget & { db: KartleggDb }> {
  const plain = createApi((input, init) => fetch(input, init), `${server.url}/api/`);
  const login = await plain('auth/login', LoginResponse, {
    method: 'POST',
    body: { ...server.accounts.credentials(index), deviceLabel: `bench tablet ${index}` },
  });
  return {
    db: openDatabase(`bench-sync-${index}-${Date.now()}`, benchKey),
    session: { token: login.token, deviceId: login.deviceId },
    api: createApi(meter.fetch, `${server.url}/api/`),
  };
}

function pulledPages(): PullResponse[] {
  const records: RecordSnapshot[] = Array.from({ length: RECORDS }, (_, i) => ({
    entity: 'resident',
    id: uuidv7(),
    version: i + 1,
    fields: { givenName: `Given ${i}`, familyName: `Family ${i}`, birthDate: '1990-01-01' },
    fieldVersions: { givenName: i + 1, familyName: i + 1, birthDate: i + 1 },
  }));
  const pages: PullResponse[] = [];
  for (let from = 0; from < RECORDS; from += PULL_PAGE) {
    const page = records.slice(from, from + PULL_PAGE);
    pages.push({
      reset: false,
      cursor: page.at(-1)?.version ?? 0,
      more: from + PULL_PAGE < RECORDS,
      lastClientSeq: 0,
      records: page,
      conflicts: [],
    });
  }
  return pages;
}
