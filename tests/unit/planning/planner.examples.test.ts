import { describe, expect, it } from 'vitest';
import { busTicketNeeded, distanceKm } from '../../../src/domain/planning/distance.ts';
import type { PlanInput } from '../../../src/domain/planning/model.ts';
import { planSessions } from '../../../src/domain/planning/plan.ts';
import { day, slotted, TODAY } from './arbitraries.ts';

const places: PlanInput['places'] = [
  { id: 'room', name: 'Voksenopplæringen', kind: 'mappingLocation', lat: 61.1153, lon: 10.4662 },
  { id: 'near', name: 'Fjellheim mottak', kind: 'receptionCentre', lat: 61.1193, lon: 10.4762 },
  { id: 'far', name: 'Åsen mottak', kind: 'receptionCentre', lat: 61.3153, lon: 10.3462 },
];
const window = (id: string, n: number, start = '09:00', end = '12:00') => ({
  id,
  date: day(n),
  start,
  end,
  placeId: 'room',
  mapper: 'Kari',
});
const resident = (
  id: string,
  deadline: number,
  language = 'ar',
  extra: { earliest?: string; receptionCentre?: string } = {},
) => ({
  id,
  deadline: day(deadline),
  language,
  receptionCentre: 'near',
  ...extra,
});

describe('planSessions examples', () => {
  it('puts residents who share a language in one continuous booking', () => {
    const plan = planSessions({
      today: TODAY,
      places,
      windows: [window('mon', 0, '09:00', '15:00')],
      residents: [
        resident('a1', 3, 'ar'),
        resident('t1', 3, 'ti'),
        resident('a2', 3, 'ar'),
        resident('t2', 3, 'ti'),
        resident('a3', 3, 'ar'),
      ],
    });
    expect(plan.sessions.map((s) => [s.language, s.start, s.end, s.slots.map((x) => x.residentId)])).toEqual([
      ['ar', '09:00', '12:00', ['a1', 'a2', 'a3']],
      ['ti', '12:00', '14:00', ['t1', 't2']],
    ]);
    expect(plan.cost).toEqual({ interpreterBookings: 2, idleMinutes: 0, deadlinesMissed: 0, unplaced: 0 });
    expect(plan.lowerBound.interpreterBookings).toBe(2);
  });

  it('says why a deadline cannot be met, and slots the resident as soon as it can after it', () => {
    const plan = planSessions({
      today: TODAY,
      places,
      windows: [window('mon', 0, '09:00', '10:00'), window('wed', 2, '09:00', '14:00')],
      interpreters: [{ language: 'am', availability: [{ date: day(2), start: '09:00', end: '12:00' }] }],
      residents: [
        resident('passed', -2),
        resident('cannot-come', 1, 'ar', { earliest: day(3) }),
        resident('no-window', 1, 'ti', { earliest: day(1) }),
        resident('no-interpreter', 1, 'am'),
        resident('so-first', 0, 'so'),
        resident('so-second', 0, 'so'),
      ],
    });
    const reasons = Object.fromEntries(plan.late.map((l) => [l.residentId, l.reason]));
    expect(reasons).toEqual({
      passed: 'deadlinePassed',
      'no-window': 'noWindowBeforeDeadline',
      'no-interpreter': 'noInterpreterBeforeDeadline',
      'so-second': 'noCapacityBeforeDeadline',
    });
    expect(plan.late.every((l) => l.date === day(2))).toBe(true);
    // Wednesday is the last window: a resident who can come only from Thursday gets no slot.
    expect(plan.unplaced).toEqual([
      { residentId: 'cannot-come', deadline: day(1), reason: 'noWindow', lateReason: 'earliestAfterDeadline' },
    ]);
    expect(plan.cost.deadlinesMissed).toBe(5);
    expect(plan.lowerBound.deadlinesMissed).toBe(5);
  });

  it('leaves a resident unplaced when no slot is left at all', () => {
    const plan = planSessions({
      today: TODAY,
      places,
      windows: [window('mon', 0, '09:00', '10:00')],
      residents: [resident('a', 0), resident('b', 0)],
    });
    expect(plan.unplaced).toEqual([
      { residentId: 'b', deadline: day(0), reason: 'noCapacity', lateReason: 'noCapacityBeforeDeadline' },
    ]);
  });

  it('marks a bus ticket when the place is more than the threshold from the reception centre', () => {
    const input: PlanInput = {
      today: TODAY,
      places,
      windows: [window('mon', 0)],
      residents: [resident('n', 1), resident('f', 1, 'ar', { receptionCentre: 'far' })],
    };
    const slots = planSessions(input).sessions.flatMap((s) => s.slots);
    expect(slots.map((s) => [s.residentId, s.busTicket])).toEqual([
      ['f', true],
      ['n', false],
    ]);
    expect(slots[0]?.distanceKm).toBeCloseTo(23.1, 1);
    const lenient = planSessions({ ...input, busTicketKm: 30 }).sessions.flatMap((s) => s.slots);
    expect(lenient.every((s) => s.busTicket === false)).toBe(true);
  });

  it('measures straight-line distance with the haversine formula', () => {
    // Oslo S to Bergen stasjon: about 305 km as the crow flies.
    expect(distanceKm({ lat: 59.9111, lon: 10.7528 }, { lat: 60.3903, lon: 5.3328 })).toBeCloseTo(305, -1);
    expect(busTicketNeeded(6, 6)).toBe(false);
    expect(busTicketNeeded(6.01, 6)).toBe(true);
  });

  it('books no interpreter for a language the mappers share, and gives the interpreter terms', () => {
    const plan = planSessions({
      today: TODAY,
      places,
      windows: [window('mon', 0)],
      sharedLanguages: ['en'],
      interpreters: [{ language: 'ti', category: 'B', mode: 'video' }],
      residents: [resident('e', 1, 'en'), resident('t', 1, 'ti')],
    });
    const byLanguage = Object.fromEntries(plan.sessions.map((s) => [s.language, s.interpreter]));
    expect(byLanguage).toEqual({ en: null, ti: { language: 'ti', category: 'B', mode: 'video' } });
    expect(plan.cost.interpreterBookings).toBe(1);
  });

  it('keeps locked residents in their slots and builds the language block around them', () => {
    const plan = planSessions({
      today: TODAY,
      places,
      windows: [window('mon', 0, '09:00', '14:00')],
      residents: [resident('a1', 2), resident('a2', 2), resident('t1', 2, 'ti'), resident('a3', 2)],
      locked: [{ residentId: 'a3', windowId: 'mon', start: '11:00' }],
    });
    const at = Object.fromEntries(slotted(plan).map((s) => [s.residentId, s.start]));
    expect(at.a3).toBe('11:00');
    expect(plan.sessions.filter((s) => s.language === 'ar')).toHaveLength(1);
    expect(plan.cost.idleMinutes).toBe(0);
    expect(plan.sessions.find((s) => s.language === 'ar')?.slots.find((s) => s.residentId === 'a3')?.locked).toBe(true);
  });

  it('slots no one before today, but keeps a locked resident in a past window', () => {
    const plan = planSessions({
      today: day(1),
      places,
      windows: [window('mon', 0), window('tue', 1)],
      residents: [resident('old', 3), resident('new', 3)],
      locked: [{ residentId: 'old', windowId: 'mon', start: '09:00' }],
    });
    const at = Object.fromEntries(slotted(plan).map((s) => [s.residentId, s.windowId]));
    expect(at).toEqual({ old: 'mon', new: 'tue' });
  });
});
