import { addDays, format, parseISO } from 'date-fns';
import type { WorkingList } from '../../src/client/roster/workingLists.ts';
import type { GeneratedNir, ListRow } from '../fixtures/nir/generate.ts';

/**
 * What every working list should count after importing a generated pair into an empty roster,
 * worked out from the generator's own answer (each person's expected class and permit date), not
 * from the app's code: the deadline is the permit date + 14 days; "due soon" is today to today + 3,
 * "this week" today to Sunday.
 */
export function expectedListCounts(generated: GeneratedNir, today: string): Record<WorkingList, number> {
  const iso = (d: Date) => format(d, 'yyyy-MM-dd');
  const day = parseISO(today);
  const soonEnd = iso(addDays(day, 3));
  const weekEnd = iso(addDays(day, (7 - day.getDay()) % 7));
  const e = generated.expected;
  const counts: Record<WorkingList, number> = {
    all: e.targetGroup + e.exempt + e.outsideAge + e.onlyInA + e.onlyInB + e.needsReview,
    overdue: 0,
    dueSoon: 0,
    dueThisWeek: 0,
    unscheduled: e.targetGroup + e.needsReview,
    scheduled: 0,
    mapped: 0,
    needsReview: e.needsReview,
    notInTargetGroup: e.exempt + e.outsideAge + e.onlyInA + e.onlyInB,
    unlisted: 0,
  };
  for (const p of generated.people) {
    if ((p.expected !== 'targetGroup' && p.expected !== 'needsReview') || !p.permitDate) continue;
    const deadline = iso(addDays(parseISO(p.permitDate), 14));
    if (deadline < today) counts.overdue++;
    else {
      if (deadline <= soonEnd) counts.dueSoon++;
      if (deadline <= weekEnd) counts.dueThisWeek++;
    }
  }
  return counts;
}

/** A list row's DUF as the roster stores it (the generator writes some with spaces). */
export const dufOf = (row: ListRow): string => (row.duf ?? '').replace(/\s/g, '');
