import { allowedSlots, type PResident, type Problem, type PWindow } from './problem.ts';

/** The packer's result as a mutable assignment, with the windows' counts and free slots kept in step. */
export class Assignment {
  /** Unlocked residents per language. */
  private readonly byLang: PResident[][];
  /** Locked residents per window and language. */
  private readonly locked: Map<number, number>[];

  constructor(
    readonly p: Problem,
    readonly assign: Int32Array,
    readonly last: Int32Array,
  ) {
    this.byLang = p.languages.map(() => []);
    this.locked = p.windows.map(() => new Map());
    for (const r of p.residents) {
      if (r.lockedWindow < 0) (this.byLang[r.lang] as PResident[]).push(r);
      else {
        const m = this.locked[r.lockedWindow] as Map<number, number>;
        m.set(r.lang, (m.get(r.lang) ?? 0) + 1);
      }
    }
  }

  members(lang: number, w?: PWindow): PResident[] {
    return (this.byLang[lang] ?? []).filter((r) =>
      w ? this.assign[r.index] === w.index : this.assign[r.index] !== -1,
    );
  }
  windowsOf(lang: number): PWindow[] {
    return this.p.windows.filter((w) => this.count(lang, w) > 0);
  }
  count(lang: number, w: PWindow): number {
    return w.counts.get(lang) ?? 0;
  }
  languagesIn(w: PWindow): number[] {
    return [...w.counts.keys()].sort((a, b) => this.count(a, w) - this.count(b, w) || a - b);
  }
  hasLocked(lang: number, w: PWindow): boolean {
    return (this.locked[w.index]?.get(lang) ?? 0) > 0;
  }

  move(r: PResident, to: PWindow): void {
    const from = this.p.windows[this.assign[r.index] ?? -1];
    if (from) {
      from.free++;
      const n = this.count(r.lang, from) - 1;
      if (n > 0) from.counts.set(r.lang, n);
      else from.counts.delete(r.lang);
    }
    this.assign[r.index] = to.index;
    to.free--;
    to.counts.set(r.lang, this.count(r.lang, to) + 1);
  }

  /**
   * Puts all of `lang`'s residents into `targets` (which already hold some of them), if they fit,
   * with at most `limit` of them in the windows it names.
   */
  reassign(lang: number, targets: readonly PWindow[], limit?: ReadonlyMap<PWindow, number>): boolean {
    const residents = this.members(lang);
    const mine = new Map<PWindow, number>();
    for (const r of residents) {
      const w = this.p.windows[this.assign[r.index] ?? -1] as PWindow;
      mine.set(w, (mine.get(w) ?? 0) + 1);
    }
    const capacity = targets.map((w) => {
      const locked = this.count(lang, w) - (mine.get(w) ?? 0);
      const room = Math.min((mine.get(w) ?? 0) + w.free, allowedSlots(this.p, lang, w) - locked);
      return Math.min(room, limit?.get(w) ?? room);
    });
    // Most attempts fail for want of room: cheaper to see that by counting.
    if (capacity.reduce((a, b) => a + b, 0) < residents.length) return false;
    const result = earliestDeadlineFirst(residents, targets, capacity, this.last);
    if (!result) return false;
    for (const [w, n] of mine) {
      w.free += n;
      const keep = this.count(lang, w) - n;
      if (keep > 0) w.counts.set(lang, keep);
      else w.counts.delete(lang);
    }
    for (const r of residents) this.assign[r.index] = -1;
    for (const [r, w] of result) this.move(r, w);
    return true;
  }

  /**
   * Moves `lang`'s whole block out of window `from` to one other window where every one of its
   * residents may go: one already holding `lang` if any has room, else the tightest fit. Never into
   * `avoid` (the windows the merge works on), nor for a language with limited interpreter time.
   */
  relocate(lang: number, from: PWindow, avoid: ReadonlySet<PWindow>): boolean {
    if (this.p.availability.has(lang)) return false;
    const block = this.members(lang, from);
    const fits = (w: PWindow) =>
      w !== from &&
      !avoid.has(w) &&
      w.usable &&
      w.free >= block.length &&
      block.every((r) => r.lo <= w.dateIdx && (this.last[r.index] ?? -1) >= w.dateIdx);
    const candidates = this.p.windows.filter(fits);
    const to =
      candidates.find((w) => this.count(lang, w) > 0) ??
      candidates.sort((a, b) => a.free - b.free || b.index - a.index)[0];
    if (!to) return false;
    for (const r of block) this.move(r, to);
    return true;
  }

  snapshot(): { assign: Int32Array; windows: { free: number; counts: Map<number, number> }[] } {
    return {
      assign: Int32Array.from(this.assign),
      windows: this.p.windows.map((w) => ({ free: w.free, counts: new Map(w.counts) })),
    };
  }
  restore(saved: ReturnType<Assignment['snapshot']>): void {
    this.assign.set(saved.assign);
    this.p.windows.forEach((w, i) => {
      const s = saved.windows[i];
      if (!s) return;
      w.free = s.free;
      w.counts = s.counts;
    });
  }
}

/** Glover's greedy over `windows` (in time order); null when someone is left over. */
function earliestDeadlineFirst(
  residents: readonly PResident[],
  windows: readonly PWindow[],
  capacity: readonly number[],
  last: Int32Array,
): Map<PResident, PWindow> | null {
  const byStart = [...residents].sort((a, b) => a.lo - b.lo || a.index - b.index);
  const lastOf = (r: PResident) => last[r.index] ?? -1;
  // Latest deadline first, so the most urgent is popped from the end.
  const waiting: PResident[] = [];
  const after = (a: PResident, b: PResident) => lastOf(a) - lastOf(b) || a.index - b.index;
  const result = new Map<PResident, PWindow>();
  let next = 0;
  for (const [i, w] of windows.entries()) {
    while (next < byStart.length && (byStart[next] as PResident).lo <= w.dateIdx) {
      const r = byStart[next++] as PResident;
      let lo = 0;
      let hi = waiting.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (after(waiting[mid] as PResident, r) > 0) lo = mid + 1;
        else hi = mid;
      }
      waiting.splice(lo, 0, r);
    }
    for (let room = capacity[i] ?? 0; room > 0 && waiting.length > 0; room--) {
      const r = waiting.pop() as PResident;
      if (lastOf(r) < w.dateIdx) return null;
      result.set(r, w);
    }
  }
  return result.size === residents.length ? result : null;
}
