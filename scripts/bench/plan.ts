import { planSessions } from '../../src/domain/planning/plan.ts';
import { generatePlanning } from '../../tests/fixtures/planning/generate.ts';
import { goalRow, median, row, type Row } from './report.ts';

/**
 * The session planner (src/domain/planning/) on a generated week of the size issue 7 names: 500
 * residents, 15 languages, 10 working days, 3 rooms (tests/fixtures/planning/generate.ts, seed 1,
 * the weekly routine). In-process in Node: the time is `planSessions` alone, after one warm-up run.
 */

const RUNS = 7;
const TIME_GOAL_MS = 200;
const GAP_GOAL_PERCENT = 10;

export function planRows(): Row[] {
  const input = generatePlanning({ seed: 1 });
  const plan = planSessions(input);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    planSessions(input);
    times.push(Math.round((performance.now() - started) * 10) / 10);
  }
  const { interpreterBookings: bookings } = plan.cost;
  const bound = plan.lowerBound.interpreterBookings;
  const size = `${input.residents.length} residents, 15 languages, 10 working days, 3 rooms`;
  return [
    goalRow(`Planner: ${size} (median of ${RUNS})`, median(times), 'ms', { max: TIME_GOAL_MS }, times),
    row('Planner: interpreter bookings in the plan', bookings, 'bookings'),
    row('Planner: lower bound on interpreter bookings', bound, 'bookings'),
    goalRow('Planner: bookings above the lower bound', Math.round((bookings / bound - 1) * 1000) / 10, '%', {
      max: GAP_GOAL_PERCENT,
    }),
  ];
}
