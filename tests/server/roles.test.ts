import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { ROLES, type Role } from '../../src/protocol/auth.ts';
import type { Entity } from '../../src/protocol/entities.ts';
import { PullResponse, PushResponse } from '../../src/protocol/sync.ts';
import { addUser } from '../../src/server/accounts.ts';
import { login, PASSWORD, postJson, seed, getWithToken } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

/**
 * The role × route matrix, written out here (not derived from src/protocol/permissions.ts) so that a
 * change of the rules must change this table too. r/w: may read / may change that kind of record.
 */
type Access = 'rw' | 'r' | '-';
// weeklyList: GET /api/weekly-list, the own centre's list served by the server (the others print theirs).
// users: the users screen's routes (list, add, change accounts of the municipality).
type Routes = { settings: 'read' | 'change'; weeklyList: boolean; users: boolean };
const MATRIX: Record<Role, Record<Entity, Access> & Routes> = {
  kartlegger: {
    ...{ resident: 'rw', mapping: 'rw', place: 'r', plannedSession: 'rw' },
    ...{ settings: 'read', weeklyList: false, users: false },
  },
  lesebruker: {
    ...{ resident: 'rw', mapping: '-', place: 'r', plannedSession: 'r' },
    ...{ settings: 'read', weeklyList: false, users: false },
  },
  admin: {
    ...{ resident: 'rw', mapping: 'rw', place: 'rw', plannedSession: 'rw' },
    ...{ settings: 'change', weeklyList: false, users: true },
  },
  mottak: {
    ...{ resident: '-', mapping: '-', place: '-', plannedSession: '-' },
    ...{ settings: 'read', weeklyList: true, users: false },
  },
};

const PLACE = { name: 'Voksenopplæringen', kind: 'mappingLocation', address: 'Storgata 1', lat: 59.95, lon: 11.05 };
const sessionOf = (placeId: string, residentId: string) => ({
  date: '2026-12-01',
  start: '09:00',
  end: '10:00',
  placeId,
  mapper: 'Kari',
  slotMinutes: 60,
  language: 'Arabisk',
  interpreter: { language: 'Arabisk', category: 'C', mode: 'inPerson' },
  slots: [{ start: '09:00', end: '10:00', residentId, status: 'planned', locked: false }],
});

describe.each(storeCases())('roles on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  /** A municipality with one user of every role, one resident and one mapping written by the mapper. */
  async function municipality() {
    const ctx = await seed(getStore());
    const tokens = {} as Record<Role, string>;
    const devices = {} as Record<Role, string>;
    for (const role of ROLES) {
      const username = `${role}.${ctx.municipality.id.slice(-8)}`;
      const receptionCentre = role === 'mottak' ? 'Fjellheim mottak' : undefined;
      await addUser(getStore(), {
        municipalityId: ctx.municipality.id,
        username,
        password: PASSWORD,
        role,
        receptionCentre,
      });
      const session = await login(ctx.app, username);
      tokens[role] = session.token;
      devices[role] = session.deviceId;
    }
    const push = async (role: Role, entity: Entity, entityId: string, fields: object) => {
      const changes = Object.fromEntries(Object.entries(fields).map(([f, value]) => [f, { value, baseVersion: 0 }]));
      const res = await postJson(
        ctx.app,
        '/api/sync/push',
        {
          protocol: 2,
          deviceId: devices[role],
          clientId: uuidv7(),
          mutations: [{ id: uuidv7(), clientSeq: 1, entity, entityId, changes }],
        },
        tokens[role],
      );
      expect(res.status).toBe(200);
      return PushResponse.parse(await res.json()).results[0];
    };
    const get = (role: Role, path: string) => getWithToken(ctx.app, path, tokens[role]);
    const residentId = uuidv7();
    const mappingId = uuidv7();
    await push('kartlegger', 'resident', residentId, { givenName: 'Amina', familyName: 'Yusuf' });
    await push('kartlegger', 'mapping', mappingId, { residentId, q_language: 'ar' });
    const placeId = uuidv7();
    const sessionId = uuidv7();
    await push('admin', 'place', placeId, PLACE);
    await push('kartlegger', 'plannedSession', sessionId, sessionOf(placeId, residentId));
    return { ...ctx, tokens, push, get, residentId, mappingId, placeId, sessionId };
  }

  it.each(ROLES)('%s: push is applied or rejected as forbidden, by kind of record', async (role) => {
    const { push, residentId, placeId } = await municipality();
    const resident = await push(role, 'resident', uuidv7(), { givenName: 'Ny', familyName: 'Person' });
    const mapping = await push(role, 'mapping', uuidv7(), { residentId, q_language: 'ti' });
    const place = await push(role, 'place', uuidv7(), { ...PLACE, name: 'Mottaket', kind: 'receptionCentre' });
    const session = await push(role, 'plannedSession', uuidv7(), sessionOf(placeId, residentId));
    const expected = (access: Access) =>
      access === 'rw' ? { status: 'applied' } : { status: 'rejected', reason: 'forbidden' };
    expect(resident).toMatchObject(expected(MATRIX[role].resident));
    expect(mapping).toMatchObject(expected(MATRIX[role].mapping));
    expect(place).toMatchObject(expected(MATRIX[role].place));
    expect(session).toMatchObject(expected(MATRIX[role].plannedSession));
  });

  it.each(ROLES)('%s: pull carries only what the role may read', async (role) => {
    const { get } = await municipality();
    const res = await get(role, '/api/sync/pull?protocol=2&cursor=0&limit=100');
    const entities = ['resident', 'mapping', 'place', 'plannedSession'] as const;
    if (entities.every((entity) => MATRIX[role][entity] === '-')) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    const pulled = new Set(PullResponse.parse(await res.json()).records.map((r) => r.entity));
    for (const entity of entities) expect(pulled.has(entity), entity).toBe(MATRIX[role][entity] !== '-');
  });

  it.each(ROLES)('%s: record history only for what the role may read', async (role) => {
    const { get, residentId, mappingId, placeId, sessionId } = await municipality();
    const ids = { resident: residentId, mapping: mappingId, place: placeId, plannedSession: sessionId };
    for (const [entity, id] of Object.entries(ids) as [Entity, string][]) {
      const res = await get(role, `/api/records/${entity}/${id}/history`);
      expect(res.status, entity).toBe(MATRIX[role][entity] === '-' ? 403 : 200);
    }
  });

  it.each(ROLES)('%s: settings are read by all, changed by an administrator only', async (role) => {
    const { get, app, tokens } = await municipality();
    expect((await get(role, '/api/settings')).status).toBe(200);
    const put = await app.request('/api/settings', {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deadlineDays: 10 }),
    });
    expect(put.status).toBe(MATRIX[role].settings === 'change' ? 200 : 403);
  });

  it.each(ROLES)('%s: the weekly list from the server only for a reception-centre user', async (role) => {
    const { get } = await municipality();
    expect((await get(role, '/api/weekly-list?from=2026-12-01')).status).toBe(MATRIX[role].weeklyList ? 200 : 403);
  });

  it.each(ROLES)('%s: users are listed, added and changed by an administrator only', async (role) => {
    const { get, app, tokens, municipality: m } = await municipality();
    const allowed = MATRIX[role].users;
    expect((await get(role, '/api/users')).status).toBe(allowed ? 200 : 403);
    const added = await postJson(
      app,
      '/api/users',
      { username: `new.${role}.${m.id.slice(-8)}`, role: 'kartlegger', password: PASSWORD },
      tokens[role],
    );
    expect(added.status).toBe(allowed ? 201 : 403);
    const [mapper] = await getStore().query<{ id: string }>(
      `SELECT id FROM users WHERE municipality_id = $1 AND role = 'kartlegger' ORDER BY username LIMIT 1`,
      [m.id],
    );
    const changed = await app.request(`/api/users/${mapper!.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Nytt Navn' }),
    });
    expect(changed.status).toBe(allowed ? 200 : 403);
  });

  it('a lesebruker pulls no conflicts on mapping answers', async () => {
    const { push, get, residentId } = await municipality();
    const id = uuidv7();
    await push('kartlegger', 'mapping', id, { residentId, q_language: 'ar' });
    // Two writers on base version 0 of one field: the second is a conflict.
    await push('admin', 'mapping', id, { q_language: 'so' });
    const mapper = PullResponse.parse(await (await get('kartlegger', '/api/sync/pull?protocol=2&cursor=0')).json());
    expect(mapper.conflicts.some((c) => c.entity === 'mapping')).toBe(true);
    const reader = PullResponse.parse(await (await get('lesebruker', '/api/sync/pull?protocol=2&cursor=0')).json());
    expect(reader.conflicts).toEqual([]);
  });
});
