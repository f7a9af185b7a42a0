import { mergeBlocks } from './improve.ts';
import { layoutWindow } from './layout.ts';
import { lowerBound } from './lowerBound.ts';
import type { Cost, Plan, PlanInput } from './model.ts';
import { selectOnTime } from './onTime.ts';
import { PACK_STYLES, pack, type PackStyle } from './pack.ts';
import { buildProblem, type PResident, type Problem } from './problem.ts';
import { planCost, toSessions } from './sessions.ts';

/**
 * Proposes the sessions for the residents due. Deterministic: the same input gives the same plan
 * (no clock, no randomness; ties broken by id and time). In order of priority it
 * 1. keeps locked assignments as they are;
 * 2. slots as many residents as possible on or before their deadline (`selectOnTime`);
 * 3. slots the rest as early as capacity allows after it, each with the reason its deadline is missed;
 * 4. groups each language into as few interpreter bookings as it can (`pack`, then `mergeBlocks`),
 *    each booking one continuous run of slots, so the interpreter does not wait between residents.
 * It packs once per `PACK_STYLES` entry and keeps the cheapest plan (the first on a tie).
 */
export function planSessions(input: PlanInput): Plan {
  const p = buildProblem(input);
  const free = p.residents.filter((r) => r.lockedWindow < 0);
  const selection = selectOnTime(p, free);
  // Packing and merging change only the windows' free slots and language counts: each style starts
  // again from the problem as built.
  const built = p.windows.map((w) => ({ free: w.free, counts: new Map(w.counts) }));
  let best: Attempt | null = null;
  for (const style of PACK_STYLES) {
    p.windows.forEach((w, i) => {
      const start = built[i] as (typeof built)[number];
      w.free = start.free;
      w.counts = new Map(start.counts);
    });
    const attempt = planWith(p, input, free, selection, style);
    if (!best || compareCost(attempt.plan.cost, best.plan.cost) < 0) best = attempt;
  }
  const { plan, assign, last } = best as Attempt;
  return { ...plan, lowerBound: lowerBound(p, assign, last) };
}

interface Attempt {
  plan: Omit<Plan, 'lowerBound'>;
  assign: Int32Array;
  last: Int32Array;
}

/** Deadlines first, then residents with no slot, then interpreter bookings, then idle time. */
function compareCost(a: Cost, b: Cost): number {
  return (
    a.deadlinesMissed - b.deadlinesMissed ||
    a.unplaced - b.unplaced ||
    a.interpreterBookings - b.interpreterBookings ||
    a.idleMinutes - b.idleMinutes
  );
}

function planWith(
  p: Problem,
  input: PlanInput,
  free: readonly PResident[],
  selection: ReturnType<typeof selectOnTime>,
  style: PackStyle,
): Attempt {
  const assign = new Int32Array(p.residents.length).fill(-1);
  const last = new Int32Array(p.residents.length);
  for (const r of p.residents) {
    if (r.lockedWindow >= 0) assign[r.index] = r.lockedWindow;
    last[r.index] = r.hi;
  }
  const { onTime } = selection;
  let late = [...selection.late];
  pack(p, assign, onTime, last, style);
  // Only with interpreter availability can the packer miss a deadline the selection thought possible.
  for (const r of onTime) {
    if ((assign[r.index] ?? -1) < 0) late.push({ resident: r, reason: 'noCapacityBeforeDeadline', unplaceable: null });
  }

  // Late residents: as soon as possible after the deadline, still grouped by language.
  const horizon = p.dates.length - 1;
  const placeable = late.filter((l) => l.unplaceable === null).map((l) => l.resident);
  for (const r of placeable) last[r.index] = horizon;
  pack(p, assign, placeable, last, style);
  mergeBlocks(p, assign, last);

  const members: PResident[][] = p.windows.map(() => []);
  for (const r of free) {
    const w = assign[r.index] ?? -1;
    if (w >= 0) (members[w] as PResident[]).push(r);
  }
  const layouts = p.windows.map((w) => layoutWindow(p, w, members[w.index] as PResident[], last));
  // A resident the packer had to drop from its deadline may still have found a slot on time after all.
  const dateOf = (r: PResident) => p.windows[assign[r.index] ?? -1]?.window.date ?? '';
  late = late.filter((l) => (assign[l.resident.index] ?? -1) < 0 || dateOf(l.resident) > l.resident.resident.deadline);
  const lockedLate = p.residents.filter((r) => r.lockedWindow >= 0 && dateOf(r) > r.resident.deadline);
  const lateIndex = new Set([...late.map((l) => l.resident.index), ...lockedLate.map((r) => r.index)]);
  const sessions = toSessions(p, input, layouts, lateIndex);
  const lateList = late
    .filter((l) => (assign[l.resident.index] ?? -1) >= 0)
    .map((l) => ({
      residentId: l.resident.resident.id,
      deadline: l.resident.resident.deadline,
      date: dateOf(l.resident),
      reason: l.reason,
    }));
  const unplaced = late
    .filter((l) => (assign[l.resident.index] ?? -1) < 0)
    .map((l) => ({
      residentId: l.resident.resident.id,
      deadline: l.resident.resident.deadline,
      reason: l.unplaceable ?? ('noCapacity' as const),
      lateReason: l.reason,
    }));
  for (const r of lockedLate) {
    const { id, deadline } = r.resident;
    lateList.push({ residentId: id, deadline, date: dateOf(r), reason: 'lockedAfterDeadline' });
  }
  const cost = planCost(sessions, lateList.length + unplaced.length, unplaced.length);
  return { plan: { sessions, late: lateList, unplaced, cost }, assign, last };
}
