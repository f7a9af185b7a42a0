import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { recordChange } from '../../src/client/db/changes.ts';
import { openDatabase } from '../../src/client/db/database.ts';
import { createApi } from '../../src/client/net/api.ts';
import { syncOnce } from '../../src/client/sync/syncOnce.ts';
import type { SyncTarget } from '../../src/client/sync/syncTarget.ts';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { readAudit } from '../../src/server/audit.ts';
import { runRetention } from '../../src/server/retention.ts';
import { updateSettings } from '../../src/server/settings.ts';
import type { Store } from '../../src/server/store/store.ts';
import { login } from './fixtures.ts';
import { serverRecord, set, syncWorld, type TestClient } from './syncClient.ts';
import { storeCases, useStore } from './stores.ts';

/** A name no erased row may still hold anywhere. */
const SECRET = 'Zainab-Secret';

describe.each(storeCases())('retention on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  /** A resident with one mapping of this status, completed (status written) `daysAgo` days ago. */
  async function mapped(store: Store, client: TestClient, status: string, daysAgo: number) {
    const resident = uuidv7();
    const mapping = uuidv7();
    await client.send(client.mutation(resident, { givenName: set(SECRET), familyName: set('Doe') }));
    await client.send(
      client.mutation(
        mapping,
        { residentId: set(resident), q_languages: set(['ar', SECRET]), status: set(status) },
        { entity: 'mapping' },
      ),
    );
    await store.query(
      `UPDATE field_history SET at = now() - make_interval(days => $2::int) WHERE record_id = $1 AND field = 'status'`,
      [mapping, daysAgo],
    );
    return { resident, mapping };
  }

  /** Everything the store holds about a municipality's records, as text. */
  async function everything(store: Store, municipalityId: string) {
    const q = (sql: string) => store.query(sql, [municipalityId]);
    return JSON.stringify({
      records: await q('SELECT id, fields, field_meta, version FROM records WHERE municipality_id = $1 ORDER BY id'),
      history: await q(
        'SELECT record_id, field, version, value FROM field_history WHERE municipality_id = $1 ORDER BY 1, 2, 3',
      ),
      conflicts: await q('SELECT * FROM conflicts WHERE municipality_id = $1 ORDER BY id'),
      mutations: await q('SELECT id, payload FROM mutations WHERE municipality_id = $1 ORDER BY id'),
      version: await q('SELECT version FROM municipalities WHERE id = $1'),
    });
  }

  async function world() {
    const store = getStore();
    const w = await syncWorld(store);
    const kari = await w.kari();
    return { ...w, store, kari, id: w.municipality.id };
  }

  it('a dry run counts and changes nothing', async () => {
    const { store, kari, id } = await world();
    await mapped(store, kari, 'complete', 400);
    await mapped(store, kari, 'complete', 10);
    const before = await everything(store, id);
    const [outcome] = await runRetention(store, { dryRun: true, municipalityId: id });
    expect(outcome).toMatchObject({ municipalityId: id, retentionDays: 365, residents: 1, mappings: 1 });
    expect(await everything(store, id)).toBe(before);
  });

  it('erases exactly the residents complete for longer than the retention days, everywhere values are kept', async () => {
    const { store, kari, id } = await world();
    const old = await mapped(store, kari, 'complete', 400);
    const recent = await mapped(store, kari, 'complete', 300);
    const incomplete = await mapped(store, kari, 'partial', 400);
    // Two mappings (two tablets started one offline), one of them not complete: kept.
    const mixed = await mapped(store, kari, 'complete', 400);
    const second = uuidv7();
    await kari.send(
      kari.mutation(second, { residentId: set(mixed.resident), status: set('declined') }, { entity: 'mapping' }),
    );
    const other = await world();
    const elsewhere = await mapped(store, other.kari, 'complete', 400);
    const otherBefore = await everything(store, other.id);
    const versionBefore = await (async () => Number((await kari.pull(0)).cursor))();

    const [outcome] = await runRetention(store, { municipalityId: id });
    expect(outcome).toMatchObject({ residents: 1, mappings: 1, heldByConflicts: 0 });

    expect((await serverRecord(store, old.resident))?.fields).toEqual({ deleted: true });
    expect((await serverRecord(store, old.mapping))?.fields).toEqual({ residentId: old.resident, deleted: true });
    for (const kept of [recent, incomplete, mixed]) {
      expect((await serverRecord(store, kept.resident))?.fields).toMatchObject({ givenName: SECRET });
      expect((await serverRecord(store, kept.mapping))?.fields).toHaveProperty('q_languages');
    }
    // The erased records' values are gone from history and the stored mutations; their field names stay.
    const rows = await store.query<{ record_id: string; field: string; value: unknown }>(
      'SELECT record_id, field, value FROM field_history WHERE record_id = ANY($1::uuid[]) ORDER BY field',
      [[old.resident, old.mapping]],
    );
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    expect(rows.map((r) => r.field).sort()).toEqual(['deleted', 'deleted', 'residentId']);
    const payloads = await store.query<{ payload: { entityId: string; changes: Record<string, unknown> } }>(
      `SELECT payload FROM mutations WHERE payload->>'entityId' = ANY($1::text[])`,
      [[old.resident, old.mapping]],
    );
    expect(payloads).toHaveLength(2);
    expect(JSON.stringify(payloads)).not.toContain(SECRET);
    expect(payloads.map((p) => Object.keys(p.payload.changes).sort())).toContainEqual([
      'q_languages',
      'residentId',
      'status',
    ]);
    // The audit trail still says who changed which fields of the erased records.
    const audit = await readAudit(store, id, { limit: 100, format: 'json' });
    expect(audit.filter((e) => e.recordId === old.resident && e.action === 'record_changed')).toHaveLength(1);
    // And the run itself is in it, with counts only.
    expect(audit.find((e) => e.action === 'retention_run')).toMatchObject({ user: null, detail: { residents: 1 } });
    // Another municipality is untouched, though it holds an old complete mapping too.
    expect(await everything(store, other.id)).toBe(otherBefore);
    expect((await serverRecord(store, elsewhere.resident))?.fields).toMatchObject({ givenName: SECRET });
    // Each erased record has a version of its own, above what the tablets had.
    const after = await kari.pull(versionBefore);
    const erased: Record<string, unknown> = {
      [old.resident]: { deleted: true },
      [old.mapping]: { residentId: old.resident, deleted: true },
    };
    expect(Object.fromEntries(after.records.map((r) => [r.id, r.fields]))).toEqual(erased);
    expect(after.records).toHaveLength(2);
    expect(new Set(after.records.map((r) => r.version)).size).toBe(2);
    // Run again: nothing left to do.
    expect((await runRetention(store, { municipalityId: id }))[0]).toMatchObject({ residents: 0, mappings: 0 });
  });

  it('keeps a resident with an open conflict until a person resolves it', async () => {
    const { store, kari, ola, id } = await world();
    const held = await mapped(store, kari, 'complete', 400);
    const olaClient = await ola();
    const clash = await olaClient.send(
      olaClient.mutation(held.mapping, { q_languages: set(['fa'], 0) }, { entity: 'mapping' }),
    );
    expect(clash.conflicted).toEqual(['q_languages']);
    const before = await everything(store, id);
    expect(await runRetention(store, { municipalityId: id })).toMatchObject([
      { residents: 0, mappings: 0, heldByConflicts: 1 },
    ]);
    expect(await everything(store, id)).toBe(before);
  });

  it('follows each municipality’s retention days', async () => {
    const { store, kari, id } = await world();
    await mapped(store, kari, 'complete', 400);
    await updateSettings(store, id, { retentionDays: 730 });
    expect(await runRetention(store, { municipalityId: id })).toMatchObject([{ residents: 0, retentionDays: 730 }]);
    await updateSettings(store, id, { retentionDays: 90 });
    expect(await runRetention(store, { municipalityId: id })).toMatchObject([{ residents: 1, mappings: 1 }]);
  });

  it('a tablet learns of the erasure at its next pull, and its purge then drops the tombstones', async () => {
    const { store, app, username, id } = await world();
    const toApp: typeof fetch = (input, init) => Promise.resolve(app.request(String(input), init));
    const tablet = async (): Promise<SyncTarget> => ({
      db: openDatabase(`retention-${Math.random()}`),
      session: await login(app, username),
      api: createApi(toApp),
    });
    const mapper = await tablet();
    const office = await tablet();
    const resident = uuidv7();
    const mapping = uuidv7();
    await recordChange(mapper.db, 'resident', resident, { givenName: SECRET, familyName: 'Doe' });
    await recordChange(mapper.db, 'mapping', mapping, { residentId: resident, status: 'complete', q_a: SECRET });
    await syncOnce(mapper);
    await syncOnce(office);
    expect((await office.db.residents.get(resident))?.givenName).toBe(SECRET);

    await store.query(`UPDATE field_history SET at = now() - interval '400 days' WHERE record_id = $1`, [mapping]);
    expect(await runRetention(store, { municipalityId: id })).toMatchObject([{ residents: 1, mappings: 1 }]);
    await syncOnce(office);
    const row = await office.db.residents.get(resident);
    expect(row).toMatchObject({ id: resident, deleted: true });
    expect(JSON.stringify([row, await office.db.mappings.get(mapping)])).not.toContain(SECRET);

    // With purge days 0, the next sync removes what is left (ids only) from the tablet.
    await updateSettings(store, id, { tabletPurgeDays: 0 });
    await syncOnce(office);
    expect(await office.db.residents.count()).toBe(0);
    expect(await office.db.mappings.count()).toBe(0);
  });

  it('a tablet purges a complete, synced resident after its sync when the purge days are 0', async () => {
    const { store, app, username, id } = await world();
    await updateSettings(store, id, { tabletPurgeDays: 0 });
    const toApp: typeof fetch = (input, init) => Promise.resolve(app.request(String(input), init));
    const mapper: SyncTarget = {
      db: openDatabase(`retention-${Math.random()}`),
      session: await login(app, username),
      api: createApi(toApp),
    };
    const done = uuidv7();
    const open = uuidv7();
    await recordChange(mapper.db, 'resident', done, { givenName: 'A', familyName: 'B' });
    await recordChange(mapper.db, 'mapping', uuidv7(), { residentId: done, status: 'complete' });
    await recordChange(mapper.db, 'resident', open, { givenName: 'C', familyName: 'D' });
    await recordChange(mapper.db, 'mapping', uuidv7(), { residentId: open, status: 'partial' });
    // Not yet synced: the first sync pushes, pulls, and only then purges.
    await syncOnce(mapper);
    expect(await mapper.db.residents.toCollection().primaryKeys()).toEqual([open]);
    // The cursor stays: the purged record does not come back with the next pull.
    await syncOnce(mapper);
    expect(await mapper.db.residents.toCollection().primaryKeys()).toEqual([open]);
    expect(await mapper.db.mappings.count()).toBe(1);
  });
});
