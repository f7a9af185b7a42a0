import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSessions } from '../../../src/domain/planning/plan.ts';
import { PlanInputSchema } from '../../../src/protocol/planInput.ts';
import { toMinutes } from '../../../src/domain/planning/time.ts';
import { naiveBookings, planInput, slotted } from './arbitraries.ts';

const RUNS = { numRuns: 300 };

describe('planSessions properties', () => {
  it('generated inputs are valid planner input', () => {
    fc.assert(
      fc.property(planInput({ restricted: true, locks: true }), (input) => {
        expect(PlanInputSchema.safeParse(input).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('books no slot twice, slots no resident twice, and accounts for everyone exactly once', () => {
    fc.assert(
      fc.property(planInput({ restricted: true, locks: true }), (input) => {
        const plan = planSessions(input);
        const slots = slotted(plan);
        const keys = slots.map((s) => `${s.windowId}@${s.start}`);
        expect(new Set(keys).size).toBe(keys.length);
        const ids = [...slots.map((s) => s.residentId), ...plan.unplaced.map((u) => u.residentId)];
        expect(ids.sort()).toEqual(input.residents.map((r) => r.id).sort());
        // Every slot lies inside its window.
        for (const s of plan.sessions) {
          const w = input.windows.find((x) => x.id === s.windowId);
          expect(w).toBeDefined();
          expect(toMinutes(s.start)).toBeGreaterThanOrEqual(toMinutes(w?.start ?? ''));
          expect(toMinutes(s.end)).toBeLessThanOrEqual(toMinutes(w?.end ?? ''));
        }
      }),
      RUNS,
    );
  });

  it('has every resident not reported late slotted on or before the deadline, and never before today or the earliest date', () => {
    fc.assert(
      fc.property(planInput({ restricted: true, locks: true }), (input) => {
        const plan = planSessions(input);
        const late = new Set(plan.late.map((l) => l.residentId));
        const locked = new Set((input.locked ?? []).map((l) => l.residentId));
        const residents = new Map(input.residents.map((r) => [r.id, r]));
        for (const s of slotted(plan)) {
          const r = residents.get(s.residentId);
          if (!r) throw new Error('unknown resident');
          if (!late.has(r.id)) expect(s.date <= r.deadline).toBe(true);
          else expect(s.date > r.deadline).toBe(true);
          if (!locked.has(r.id)) {
            expect(s.date >= input.today).toBe(true);
            expect(s.date >= (r.earliest ?? '')).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps one language per booking and every locked assignment where it was', () => {
    fc.assert(
      fc.property(planInput({ restricted: true, locks: true }), (input) => {
        const plan = planSessions(input);
        const language = new Map(input.residents.map((r) => [r.id, r.language]));
        for (const s of plan.sessions) {
          for (const slot of s.slots) if (slot.residentId) expect(language.get(slot.residentId)).toBe(s.language);
        }
        const where = new Map(slotted(plan).map((s) => [s.residentId, `${s.windowId}@${s.start}`]));
        for (const lock of input.locked ?? [])
          expect(where.get(lock.residentId)).toBe(`${lock.windowId}@${lock.start}`);
      }),
      RUNS,
    );
  });

  it('books a language with limited interpreter time only inside it', () => {
    fc.assert(
      fc.property(planInput({ restricted: true }), (input) => {
        const plan = planSessions(input);
        const times = input.interpreters?.[0]?.availability ?? [];
        const slots = plan.sessions
          .filter((x) => x.language === 'am' && times.length > 0)
          .flatMap((s) => s.slots.map((slot) => ({ date: s.date, ...slot })));
        for (const slot of slots) {
          const inside = times.some(
            (a) =>
              a.date === slot.date &&
              toMinutes(a.start) <= toMinutes(slot.start) &&
              toMinutes(slot.end) <= toMinutes(a.end),
          );
          expect(inside).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('meets the most deadlines possible (without interpreter restrictions the flow bound is exact)', () => {
    fc.assert(
      fc.property(planInput(), (input) => {
        const plan = planSessions(input);
        expect(plan.cost.deadlinesMissed).toBe(plan.lowerBound.deadlinesMissed);
        // Everyone who can be on time is slotted as the flow allows. A resident who cannot be (earliest
        // date after the deadline) only gets a slot left over: the planner does not yet move an on-time
        // resident to an earlier day to make room (docs/planning.md, known gap), so there the bound is
        // a bound, not exact.
        const forcedLate = input.residents.some((r) => r.earliest !== undefined && r.earliest > r.deadline);
        if (forcedLate) expect(plan.cost.unplaced).toBeGreaterThanOrEqual(plan.lowerBound.unplaced);
        else expect(plan.cost.unplaced).toBe(plan.lowerBound.unplaced);
      }),
      RUNS,
    );
  });

  it('needs no more bookings per language than a plan without grouping that meets the same deadlines', () => {
    let compared = 0;
    fc.assert(
      fc.property(planInput(), (input) => {
        const plan = planSessions(input);
        // Earliest deadline first meets every deadline when any plan can; compare only then.
        fc.pre(plan.cost.deadlinesMissed === 0);
        compared++;
        const naive = naiveBookings(input);
        const ours = new Map<string, number>();
        for (const s of plan.sessions) ours.set(s.language, (ours.get(s.language) ?? 0) + 1);
        for (const [language, n] of ours) expect(n).toBeLessThanOrEqual(naive.get(language) ?? 0);
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(50);
  });

  it('costs at least its lower bound, and the cost is what the sessions say', () => {
    fc.assert(
      fc.property(planInput({ restricted: true, locks: true }), (input) => {
        const plan = planSessions(input);
        const { cost, lowerBound } = plan;
        expect(cost.interpreterBookings).toBeGreaterThanOrEqual(lowerBound.interpreterBookings);
        expect(cost.idleMinutes).toBeGreaterThanOrEqual(lowerBound.idleMinutes);
        expect(cost.deadlinesMissed).toBeGreaterThanOrEqual(lowerBound.deadlinesMissed);
        expect(cost.unplaced).toBeGreaterThanOrEqual(lowerBound.unplaced);
        expect(cost.interpreterBookings).toBe(plan.sessions.filter((s) => s.interpreter).length);
        expect(cost.deadlinesMissed).toBe(plan.late.length + plan.unplaced.length);
        expect(cost.unplaced).toBe(plan.unplaced.length);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same week in another order gives the same plan', () => {
    fc.assert(
      fc.property(planInput({ restricted: true, locks: true }), fc.integer(), (input, seed) => {
        const shuffled = {
          ...input,
          residents: [...input.residents].sort(
            (a, b) => ((a.id.charCodeAt(2) * seed) % 7) - ((b.id.charCodeAt(2) * seed) % 7),
          ),
          windows: [...input.windows].reverse(),
        };
        expect(planSessions(shuffled)).toEqual(planSessions(input));
      }),
      { numRuns: 100 },
    );
  });
});
