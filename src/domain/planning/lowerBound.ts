import { bookingBound } from './bookingBound.ts';
import { FlowNetwork } from './maxFlow.ts';
import type { Cost } from './model.ts';
import type { PResident, Problem, PWindow } from './problem.ts';

/**
 * A lower bound on the cost of any plan, shown beside the plan's own cost (docs/planning.md).
 *
 * Bookings: `bookingBound`, for the residents the plan slots, each within the dates the plan allows it.
 *
 * Late and unplaced: a maximum flow from residents (grouped by language and usable dates) to windows
 * (a language limited to the slots it may use, a window to its free slots) carries at least as many
 * residents as any real plan places, since it drops only the rule that a slot holds one resident.
 *
 * Idle minutes: 0 (nothing forces an empty slot inside a booking).
 */
export function lowerBound(p: Problem, assign: Int32Array, last: Int32Array): Cost {
  // Each placed resident's usable dates: its window's date when locked, else its range in the plan.
  const spans: [number, number][][] = p.languages.map(() => []);
  for (const r of p.residents) {
    if ((assign[r.index] ?? -1) < 0) continue;
    const locked = p.windows[r.lockedWindow]?.dateIdx;
    (spans[r.lang] as [number, number][]).push(locked === undefined ? [r.lo, last[r.index] ?? r.hi] : [locked, locked]);
  }
  const interpreterBookings = bookingBound(p, spans, (lang, w) => capacityFor(p, lang, w));
  const free = p.residents.filter((r) => r.lockedWindow < 0);
  const lockedLate = p.residents.filter(
    (r) => r.lockedWindow >= 0 && (p.windows[r.lockedWindow] as PWindow).window.date > r.resident.deadline,
  ).length;
  const onTime = maxPlaced(p, free, (r) => r.hi);
  const placed = maxPlaced(p, free, () => p.dates.length - 1);
  return {
    interpreterBookings,
    idleMinutes: 0,
    deadlinesMissed: free.length - onTime + lockedLate,
    unplaced: free.length - placed,
  };
}

/** Slots of `w` a resident of `lang` could have: none locked to another language, inside interpreter time. */
function capacityFor(p: Problem, lang: number, w: PWindow): number {
  const mask = p.availability.get(lang)?.[w.index];
  let n = 0;
  for (let i = 0; i < w.slotCount; i++) {
    const locked = w.locked[i] ?? -1;
    if (locked >= 0) n += p.residents[locked]?.lang === lang ? 1 : 0;
    else if (w.usable && (mask?.[i] ?? true)) n++;
  }
  return n;
}

/** The flow bound on how many of `residents` any plan can slot by `lastOf`. */
function maxPlaced(p: Problem, residents: readonly PResident[], lastOf: (r: PResident) => number): number {
  const groups = new Map<string, { lang: number; lo: number; hi: number; n: number }>();
  for (const r of residents) {
    const hi = lastOf(r);
    if (r.lo > hi) continue;
    const key = `${r.lang}:${r.lo}:${hi}`;
    const g = groups.get(key) ?? { lang: r.lang, lo: r.lo, hi, n: 0 };
    g.n++;
    groups.set(key, g);
  }
  const list = [...groups.values()];
  const usable = p.windows.filter((w) => w.usable);
  const source = 0;
  const sink = 1;
  const net = new FlowNetwork(2 + list.length + usable.length);
  usable.forEach((w, j) => net.addEdge(2 + list.length + j, sink, unlockedSlots(w)));
  list.forEach((g, i) => {
    net.addEdge(source, 2 + i, g.n);
    usable.forEach((w, j) => {
      if (w.dateIdx < g.lo || w.dateIdx > g.hi) return;
      const cap = capacityFor(p, g.lang, w);
      if (cap > 0) net.addEdge(2 + i, 2 + list.length + j, cap);
    });
  });
  return net.maxFlow(source, sink);
}

function unlockedSlots(w: PWindow): number {
  let n = 0;
  for (const i of w.locked) if (i < 0) n++;
  return n;
}
