import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { LoginResponse } from '../../src/protocol/auth.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import type { BenchServer } from './syncServer.ts';

export interface LoadResult {
  mutations: number;
  seconds: number;
  /** Latency of each push request, ms. */
  latencies: number[];
}

/**
 * `tablets` simulated tablets push at once, each one single-record mutation per request, each
 * request after the previous answer (as a tablet's outbox drains). A tablet alternates between
 * creating a resident and editing the one it created last (on the version it was told), so every
 * mutation is applied and the only contention is the municipality's version counter — the real
 * bottleneck, since every write in a municipality takes the next version.
 * Raw protocol requests, not the client code: the load generator must stay light.
 */
export async function pushLoad(
  server: BenchServer,
  tablets: number,
  perTablet: number,
  warmUpPerTablet: number,
): Promise<LoadResult> {
  const clients = await Promise.all(Array.from({ length: tablets }, (_, i) => connect(server, i)));
  await Promise.all(clients.map((c) => c.run(warmUpPerTablet)));
  const started = performance.now();
  const latencies = (await Promise.all(clients.map((c) => c.run(perTablet)))).flat();
  const seconds = (performance.now() - started) / 1000;
  return { mutations: latencies.length, seconds, latencies };
}

async function connect(server: BenchServer, index: number) {
  const credentials = server.accounts.credentials(index);
  const login = LoginResponse.parse(
    await post(server.url, 'auth/login', { ...credentials, deviceLabel: `bench tablet ${index}` }),
  );
  const clientId = uuidv7();
  let clientSeq = 0;
  let last: { id: string; version: number } | null = null;
  const push = async (): Promise<number> => {
    const editing = clientSeq % 2 === 1 && last !== null;
    const entityId = editing && last ? last.id : uuidv7();
    const changes = editing
      ? { givenName: { value: `Edited ${index}.${clientSeq}`, baseVersion: last?.version ?? 0 } }
      : {
          givenName: { value: `Given ${index}.${clientSeq}`, baseVersion: 0 },
          familyName: { value: `Family ${index}.${clientSeq}`, baseVersion: 0 },
        };
    const mutation = { id: uuidv7(), clientSeq: ++clientSeq, entity: 'resident', entityId, changes };
    const started = performance.now();
    const body = PushResponse.parse(
      await post(
        server.url,
        'sync/push',
        { protocol: 2, deviceId: login.deviceId, clientId, mutations: [mutation] },
        login.token,
      ),
    );
    const ms = performance.now() - started;
    const [result] = body.results;
    if (result?.status !== 'applied' || result.version === undefined) {
      throw new Error(`a bench mutation was not applied: ${result?.status ?? 'no result'} ${result?.reason ?? ''}`);
    }
    last = { id: entityId, version: result.version };
    return ms;
  };
  return {
    async run(count: number): Promise<number[]> {
      const latencies: number[] = [];
      for (let i = 0; i < count; i++) latencies.push(await push());
      return latencies;
    },
  };
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json: unknown = await res.json();
  if (!res.ok) throw new Error(`POST /api/${path}: HTTP ${res.status}`);
  return json;
}
