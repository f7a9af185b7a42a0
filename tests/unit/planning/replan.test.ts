import { describe, expect, it } from 'vitest';
import type { PlanInput } from '../../../src/domain/planning/model.ts';
import { planSessions } from '../../../src/domain/planning/plan.ts';
import { locksFromPlan, replanInput } from '../../../src/domain/planning/replan.ts';
import { generatePlanning } from '../../fixtures/planning/generate.ts';
import { day, slotted, TODAY } from './arbitraries.ts';

const input: PlanInput = {
  today: TODAY,
  places: [
    { id: 'room', name: 'Voksenopplæringen', kind: 'mappingLocation', lat: 61.1153, lon: 10.4662 },
    { id: 'centre', name: 'Fjellheim mottak', kind: 'receptionCentre', lat: 61.1193, lon: 10.4762 },
  ],
  windows: [0, 1, 2, 3].map((n) => ({
    id: `d${n}`,
    date: day(n),
    start: '09:00',
    end: '12:00',
    placeId: 'room',
    mapper: 'Kari',
  })),
  residents: [
    { id: 'a1', deadline: day(3), language: 'ar', receptionCentre: 'centre' },
    { id: 'a2', deadline: day(3), language: 'ar', receptionCentre: 'centre' },
    { id: 't1', deadline: day(1), language: 'ti', receptionCentre: 'centre' },
    { id: 't2', deadline: day(3), language: 'ti', receptionCentre: 'centre' },
  ],
};

describe('re-planning', () => {
  it('turns an accepted plan into locks that reproduce it', () => {
    const plan = planSessions(input);
    const again = planSessions({ ...input, locked: locksFromPlan(plan) });
    expect(slotted(again)).toEqual(slotted(plan));
  });

  it('plans a no-show again before the deadline and moves no one else', () => {
    const plan = planSessions(input);
    const t1 = slotted(plan).find((s) => s.residentId === 't1');
    expect(t1?.date).toBe(day(0));
    const next = replanInput(input, plan, { noShows: [{ residentId: 't1', date: day(0) }] }, day(1));
    const replanned = planSessions(next);
    const before = new Map(slotted(plan).map((s) => [s.residentId, `${s.windowId}@${s.start}`]));
    for (const s of slotted(replanned)) {
      if (s.residentId !== 't1') expect(`${s.windowId}@${s.start}`).toBe(before.get(s.residentId));
    }
    const moved = slotted(replanned).find((s) => s.residentId === 't1');
    expect(moved?.date).toBe(day(1));
    expect(replanned.late).toEqual([]);
  });

  it('says why when the no-show cannot be mapped before the deadline any more', () => {
    const plan = planSessions(input);
    const next = replanInput(input, plan, { noShows: [{ residentId: 't1', date: day(1) }] }, day(1));
    expect(planSessions(next).late).toEqual([
      { residentId: 't1', deadline: day(1), date: day(2), reason: 'earliestAfterDeadline' },
    ]);
  });

  it('drops those who attended and keeps their slots free', () => {
    const plan = planSessions(input);
    const next = replanInput(input, plan, { attended: ['a1'] }, day(1));
    expect(next.residents.map((r) => r.id)).not.toContain('a1');
    expect(next.locked?.map((l) => l.residentId)).not.toContain('a1');
  });

  it('re-plans a realistic week after no-shows without moving anyone else', () => {
    const week = generatePlanning({ seed: 11 });
    const plan = planSessions(week);
    const firstDay = slotted(plan).filter((s) => s.date === week.today);
    const noShows = firstDay.slice(0, 10).map((s) => ({ residentId: s.residentId, date: s.date }));
    expect(noShows).toHaveLength(10);
    const tomorrow = week.windows.map((w) => w.date).find((d) => d > week.today) ?? week.today;
    const replanned = planSessions(replanInput(week, plan, { noShows }, tomorrow));
    const before = new Map(slotted(plan).map((s) => [s.residentId, `${s.windowId}@${s.start}`]));
    const missed = new Set(noShows.map((n) => n.residentId));
    for (const s of slotted(replanned)) {
      if (missed.has(s.residentId)) expect(s.date >= tomorrow).toBe(true);
      else expect(`${s.windowId}@${s.start}`).toBe(before.get(s.residentId));
    }
    // The empty first-day slots are idle time only where a booking continues after them.
    expect(replanned.cost.unplaced).toBe(plan.cost.unplaced);
  });
});
