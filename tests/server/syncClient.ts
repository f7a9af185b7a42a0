import { uuidv7 } from '../../src/domain/uuidv7.ts';
import type { JsonValue } from '../../src/domain/sync/json.ts';
import { PullResponse, PushResponse } from '../../src/protocol/sync.ts';
import { addUser } from '../../src/server/accounts.ts';
import type { Store } from '../../src/server/store/store.ts';
import { PASSWORD, login, seed } from './fixtures.ts';

type App = Awaited<ReturnType<typeof seed>>['app'];

/** A municipality with two mappers, Kari and Ola, each able to connect clients (tablets). */
export async function syncWorld(store: Store) {
  const ctx = await seed(store);
  const ola = `ola.${ctx.municipality.id.slice(-8)}`;
  await addUser(store, {
    municipalityId: ctx.municipality.id,
    username: ola,
    password: PASSWORD,
    role: 'kartlegger',
    name: 'Ola Nordmann',
  });
  const version = async () => {
    const [row] = await store.query<{ version: number }>('SELECT version FROM municipalities WHERE id = $1', [
      ctx.municipality.id,
    ]);
    return Number(row?.version);
  };
  return {
    ...ctx,
    store,
    version,
    kari: (clientId?: string) => connect(ctx.app, ctx.username, clientId),
    ola: (clientId?: string) => connect(ctx.app, ola, clientId),
  };
}

/** A change to one field: the value and the field version the client had seen (0 = none). */
export const set = (value: JsonValue, baseVersion = 0) => ({ value, baseVersion });

export interface TestMutation {
  id: string;
  clientSeq: number;
  entity: string;
  entityId: string;
  changes: Record<string, { value: JsonValue; baseVersion: number }>;
  resolves?: string[];
}

/** One client (a local database) signed in as a user: it numbers its mutations and talks protocol 2. */
export async function connect(app: App, username: string, clientId = uuidv7()) {
  const session = await login(app, username);
  let seq = 0;
  const client = {
    clientId,
    session,
    /** The next mutation of this client; it is not sent until pushed. */
    mutation(
      entityId: string,
      changes: TestMutation['changes'],
      options: { entity?: string; resolves?: string[] } = {},
    ): TestMutation {
      return {
        id: uuidv7(),
        clientSeq: ++seq,
        entity: options.entity ?? 'resident',
        entityId,
        changes,
        ...(options.resolves ? { resolves: options.resolves } : {}),
      };
    },
    async pushRaw(mutations: unknown[], envelope: Record<string, unknown> = {}) {
      const res = await app.request('/api/sync/push', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
        body: JSON.stringify({ protocol: 2, deviceId: session.deviceId, clientId, mutations, ...envelope }),
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    async push(...mutations: unknown[]): Promise<PushResponse> {
      const res = await client.pushRaw(mutations);
      if (res.status !== 200) throw new Error(`push failed: ${res.status} ${JSON.stringify(res.body)}`);
      return PushResponse.parse(res.body);
    },
    /** Pushes one mutation and returns its result. */
    async send(mutation: TestMutation) {
      const { results } = await client.push(mutation);
      const [result] = results;
      if (!result) throw new Error('no result');
      return result;
    },
    async pullRaw(query: string) {
      const res = await app.request(`/api/sync/pull?${query}`, {
        headers: { authorization: `Bearer ${session.token}` },
      });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    async pull(cursor = 0, limit?: number): Promise<PullResponse> {
      const res = await client.pullRaw(`protocol=2&cursor=${cursor}${limit ? `&limit=${limit}` : ''}`);
      if (res.status !== 200) throw new Error(`pull failed: ${res.status} ${JSON.stringify(res.body)}`);
      return PullResponse.parse(res.body);
    },
  };
  return client;
}

export type TestClient = Awaited<ReturnType<typeof connect>>;

/** The server's current copy of a record, straight from the store. */
export async function serverRecord(store: Store, id: string) {
  const [row] = await store.query<{ fields: Record<string, JsonValue>; field_meta: Record<string, { v: number }> }>(
    'SELECT fields, field_meta FROM records WHERE id = $1',
    [id],
  );
  return row;
}

export async function historyOf(store: Store, id: string, field: string) {
  const rows = await store.query<{ value: JsonValue; version: number }>(
    'SELECT value, version FROM field_history WHERE record_id = $1 AND field = $2 ORDER BY version',
    [id, field],
  );
  return rows.map((r) => r.value);
}
