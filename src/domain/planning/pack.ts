import { DeadlineOracle } from './oracle.ts';
import { allowedSlots, type PResident, type Problem, type PWindow } from './problem.ts';

/**
 * Fills the windows in time order with language blocks. In each window it repeatedly adds the block
 * that costs no extra interpreter booking (see `Tier`), the most urgent language first, as long as
 * the deadline oracle says no pending resident is pushed past their last date by it. When no such
 * block fits it leaves the rest of the window empty if that is safe, and otherwise takes the single
 * most urgent resident, whose language the next round then extends (a "join", free again).
 *
 * `last[r]` is the last date index resident r may use: the deadline's for those who can be on time,
 * the horizon's for those already late. `assign[r]` receives the window index.
 */
export function pack(
  p: Problem,
  assign: Int32Array,
  pending: readonly PResident[],
  last: Int32Array,
  style: PackStyle = PACK_STYLES[0],
): void {
  const oracle = new DeadlineOracle(p.dates.length);
  for (const w of p.windows) if (w.usable) oracle.capacity[w.dateIdx] = (oracle.capacity[w.dateIdx] ?? 0) + w.free;
  const queues: PResident[][] = p.languages.map(() => []);
  const remaining = new Int32Array(p.languages.length);
  const lastOf = (r: PResident) => last[r.index] ?? -1;
  for (const r of pending) {
    (queues[r.lang] as PResident[]).push(r);
    remaining[r.lang] = (remaining[r.lang] ?? 0) + 1;
    oracle.add(r.lo, lastOf(r));
  }
  for (const q of queues) q.sort((a, b) => lastOf(a) - lastOf(b) || a.lo - b.lo || a.index - b.index);
  // The size of a full block: the largest window still ahead (windows are in time order).
  const fullFrom = new Int32Array(p.windows.length + 1);
  for (let i = p.windows.length - 1; i >= 0; i--) {
    const w = p.windows[i] as PWindow;
    fullFrom[i] = Math.max(fullFrom[i + 1] ?? 0, w.usable ? w.slotCount : 0);
  }

  const commit = (w: PWindow, taken: PResident[]) => {
    for (const r of taken) {
      assign[r.index] = w.index;
      remaining[r.lang] = (remaining[r.lang] ?? 0) - 1;
    }
    const lang = (taken[0] as PResident).lang;
    w.counts.set(lang, (w.counts.get(lang) ?? 0) + taken.length);
    w.free -= taken.length;
  };
  // Safe: after taking these, the rest of the window (still to be filled) and the windows ahead can
  // take everyone else who is pending without missing more residents than `base`.
  const safeWith = (w: PWindow, taken: PResident[], base: number) => {
    for (const r of taken) oracle.remove(r.lo, lastOf(r));
    const ok = oracle.deficit(w.dateIdx, w.free - taken.length) <= base;
    if (!ok) for (const r of taken) oracle.add(r.lo, lastOf(r));
    return ok;
  };

  for (const w of p.windows) {
    if (!w.usable || w.free === 0) continue;
    oracle.capacity[w.dateIdx] = (oracle.capacity[w.dateIdx] ?? 0) - w.free;
    const full = fullFrom[w.index] ?? w.slotCount;
    while (w.free > 0) {
      const base = oracle.deficit(w.dateIdx, w.free);
      const options = blockOptions(p, w, queues, remaining, lastOf, assign, full, style);
      const chosen = options.find((o) => o.tier <= style.voluntary && safeWith(w, o.eligible.slice(0, o.size), base));
      if (chosen) {
        commit(w, chosen.eligible.slice(0, chosen.size));
        continue;
      }
      if (oracle.deficit(w.dateIdx, 0) <= base) break;
      // Someone must come now: the language of the most urgent resident, in as large a block as stays
      // safe (taking one more of it can only crowd out others).
      const urgent = options.sort(
        (a, b) =>
          lastOf(a.eligible[0] as PResident) - lastOf(b.eligible[0] as PResident) ||
          (a.eligible[0] as PResident).index - (b.eligible[0] as PResident).index,
      )[0];
      if (!urgent) break;
      let size = 1;
      for (let hi = urgent.size; hi > size;) {
        const mid = Math.ceil((size + hi) / 2);
        const trial = urgent.eligible.slice(0, mid);
        if (safeWith(w, trial, base)) {
          for (const r of trial) oracle.add(r.lo, lastOf(r));
          size = mid;
        } else hi = mid - 1;
      }
      const taken = urgent.eligible.slice(0, size);
      for (const r of taken) oracle.remove(r.lo, lastOf(r));
      commit(w, taken);
    }
  }
}

/**
 * What adding a block costs in bookings: 0 join a language already in the window; 1 a language's
 * last residents, or a full window of one language; 2 enough of a large language that what is left
 * still needs no more full windows than before; 3 everyone of the language who can come now, though
 * more come later; 4 anything else (a split).
 */
type Tier = 0 | 1 | 2 | 3 | 4;

/**
 * How eagerly the packer fills a window: up to which tier it adds blocks without being forced, and
 * whether, among blocks of one tier and urgency, it first finishes a language or first takes the
 * largest block. No style wins on every week, so `planSessions` tries each and keeps the best plan.
 */
export interface PackStyle {
  voluntary: Tier;
  finishFirst: boolean;
}
export const PACK_STYLES: readonly [PackStyle, ...PackStyle[]] = [
  { voluntary: 3, finishFirst: true },
  { voluntary: 2, finishFirst: true },
  { voluntary: 3, finishFirst: false },
];

interface BlockOption {
  lang: number;
  tier: Tier;
  size: number;
  /** Residents of the language who may use this window, most urgent first. */
  eligible: PResident[];
  /** The block takes everyone of the language still to be placed. */
  finishes: boolean;
}

function blockOptions(
  p: Problem,
  w: PWindow,
  queues: readonly PResident[][],
  remaining: Int32Array,
  lastOf: (r: PResident) => number,
  assign: Int32Array,
  full: number,
  style: PackStyle,
): BlockOption[] {
  const restrictedHere = [...w.counts.keys()].some((l) => p.availability.has(l));
  const options: BlockOption[] = [];
  queues.forEach((queue, lang) => {
    const present = w.counts.get(lang) ?? 0;
    // One language with limited interpreter time per window, so its block can sit inside that time.
    if (p.availability.has(lang) && restrictedHere && present === 0) return;
    const limit = Math.min(w.free, allowedSlots(p, lang, w) - (p.availability.has(lang) ? present : 0));
    if (limit <= 0) return;
    const eligible = queue.filter((r) => assign[r.index] === -1 && r.lo <= w.dateIdx && lastOf(r) >= w.dateIdx);
    const q = eligible.length;
    if (q === 0) return;
    const rest = remaining[lang] ?? 0;
    const size = Math.min(q, limit);
    let tier: Tier;
    if (present > 0) tier = 0;
    else if (q <= limit && q === rest) tier = 1;
    else if (w.counts.size === 0 && w.free === limit && q >= limit) tier = 1;
    else if (q > limit && limit >= (rest % full || full)) tier = 2;
    else if (q <= limit) tier = 3;
    else tier = 4;
    options.push({ lang, tier, size, eligible, finishes: size === rest });
  });
  return options.sort(
    (a, b) =>
      a.tier - b.tier ||
      lastOf(a.eligible[0] as PResident) - lastOf(b.eligible[0] as PResident) ||
      (style.finishFirst ? Number(b.finishes) - Number(a.finishes) : 0) ||
      b.size - a.size ||
      a.lang - b.lang,
  );
}
