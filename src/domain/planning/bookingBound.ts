import type { Problem, PWindow } from './problem.ts';

/**
 * The fewest interpreter bookings any plan needs to slot the same residents, each within the dates
 * the plan allows it (on or before the deadline when the plan has it on time). docs/planning.md
 * derives the three parts:
 *
 * 1. Capacity, per language and span of dates [s, t]: the residents whose usable dates lie inside the
 *    span must be in windows of the span; one booking lies in one window and holds at most the slots
 *    the language may use there (two bookings in one window together no more), so k bookings hold at
 *    most the k largest such capacities in the span.
 * 2. Dates, per language: every booking is on one date, and each resident's usable dates must contain
 *    the date of its booking: at least as many bookings as the fewest dates that meet every
 *    resident's range (interval stabbing, solved exactly by the earliest end first).
 * 3. Shared capacity, across languages: a language that gets a single booking has all its residents
 *    in that one window. If it has a resident who must come within a span, that window lies in the
 *    span, so all its residents use the span's slots. When the span cannot hold every such language
 *    whole beside what the other languages must have there, some need a second booking: at least
 *    the count left over when the smallest are fitted first.
 */
export function bookingBound(p: Problem, spans: readonly (readonly [number, number])[][], capacityFor: CapacityFor) {
  const perLanguage = spans.map((list, lang) =>
    p.needsInterpreter[lang] && list.length > 0
      ? Math.max(capacityBound(p, lang, list, capacityFor), stabbing(list))
      : 0,
  );
  return perLanguage.reduce((a, b) => a + b, 0) + sharedCapacityExtra(p, spans, perLanguage);
}

export type CapacityFor = (lang: number, w: PWindow) => number;

function inside(list: readonly (readonly [number, number])[], s: number, t: number): number {
  let n = 0;
  for (const [a, b] of list) if (a >= s && b <= t) n++;
  return n;
}

function capacityBound(
  p: Problem,
  lang: number,
  list: readonly (readonly [number, number])[],
  capacityFor: CapacityFor,
) {
  const dates = p.dates.length;
  const capacities = p.windows.map((w) => ({ date: w.dateIdx, cap: capacityFor(lang, w) }));
  let bound = 0;
  for (let s = 0; s < dates; s++) {
    for (let t = s; t < dates; t++) {
      const need = inside(list, s, t);
      if (need === 0) continue;
      const caps = capacities
        .filter((c) => c.date >= s && c.date <= t)
        .map((c) => c.cap)
        .sort((a, b) => b - a);
      let k = 0;
      for (let held = 0; held < need && k < caps.length; k++) held += caps[k] ?? 0;
      bound = Math.max(bound, k);
    }
  }
  return bound;
}

function stabbing(list: readonly (readonly [number, number])[]): number {
  const byEnd = [...list].sort((x, y) => x[1] - y[1] || x[0] - y[0]);
  let points = 0;
  let at = -Infinity;
  for (const [a, b] of byEnd) {
    if (a <= at) continue;
    at = b;
    points++;
  }
  return points;
}

function sharedCapacityExtra(p: Problem, spans: readonly (readonly [number, number])[][], perLanguage: number[]) {
  const dates = p.dates.length;
  let extra = 0;
  for (let s = 0; s < dates; s++) {
    for (let t = s; t < dates; t++) {
      let capacity = 0;
      for (const w of p.windows) {
        if (w.dateIdx < s || w.dateIdx > t) continue;
        for (let i = 0; i < w.slotCount; i++) if (w.usable || (w.locked[i] ?? -1) >= 0) capacity++;
      }
      let slack = capacity;
      const surplus: number[] = [];
      spans.forEach((list, lang) => {
        const need = inside(list, s, t);
        slack -= need;
        if (need > 0 && perLanguage[lang] === 1) surplus.push(list.length - need);
      });
      surplus.sort((a, b) => a - b);
      let fitted = 0;
      for (const n of surplus) {
        if (n > slack) break;
        slack -= n;
        fitted++;
      }
      extra = Math.max(extra, surplus.length - fitted);
    }
  }
  return extra;
}
