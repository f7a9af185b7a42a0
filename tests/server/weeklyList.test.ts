import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/domain/uuidv7.ts';
import { PushResponse } from '../../src/protocol/sync.ts';
import { WeeklyListResponse } from '../../src/protocol/weeklyList.ts';
import { addUser } from '../../src/server/accounts.ts';
import type { Store } from '../../src/server/store/store.ts';
import { getWithToken, login, PASSWORD, postJson, seedWithAdmin } from './fixtures.ts';
import { storeCases, useStore } from './stores.ts';

const FJELLHEIM = { name: 'Fjellheim mottak', kind: 'receptionCentre', address: null, lat: 61.1193, lon: 10.4762 };
const ASEN = { name: 'Åsen mottak', kind: 'receptionCentre', address: null, lat: 61.3153, lon: 10.3462 };
const ROOM = { name: 'Voksenopplæringen', kind: 'mappingLocation', address: 'Storgata 1', lat: 61.1153, lon: 10.4662 };

const slot = (start: string, end: string, residentId: string, status = 'planned') => ({
  start,
  end,
  residentId,
  status,
  locked: false,
});

/**
 * A municipality with two centres, residents at each (one spelling its centre in another case), one
 * session in the week of 2026-11-30 and one in the week after, and a mottak user per centre.
 */
async function municipality(store: Store) {
  const ctx = await seedWithAdmin(store);
  const token = ctx.admin.token;
  let seq = 0;
  const push = async (entity: string, fields: object) => {
    const entityId = uuidv7();
    const changes = Object.fromEntries(Object.entries(fields).map(([f, value]) => [f, { value, baseVersion: 0 }]));
    const res = await postJson(
      ctx.app,
      '/api/sync/push',
      {
        protocol: 2,
        deviceId: ctx.admin.deviceId,
        clientId: ctx.admin.deviceId,
        mutations: [{ id: uuidv7(), clientSeq: ++seq, entity, entityId, changes }],
      },
      token,
    );
    expect(PushResponse.parse(await res.json()).results[0]).toMatchObject({ status: 'applied' });
    return entityId;
  };
  await push('place', FJELLHEIM);
  await push('place', ASEN);
  const room = await push('place', ROOM);
  const resident = (givenName: string, receptionCentre: string, extra: object = {}) =>
    push('resident', { givenName, familyName: 'Hansen', receptionCentre, language: 'Arabisk', ...extra });
  const amina = await resident('Amina', 'Fjellheim mottak', { duf: '123456789012' });
  const bilal = await resident('Bilal', '  fjellheim MOTTAK ');
  const other = await resident('Other', 'Åsen mottak', { duf: '999999999999' });
  const noShow = await resident('Nora', 'Fjellheim mottak');
  const later = await resident('Later', 'Fjellheim mottak');
  const session = (date: string, slots: object[]) =>
    push('plannedSession', {
      date,
      start: '09:00',
      end: '13:00',
      placeId: room,
      mapper: 'Kari',
      slotMinutes: 60,
      language: 'Arabisk',
      interpreter: { language: 'Arabisk', category: 'C', mode: 'inPerson' },
      slots,
    });
  await session('2026-12-02', [
    slot('10:00', '11:00', bilal),
    slot('09:00', '10:00', amina),
    slot('11:00', '12:00', other),
    slot('12:00', '13:00', noShow, 'noShow'),
  ]);
  await session('2026-12-07', [slot('09:00', '10:00', later)]);
  const mottakUser = async (suffix: string, receptionCentre?: string) => {
    const username = `mottak.${suffix}.${ctx.municipality.id.slice(-8)}`;
    await addUser(store, {
      municipalityId: ctx.municipality.id,
      username,
      password: PASSWORD,
      role: 'mottak',
      ...(receptionCentre === undefined ? {} : { receptionCentre }),
    });
    return (await login(ctx.app, username)).token;
  };
  return { ...ctx, mottakUser };
}

describe.each(storeCases())('GET /api/weekly-list on $name', (storeCase) => {
  const getStore = useStore(storeCase);

  it('gives a mottak user the week of its own centre only, as printed, without record ids', async () => {
    const ctx = await municipality(getStore());
    // A second municipality with a centre of the same name and a resident planned the same week.
    const elsewhere = await municipality(getStore());
    const token = await ctx.mottakUser('fjellheim', 'FJELLHEIM mottak');
    const res = await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-03', token);
    expect(res.status).toBe(200);
    const body = WeeklyListResponse.parse(await res.json());
    expect(body).toMatchObject({ centre: 'Fjellheim mottak', from: '2026-11-30', to: '2026-12-06' });
    expect(body.rows.map((r) => [r.name, r.date, r.start])).toEqual([
      ['Hansen, Amina', '2026-12-02', '09:00'],
      ['Hansen, Bilal', '2026-12-02', '10:00'],
    ]);
    expect(body.rows[0]).toMatchObject({
      duf: '123456789012',
      placeName: 'Voksenopplæringen',
      placeAddress: 'Storgata 1',
      language: 'Arabisk',
      interpreter: true,
      busTicket: false,
      infoLanguage: 'ar',
    });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/Other|999999999999|Nora|Later|residentId/);
    expect(elsewhere.errors).toEqual([]);

    // The next week, and another centre's user, see their own rows.
    const next = WeeklyListResponse.parse(
      await (await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-07', token)).json(),
    );
    expect(next.rows.map((r) => r.name)).toEqual(['Hansen, Later']);
    const asen = await ctx.mottakUser('asen', 'Åsen mottak');
    const asenList = WeeklyListResponse.parse(
      await (await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-01', asen)).json(),
    );
    expect(asenList.rows.map((r) => r.name)).toEqual(['Hansen, Other']);
  });

  it('a centre that is no known place still gets its list, labelled as assigned', async () => {
    const ctx = await municipality(getStore());
    const token = await ctx.mottakUser('none', 'Ukjent mottak');
    const body = WeeklyListResponse.parse(
      await (await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-01', token)).json(),
    );
    expect(body).toEqual({ centre: 'Ukjent mottak', from: '2026-11-30', to: '2026-12-06', rows: [] });
  });

  it('audits the read with counts only', async () => {
    const ctx = await municipality(getStore());
    const token = await ctx.mottakUser('audit', 'Fjellheim mottak');
    await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-01', token);
    const rows = await getStore().query<{ detail: unknown }>(
      `SELECT detail FROM audit_log WHERE municipality_id = $1 AND action = 'weekly_list_viewed'`,
      [ctx.municipality.id],
    );
    expect(rows.map((r) => r.detail)).toEqual([{ week: '2026-11-30', rows: 2 }]);
  });

  it('refuses a mottak user without a centre (409), a bad query (400) and every other role (403)', async () => {
    const ctx = await municipality(getStore());
    const none = await ctx.mottakUser('unassigned');
    const res = await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-01', none);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: { code: 'no_centre' } });

    const token = await ctx.mottakUser('q', 'Fjellheim mottak');
    for (const query of ['', '?from=2026-13-01', '?from=2026-02-30', '?from=yesterday', '?week=2026-W49']) {
      expect((await getWithToken(ctx.app, `/api/weekly-list${query}`, token)).status, query).toBe(400);
    }
    expect((await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-01', ctx.admin.token)).status).toBe(403);
    expect((await getWithToken(ctx.app, '/api/weekly-list?from=2026-12-01', ctx.tablet.token)).status).toBe(403);
    expect((await ctx.app.request('/api/weekly-list?from=2026-12-01')).status).toBe(401);
  });

  it('a centre only for a mottak user', async () => {
    const ctx = await seedWithAdmin(getStore());
    await expect(
      addUser(getStore(), {
        municipalityId: ctx.municipality.id,
        username: 'mapper.with.centre',
        password: PASSWORD,
        role: 'kartlegger',
        receptionCentre: 'Fjellheim mottak',
      }),
    ).rejects.toThrow(/Only a mottak user/);
  });
});
