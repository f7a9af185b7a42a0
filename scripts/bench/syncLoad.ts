import { Agent, request } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
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
 * Raw protocol requests over `node:http` with keep-alive, not the client code or `fetch`: the load
 * generator shares the machine's cores with the server and PostgreSQL, so it must stay light (fetch
 * cost about as much CPU per request as the server's whole handling of it).
 */
export async function pushLoad(
  server: BenchServer,
  tablets: number,
  perTablet: number,
  warmUpPerTablet: number,
): Promise<LoadResult> {
  // One kept-alive connection per tablet, as a tablet's browser would hold.
  const agent = new Agent({ keepAlive: true, maxSockets: tablets });
  try {
    const clients = await Promise.all(Array.from({ length: tablets }, (_, i) => connect(server, agent, i)));
    await Promise.all(clients.map((c) => c.run(warmUpPerTablet)));
    const started = performance.now();
    const latencies = (await Promise.all(clients.map((c) => c.run(perTablet)))).flat();
    const seconds = (performance.now() - started) / 1000;
    return { mutations: latencies.length, seconds, latencies };
  } finally {
    agent.destroy();
  }
}

async function connect(server: BenchServer, agent: Agent, index: number) {
  const credentials = server.accounts.credentials(index);
  const post = (path: string, body: unknown, token?: string) => postJson(agent, server.url, path, body, token);
  const login = LoginResponse.parse(await post('auth/login', { ...credentials, deviceLabel: `bench tablet ${index}` }));
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
    const answer = await post(
      'sync/push',
      { protocol: 2, deviceId: login.deviceId, clientId, mutations: [mutation] },
      login.token,
    );
    const ms = performance.now() - started;
    const body = PushResponse.parse(answer);
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

function postJson(agent: Agent, url: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/${path}`,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          // As a browser sends it: the server may compress its answer.
          'accept-encoding': 'gzip, deflate',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const raw = Buffer.concat(chunks);
            const encoding = res.headers['content-encoding'];
            const text = (
              encoding === 'gzip' ? gunzipSync(raw) : encoding === 'deflate' ? inflateSync(raw) : raw
            ).toString();
            if (res.statusCode !== 200) throw new Error(`POST /api/${path}: HTTP ${res.statusCode}`);
            resolve(JSON.parse(text));
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
