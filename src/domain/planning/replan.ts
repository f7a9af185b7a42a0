import { addDays, format, parseISO } from 'date-fns';
import type { LockedAssignment, Plan, PlanInput } from './model.ts';

/**
 * The mapper stays in charge: an accepted plan becomes locks, so planning again never moves anyone
 * who has been told a time. These are pure functions over the planner's input; the UI stores the
 * result and runs `planSessions` on it.
 */

/** Every slotted resident of `plan` as a lock (except `except`), plus the input's own locks. */
export function locksFromPlan(plan: Plan, except: ReadonlySet<string> = new Set()): LockedAssignment[] {
  const locks: LockedAssignment[] = [];
  for (const s of plan.sessions) {
    for (const slot of s.slots) {
      if (slot.residentId !== null && !except.has(slot.residentId)) {
        locks.push({ residentId: slot.residentId, windowId: s.windowId, start: slot.start });
      }
    }
  }
  return locks;
}

export interface Attendance {
  /** Residents who were mapped: they leave the input. */
  attended?: readonly string[];
  /** Residents who did not come, with the date they missed: planned again from the next day. */
  noShows?: readonly { residentId: string; date: string }[];
}

/**
 * The input for planning again after attendance is known: everyone else keeps their slot (locked),
 * those mapped are gone, and each no-show may come from the day after the missed one (and not
 * before `today`), so the planner finds them a slot before their deadline if one is left, or says
 * why not.
 */
export function replanInput(input: PlanInput, plan: Plan, attendance: Attendance, today: string): PlanInput {
  const attended = new Set(attendance.attended ?? []);
  const missed = new Map((attendance.noShows ?? []).map((n) => [n.residentId, n.date]));
  const residents = input.residents
    .filter((r) => !attended.has(r.id))
    .map((r) => {
      const date = missed.get(r.id);
      return date === undefined ? r : { ...r, earliest: earliestAfterNoShow(date, today, r.earliest) };
    });
  const locked = locksFromPlan(plan, new Set([...attended, ...missed.keys()]));
  return { ...input, today, residents, locked };
}

/** A no-show may come again from the day after the missed one, never before today or their own earliest. */
export function earliestAfterNoShow(missed: string, today: string, earliest?: string): string {
  const next = format(addDays(parseISO(missed), 1), 'yyyy-MM-dd');
  return [next, today, earliest ?? ''].reduce((a, b) => (a > b ? a : b));
}
