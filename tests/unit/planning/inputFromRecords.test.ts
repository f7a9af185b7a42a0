import { describe, expect, it } from 'vitest';
import { freeWindows, inputFromRecords, type RecordsInput } from '../../../src/domain/planning/inputFromRecords.ts';
import { planSessions } from '../../../src/domain/planning/plan.ts';
import type { PlannedSession } from '../../../src/domain/planning/records.ts';
import { PlanInputSchema } from '../../../src/protocol/planInput.ts';

const room = {
  id: 'room',
  name: 'Voksenopplæringen',
  kind: 'mappingLocation',
  address: 'Skolegata 1',
  lat: 61.1153,
  lon: 10.4662,
} as const;
const centre = {
  id: 'centre',
  name: 'Fjellheim mottak',
  kind: 'receptionCentre',
  address: null,
  lat: 61.3153,
  lon: 10.3462,
} as const;
const window = { id: 'w', date: '2026-12-01', start: '09:00', end: '13:00', placeId: 'room', mapper: 'Kari' };

const accepted = (slots: PlannedSession['slots'], date = '2026-12-01'): PlannedSession => ({
  id: 's1',
  date,
  start: '10:00',
  end: '11:00',
  placeId: 'room',
  mapper: 'Kari',
  slotMinutes: 60,
  language: 'Arabisk',
  interpreter: { language: 'Arabisk', category: null, mode: 'inPerson' },
  slots,
});

const base: RecordsInput = {
  today: '2026-11-30',
  slotMinutes: 60,
  busTicketKm: 6,
  places: [room, centre],
  residents: [
    { id: 'a', deadline: '2026-12-04', language: 'Arabisk', receptionCentre: 'FJELLHEIM MOTTAK ' },
    { id: 'b', deadline: '2026-12-04', language: 'Arabisk', receptionCentre: 'Fjellheim mottak' },
    { id: 'c', deadline: null, language: 'Arabisk', receptionCentre: 'Fjellheim mottak' },
    { id: 'd', deadline: '2026-12-04', language: 'Tigrinja', receptionCentre: 'Åsen mottak' },
    { id: 'e', deadline: '2026-12-04', language: null, receptionCentre: 'Fjellheim mottak' },
  ],
  windows: [window],
  sessions: [],
};

describe('the planner input from stored records', () => {
  it('matches centres by name, and says who cannot be planned and why', () => {
    const { input, notPlannable } = inputFromRecords(base);
    expect(PlanInputSchema.safeParse(input).success).toBe(true);
    expect(input.residents.map((r) => [r.id, r.receptionCentre])).toEqual([
      ['a', 'centre'],
      ['b', 'centre'],
    ]);
    expect(notPlannable).toEqual([
      { residentId: 'c', reason: 'noDeadline' },
      { residentId: 'd', reason: 'unknownReceptionCentre' },
      { residentId: 'e', reason: 'noLanguage' },
    ]);
    expect(planSessions(input).sessions.flatMap((s) => s.slots.map((slot) => slot.residentId))).toEqual(['a', 'b']);
  });

  it('leaves accepted residents where they are and plans a no-show from the next day', () => {
    const sessions = [
      accepted([
        { start: '10:00', end: '11:00', residentId: 'a', status: 'planned', locked: false },
        { start: '11:00', end: '12:00', residentId: 'b', status: 'noShow', locked: false },
      ]),
    ];
    const { input } = inputFromRecords({ ...base, sessions });
    expect(input.residents).toEqual([
      { id: 'b', deadline: '2026-12-04', language: 'Arabisk', receptionCentre: 'centre', earliest: '2026-12-02' },
    ]);
    // The accepted session's hour is no longer free.
    expect(input.windows.map((w) => [w.id, w.start, w.end])).toEqual([
      ['w#1', '09:00', '10:00'],
      ['w#2', '11:00', '13:00'],
    ]);
  });

  it('takes an accepted session out of windows of the same place or the same mapper only', () => {
    const session = accepted([{ start: '10:00', end: '11:00', residentId: 'a', status: 'planned', locked: false }]);
    const other = { ...window, id: 'x', placeId: 'elsewhere', mapper: 'Ola' };
    const sameMapper = { ...window, id: 'y', placeId: 'elsewhere' };
    const otherDay = { ...window, id: 'z', date: '2026-12-02' };
    const free = freeWindows([other, sameMapper, otherDay], [session]);
    expect(free.map((w) => [w.id, w.start, w.end])).toEqual([
      ['x', '09:00', '13:00'],
      ['y#1', '09:00', '10:00'],
      ['y#2', '11:00', '13:00'],
      ['z', '09:00', '13:00'],
    ]);
    expect(freeWindows([{ ...window, start: '10:00', end: '11:00' }], [session])).toEqual([]);
  });
});
