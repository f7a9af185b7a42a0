/**
 * How many pending residents would miss their last usable date, given the free capacity per date.
 * Residents are counted by (first date index, last date index); within a date every slot serves any
 * resident, so earliest-deadline-first over dates is exact (a convex bipartite matching, Glover 1967)
 * and costs O(dates²) however many residents there are. Interpreter availability is not seen here:
 * the packer checks it per window, so with availability the count is a relaxation (never too high).
 */
export class DeadlineOracle {
  private readonly cells: Int32Array;
  private readonly backlog: Int32Array;
  /** Free slots per date index in windows not yet packed. */
  readonly capacity: Int32Array;

  constructor(readonly dates: number) {
    this.cells = new Int32Array(dates * dates);
    this.backlog = new Int32Array(dates);
    this.capacity = new Int32Array(dates);
  }

  add(lo: number, hi: number, n = 1): void {
    this.cells[lo * this.dates + hi] = (this.cells[lo * this.dates + hi] ?? 0) + n;
  }

  remove(lo: number, hi: number, n = 1): void {
    this.add(lo, hi, -n);
  }

  /**
   * Residents that cannot be placed when packing resumes on date index `from` with `extra` more
   * slots on that date (the window being packed). Pending residents whose last date is before `from`
   * all count as missed.
   */
  deficit(from: number, extra: number): number {
    const n = this.dates;
    const backlog = this.backlog;
    backlog.fill(0);
    let missed = 0;
    for (let t = 0; t < n; t++) {
      const row = t * n;
      for (let h = 0; h < n; h++) backlog[h] = (backlog[h] ?? 0) + (this.cells[row + h] ?? 0);
      if (t < from) continue;
      if (t === from) {
        for (let h = 0; h < from; h++) {
          missed += backlog[h] ?? 0;
          backlog[h] = 0;
        }
      }
      let free = (this.capacity[t] ?? 0) + (t === from ? extra : 0);
      for (let h = t; h < n && free > 0; h++) {
        const take = Math.min(backlog[h] ?? 0, free);
        backlog[h] = (backlog[h] ?? 0) - take;
        free -= take;
      }
      missed += backlog[t] ?? 0;
      backlog[t] = 0;
    }
    return missed;
  }
}
