import type { Resident } from '../../domain/resident.ts';

/**
 * The roster's working lists: who is overdue, due soon, waiting for an appointment, mapped, or not
 * to be mapped at all. A resident may be in several (overdue and unscheduled, say); "all" holds
 * everyone. Each resident's lists are one bit mask, computed once per roster change, so switching
 * lists, filtering and searching are plain loops over 10,000 numbers and strings.
 *
 * "To be mapped": in the target group, in need of review (they may be), or added by hand (a mapper
 * added them to map them) — and still listed. "Open": to be mapped and not yet mapped.
 */

export const WORKING_LISTS = [
  'all',
  'overdue',
  'dueSoon',
  'dueThisWeek',
  'unscheduled',
  'scheduled',
  'mapped',
  'needsReview',
  'notInTargetGroup',
  'unlisted',
] as const;
export type WorkingList = (typeof WORKING_LISTS)[number];

/** "Due soon": the deadline is today or within this many days. */
export const DUE_SOON_DAYS = 3;

const BIT: Readonly<Record<WorkingList, number>> = Object.fromEntries(
  WORKING_LISTS.map((list, i) => [list, 1 << i]),
) as Record<WorkingList, number>;

export function inList(mask: number, list: WorkingList): boolean {
  return (mask & BIT[list]) !== 0;
}

/** What the working lists know besides the resident records. */
export interface RosterFacts {
  /** Residents with a completed mapping. */
  mapped: ReadonlySet<string>;
  /** Residents with a planned session (none until sessions exist: see db/sessions.ts). */
  scheduled: ReadonlySet<string>;
}

export const NOBODY: ReadonlySet<string> = new Set();

/** The calendar around "today" (in Oslo): ISO dates, compared as strings. */
export interface DayWindow {
  today: string;
  /** Last day of "due soon". */
  soonEnd: string;
  /** Sunday of this week (weeks start on Monday in Norway). */
  weekEnd: string;
}

export function dayWindow(today: string): DayWindow {
  // Calendar arithmetic on UTC midnights: no time zone or daylight-saving change can move a day.
  // (Plain Date arithmetic keeps date-fns out of the roster screen's chunk.)
  const day = new Date(`${today}T00:00:00Z`);
  const plus = (days: number) => new Date(day.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const daysToSunday = (7 - day.getUTCDay()) % 7;
  return { today, soonEnd: plus(DUE_SOON_DAYS), weekEnd: plus(daysToSunday) };
}

type ListedResident = Pick<Resident, 'id' | 'rosterClass' | 'deadline' | 'unlisted'>;

const NOT_IN_TARGET_GROUP: ReadonlySet<string> = new Set(['exempt', 'outsideAge', 'onlyInA', 'onlyInB']);

/** The lists a resident is in, as a bit mask. */
export function listMask(r: ListedResident, facts: RosterFacts, window: DayWindow): number {
  let mask = BIT.all;
  const mapped = facts.mapped.has(r.id);
  if (mapped) mask |= BIT.mapped;
  if (r.unlisted) return mask | BIT.unlisted;
  const cls = r.rosterClass ?? null;
  if (cls === 'needsReview') mask |= BIT.needsReview;
  if (cls !== null && NOT_IN_TARGET_GROUP.has(cls)) return mask | BIT.notInTargetGroup;
  if (mapped) return mask;
  mask |= facts.scheduled.has(r.id) ? BIT.scheduled : BIT.unscheduled;
  const deadline = r.deadline;
  if (deadline) {
    if (deadline < window.today) mask |= BIT.overdue;
    else {
      if (deadline <= window.soonEnd) mask |= BIT.dueSoon;
      if (deadline <= window.weekEnd) mask |= BIT.dueThisWeek;
    }
  }
  return mask;
}

export function countLists(masks: Iterable<number>): Record<WorkingList, number> {
  const counts = Object.fromEntries(WORKING_LISTS.map((l) => [l, 0])) as Record<WorkingList, number>;
  for (const mask of masks) {
    for (const list of WORKING_LISTS) if (mask & BIT[list]) counts[list]++;
  }
  return counts;
}
