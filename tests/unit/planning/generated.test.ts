import { describe, expect, it } from 'vitest';
import { planSessions } from '../../../src/domain/planning/plan.ts';
import { PlanInputSchema } from '../../../src/protocol/planInput.ts';
import { generatePlanning } from '../../fixtures/planning/generate.ts';

// The done-when: a realistic generated week (500 residents, 15 languages, 10 working days,
// 3 rooms) meets every feasible deadline, and its interpreter bookings are within 10 % of the lower
// bound. Several seeds, so it is the planner and not one lucky roster that passes.
const SEEDS = [1, 2, 3, 4, 5, 6];

describe('planning a generated week', () => {
  it('generates valid, realistic input: a few large languages and a long tail', () => {
    const input = generatePlanning({ seed: 1 });
    expect(PlanInputSchema.safeParse(input).success).toBe(true);
    expect(input.residents).toHaveLength(500);
    const counts = new Map<string, number>();
    for (const r of input.residents) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
    const sizes = [...counts.values()].sort((a, b) => b - a);
    expect(sizes).toHaveLength(15);
    expect((sizes[0] ?? 0) + (sizes[1] ?? 0) + (sizes[2] ?? 0)).toBeGreaterThan(250);
    expect(sizes.at(-1)).toBeLessThan(10);
    expect(new Set(input.windows.map((w) => w.date)).size).toBe(10);
    expect(new Set(input.windows.map((w) => w.placeId)).size).toBe(3);
    expect(generatePlanning({ seed: 1 })).toEqual(input);
  });

  it.each(SEEDS)(
    'weekly routine, seed %i: every feasible deadline met, bookings within a tenth of the bound',
    (seed) => {
      const plan = planSessions(generatePlanning({ seed }));
      expect(plan.cost.deadlinesMissed).toBe(plan.lowerBound.deadlinesMissed);
      expect(plan.cost.unplaced).toBe(0);
      expect(plan.cost.idleMinutes).toBe(0);
      expect(plan.cost.interpreterBookings).toBeLessThanOrEqual(Math.floor(plan.lowerBound.interpreterBookings * 1.1));
    },
  );

  // The first run, with nobody planned yet and many due in the first days: the deadlines are still
  // all met that can be, but both the plan and the bound are further from the optimum (docs/planning.md).
  it.each([1, 2, 3])('backlog, seed %i: every feasible deadline met', (seed) => {
    const plan = planSessions(generatePlanning({ seed, scenario: 'backlog' }));
    expect(plan.cost.deadlinesMissed).toBe(plan.lowerBound.deadlinesMissed);
    expect(plan.cost.interpreterBookings).toBeLessThanOrEqual(Math.ceil(plan.lowerBound.interpreterBookings * 1.4));
  });
});
