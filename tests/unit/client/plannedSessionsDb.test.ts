import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type KartleggDb } from '../../../src/client/db/database.ts';
import { pendingBatch } from '../../../src/client/db/outbox.ts';
import { listPlaces, savePlace } from '../../../src/client/db/places.ts';
import { acceptSessions, listPlannedSessions, updateSessionSlots } from '../../../src/client/db/plannedSessions.ts';
import { scheduledResidentIds } from '../../../src/client/db/sessions.ts';
import { applyServerChanges } from '../../../src/client/sync/applyServerChanges.ts';
import type { PlannedSession } from '../../../src/domain/planning/records.ts';
import { uuidv7 } from '../../../src/domain/uuidv7.ts';
import { fieldProblem } from '../../../src/protocol/entities.ts';

let db: KartleggDb;
let n = 0;
const fresh = () => (db = openDatabase(`plan-${n++}`));
afterEach(() => db.delete());

const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
const session = (id: string, placeId: string): PlannedSession => ({
  id,
  date: '2026-12-01',
  start: '09:00',
  end: '11:00',
  placeId,
  mapper: 'Kari',
  slotMinutes: 60,
  language: 'Arabisk',
  interpreter: { language: 'Arabisk', category: 'C', mode: 'inPerson' },
  slots: [
    { start: '09:00', end: '10:00', residentId: a, status: 'planned', locked: false },
    { start: '10:00', end: '11:00', residentId: b, status: 'planned', locked: false },
  ],
});

describe('places and planned sessions on the device', () => {
  it('stores places with their outbox rows and lists them by name', async () => {
    fresh();
    await savePlace(db, { name: 'Voksenopplæringen', kind: 'mappingLocation', address: null, lat: 60, lon: 11 });
    const centre = await savePlace(db, {
      name: 'Mottaket',
      kind: 'receptionCentre',
      address: 'Vei 2',
      lat: 60.1,
      lon: 11,
    });
    expect((await listPlaces(db)).map((p) => p.name)).toEqual(['Mottaket', 'Voksenopplæringen']);
    expect((await pendingBatch(db, 10)).map((o) => o.entity)).toEqual(['place', 'place']);
    await savePlace(
      db,
      { name: 'Mottaket Nord', kind: 'receptionCentre', address: 'Vei 2', lat: 60.1, lon: 11 },
      centre,
    );
    expect((await listPlaces(db)).map((p) => p.name)).toEqual(['Mottaket Nord', 'Voksenopplæringen']);
  });

  it('accepts a plan in one transaction, and the planned residents are scheduled', async () => {
    fresh();
    const placeId = uuidv7();
    const ids = [uuidv7(), uuidv7()];
    await acceptSessions(db, [session(ids[0]!, placeId), { ...session(ids[1]!, placeId), date: '2026-11-30' }]);
    expect((await listPlannedSessions(db)).map((s) => s.id)).toEqual([ids[1], ids[0]]);
    const outbox = await pendingBatch(db, 10);
    expect(outbox.map((o) => [o.entity, o.entityId])).toEqual([
      ['plannedSession', ids[0]],
      ['plannedSession', ids[1]],
    ]);
    expect(Object.keys(outbox[0]!.changes).sort()).toEqual(
      ['date', 'end', 'interpreter', 'language', 'mapper', 'placeId', 'slotMinutes', 'slots', 'start'].sort(),
    );
    expect(await scheduledResidentIds(db)).toEqual(new Set([a, b]));
  });

  it('a no-show or an attended resident is no longer scheduled', async () => {
    fresh();
    const s = session(uuidv7(), uuidv7());
    await acceptSessions(db, [s]);
    const [first, second] = s.slots;
    await updateSessionSlots(db, [
      {
        id: s.id,
        slots: [
          { ...first!, status: 'noShow' },
          { ...second!, status: 'attended' },
        ],
      },
    ]);
    expect(await scheduledResidentIds(db)).toEqual(new Set());
    expect((await pendingBatch(db, 10)).at(-1)?.changes['slots']?.value).toMatchObject([
      { status: 'noShow' },
      { status: 'attended' },
    ]);
  });

  it('refuses a session the server would reject, writing nothing', async () => {
    fresh();
    const bad = { ...session(uuidv7(), uuidv7()), slots: [] };
    await expect(acceptSessions(db, [bad])).rejects.toThrow();
    expect(await listPlannedSessions(db)).toEqual([]);
    expect(
      fieldProblem('plannedSession', 'slots', [
        { start: '9', end: '10:00', residentId: c, status: 'planned', locked: false },
      ]),
    ).not.toBeNull();
    expect(fieldProblem('place', 'kind', 'school')).not.toBeNull();
  });

  it('takes places and sessions from a pull into their tables', async () => {
    fresh();
    const placeId = uuidv7();
    const s = session(uuidv7(), placeId);
    const fields = Object.fromEntries(Object.entries(s).filter(([key]) => key !== 'id'));
    await applyServerChanges(db, {
      reset: false,
      cursor: 2,
      more: false,
      lastClientSeq: 0,
      conflicts: [],
      records: [
        {
          entity: 'place',
          id: placeId,
          version: 1,
          fields: { name: 'Rom 1', kind: 'mappingLocation', address: null, lat: 60, lon: 11 },
          fieldVersions: { name: 1 },
        },
        { entity: 'plannedSession', id: s.id, version: 2, fields, fieldVersions: { slots: 2 } },
      ],
    });
    expect((await listPlaces(db)).map((p) => p.name)).toEqual(['Rom 1']);
    expect(await scheduledResidentIds(db)).toEqual(new Set([a, b]));
  });
});
