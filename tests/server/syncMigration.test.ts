import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import { createApp } from '../../src/server/app.ts';
import { hashToken } from '../../src/server/auth/deviceTokens.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { loadMigrations, migrate } from '../../src/server/store/migrate.ts';
import type { Store } from '../../src/server/store/store.ts';
import { PASSWORD, postJson } from './fixtures.ts';
import { storeCases } from './stores.ts';
import { connect } from './syncClient.ts';

// 002_sync moves the walking skeleton's residents into records, keeping who wrote them.
describe.each(storeCases())('migration 002 (residents → records) on $name', (storeCase) => {
  // Opens a store of its own (PGlite runs initdb): allow more than the suite's default on a busy machine.
  it('keeps every resident, its version, its writer and its history; old mutations stay idempotent', async () => {
    const store = await storeCase.open({ migrate: false });
    await applySkeletonSchema(store);
    const s = await skeletonData(store);

    expect(await migrate(store)).toContain(2);

    const records = await store.query<{
      id: string;
      entity: string;
      fields: unknown;
      field_meta: unknown;
      version: number;
    }>('SELECT id, entity, fields, field_meta, version FROM records ORDER BY version');
    expect(records).toEqual([
      {
        id: s.resident,
        entity: 'resident',
        fields: { givenName: 'Amina', familyName: 'Yusuf', birthDate: null },
        field_meta: {
          givenName: { v: 1, w: s.device },
          familyName: { v: 1, w: s.device },
          birthDate: { v: 1, w: s.device },
        },
        version: 1,
      },
      {
        id: s.orphan,
        entity: 'resident',
        fields: { givenName: 'No', familyName: 'Mutation' },
        field_meta: {
          givenName: { v: 2, w: '00000000-0000-0000-0000-000000000000' },
          familyName: { v: 2, w: '00000000-0000-0000-0000-000000000000' },
        },
        version: 2,
      },
    ]);
    const history = await store.query<{ field: string; user_id: string | null; mutation_id: string | null }>(
      'SELECT field, user_id, mutation_id FROM field_history WHERE record_id = $1 ORDER BY field',
      [s.resident],
    );
    expect(history).toEqual(
      ['birthDate', 'familyName', 'givenName'].map((field) => ({ field, user_id: s.user, mutation_id: s.mutation })),
    );
    expect(await store.query("SELECT to_regclass('residents') AS t")).toEqual([{ t: null }]);

    // The protocol-1 tablet resends its mutation after the upgrade: recognised, nothing changes.
    const app = createApp({ store, version: 'test' });
    const resend = await postJson(
      app,
      '/api/sync/push',
      { protocol: 1, deviceId: s.device, mutations: [s.payload] },
      s.token,
    );
    expect(PushResponse.parse(await resend.json()).results).toEqual([
      { id: s.mutation, status: 'applied', version: 1 },
    ]);
    // A protocol-2 tablet sees the migrated resident and can edit it on the version it saw.
    const tablet = await connect(app, 'kari');
    const { records: pulled, cursor } = await tablet.pull(0);
    expect(pulled.map((r) => r.id)).toEqual([s.resident, s.orphan]);
    expect(cursor).toBe(2);
    const edit = await tablet.send(tablet.mutation(s.resident, { givenName: { value: 'Amina S.', baseVersion: 1 } }));
    expect(edit).toEqual({ id: expect.any(String), status: 'applied', version: 3 });
  }, 120_000);
});

async function applySkeletonSchema(store: Store) {
  const [first] = loadMigrations();
  if (first?.version !== 1) throw new Error('expected migration 001');
  await store.exec(first.sql);
  await store.exec(`CREATE TABLE schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  await store.query('INSERT INTO schema_migrations (version, name) VALUES (1, $1)', [first.name]);
}

/** What a walking-skeleton server held: one resident pushed by a tablet, one without a known mutation. */
async function skeletonData(store: Store) {
  const municipality = uuidv7();
  const user = uuidv7();
  const device = uuidv7();
  const resident = uuidv7();
  const orphan = uuidv7();
  const mutation = uuidv7();
  const token = 'a'.repeat(43);
  await store.query("INSERT INTO municipalities (id, name, version) VALUES ($1, 'Gamle', 2)", [municipality]);
  await store.query(
    `INSERT INTO users (id, municipality_id, username, name, role, password_hash)
     VALUES ($1, $2, 'kari', 'Kari', 'kartlegger', $3)`,
    [user, municipality, await hashPassword(PASSWORD)],
  );
  await store.query(
    'INSERT INTO devices (id, user_id, municipality_id, token_hash, last_client_seq) VALUES ($1, $2, $3, $4, 1)',
    [device, user, municipality, hashToken(token)],
  );
  const data = { givenName: 'Amina', familyName: 'Yusuf', birthDate: null };
  const payload = { id: mutation, clientSeq: 1, entity: 'resident', entityId: resident, op: 'upsert', fields: data };
  await store.query(
    `INSERT INTO mutations (id, municipality_id, device_id, client_seq, status, version, payload)
     VALUES ($1, $2, $3, 1, 'applied', 1, $4)`,
    [mutation, municipality, device, JSON.stringify(payload)],
  );
  await store.query(
    'INSERT INTO residents (id, municipality_id, data, version) VALUES ($1, $2, $3, 1), ($4, $2, $5, 2)',
    [resident, municipality, JSON.stringify(data), orphan, JSON.stringify({ givenName: 'No', familyName: 'Mutation' })],
  );
  return { municipality, user, device, resident, orphan, mutation, token, payload };
}
