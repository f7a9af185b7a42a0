import type { LateReason, UnplacedReason } from './model.ts';
import { allowedSlots, compare, type PResident, type Problem } from './problem.ts';

/**
 * Which residents can be slotted on or before their deadline. Glover's greedy: windows in time
 * order, each slot to the waiting resident whose deadline comes first. Without interpreter
 * availability this is exact (a maximum matching of a convex bipartite graph); with it, a resident
 * whose language cannot use a window is passed over there, which is a good but not always best choice.
 * The residents it leaves out get the reason their deadline cannot be met.
 */
export function selectOnTime(p: Problem, free: readonly PResident[]): { onTime: PResident[]; late: LateSelection[] } {
  const dates = p.dates.length;
  const waiting: PResident[][] = Array.from({ length: dates }, () => []);
  const byStart = [...free].filter((r) => r.lo <= r.hi).sort((a, b) => a.lo - b.lo || a.index - b.index);
  const chosen = new Set<PResident>();
  let next = 0;
  for (const w of p.windows) {
    if (!w.usable) continue;
    while (next < byStart.length && (byStart[next] as PResident).lo <= w.dateIdx) {
      const r = byStart[next++] as PResident;
      (waiting[r.hi] as PResident[]).push(r);
    }
    let capacity = w.free;
    // A language with limited interpreter time gets at most its stretch of this window.
    const confined = new Map<number, number>();
    for (let h = w.dateIdx; h < dates && capacity > 0; h++) {
      // Real deadlines first within a day, then id: the order a plan without grouping would use.
      const bucket = (waiting[h] as PResident[]).sort(
        (a, b) => compare(a.resident.deadline, b.resident.deadline) || a.index - b.index,
      );
      const kept: PResident[] = [];
      for (const r of bucket) {
        const room = p.availability.has(r.lang) ? allowedSlots(p, r.lang, w) - (confined.get(r.lang) ?? 0) : capacity;
        if (capacity > 0 && room > 0) {
          chosen.add(r);
          capacity--;
          if (p.availability.has(r.lang)) confined.set(r.lang, (confined.get(r.lang) ?? 0) + 1);
        } else kept.push(r);
      }
      waiting[h] = kept;
    }
  }
  const onTime = free.filter((r) => chosen.has(r));
  const late = free.filter((r) => !chosen.has(r)).map((r) => ({ resident: r, ...lateReason(p, r) }));
  return { onTime, late };
}

export interface LateSelection {
  resident: PResident;
  reason: LateReason;
  /** Set when no window after the earliest date can take the resident at all. */
  unplaceable: UnplacedReason | null;
}

function lateReason(p: Problem, r: PResident): Omit<LateSelection, 'resident'> {
  const { deadline, earliest } = r.resident;
  const from = earliest && earliest > p.today ? earliest : p.today;
  const usableIn = (to: string) => p.windows.filter((w) => w.usable && w.window.date >= from && w.window.date <= to);
  const anyAfter = usableIn('9999-12-31');
  const unplaceable =
    anyAfter.length === 0
      ? 'noWindow'
      : anyAfter.every((w) => allowedSlots(p, r.lang, w) === 0)
        ? 'noInterpreter'
        : null;
  const before = usableIn(deadline);
  let reason: LateReason;
  if (deadline < p.today) reason = 'deadlinePassed';
  else if (earliest !== undefined && earliest > deadline) reason = 'earliestAfterDeadline';
  else if (before.length === 0) reason = 'noWindowBeforeDeadline';
  else if (before.every((w) => allowedSlots(p, r.lang, w) === 0)) reason = 'noInterpreterBeforeDeadline';
  else reason = 'noCapacityBeforeDeadline';
  return { reason, unplaceable };
}
