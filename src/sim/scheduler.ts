/**
 * Virtual time for the simulation, so that a seed reproduces a run exactly.
 *
 * Actors (a tablet's user, a tablet's sync run) are async functions. Exactly ONE actor runs at a
 * time: it keeps the turn across real awaits (HTTP to the server, IndexedDB) and gives it up only by
 * `sleep`ing in virtual time (thinking, a request on the wire). The next turn goes to the waiter with
 * the earliest wake-up time, ties broken by the order they went to sleep. The server therefore sees
 * requests in an order fixed by the seed, while a delayed request still lets other tablets (and the
 * same tablet's user) act before it arrives.
 *
 * Invariant for actors: never await another actor's promise directly (it cannot run while you hold
 * the turn); poll with `sleep` instead.
 */
interface Waiter {
  at: number;
  seq: number;
  wake: () => void;
}

export class Scheduler {
  /** Virtual milliseconds since the start. */
  now = 0;
  private seq = 0;
  private readonly queue: Waiter[] = [];
  private running = false;
  private live = 0;
  private finished: (() => void) | null = null;
  private failure: { error: unknown } | null = null;

  /** Starts an actor `delay` virtual ms from now (it runs once it gets the turn). */
  spawn(actor: () => Promise<void>, delay = 0): void {
    this.live++;
    this.enqueue(delay, () => {
      actor()
        .catch((error: unknown) => {
          this.failure ??= { error };
        })
        .finally(() => {
          this.live--;
          this.running = false;
          this.dispatch();
        });
    });
  }

  /** Gives up the turn for `ms` virtual milliseconds; call only from the actor that has the turn. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.enqueue(ms, resolve);
      this.running = false;
      this.dispatch();
    });
  }

  /** Runs until every actor has finished; rejects with the first error an actor threw. */
  run(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.finished = () => (this.failure ? reject(this.failure.error as Error) : resolve());
      this.dispatch();
    });
  }

  private enqueue(ms: number, wake: () => void): void {
    const waiter = { at: this.now + Math.max(0, ms), seq: this.seq++, wake };
    // Few waiters (two per tablet): a sorted insert is simpler than a heap and fast enough.
    let i = this.queue.length;
    while (i > 0 && before(waiter, this.queue[i - 1] as Waiter)) i--;
    this.queue.splice(i, 0, waiter);
  }

  private dispatch(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) {
      if (this.live > 0) this.failure ??= { error: new Error(`${this.live} actor(s) wait on nothing: a deadlock`) };
      this.finished?.();
      return;
    }
    this.running = true;
    this.now = next.at;
    next.wake();
  }
}

const before = (a: Waiter, b: Waiter) => a.at < b.at || (a.at === b.at && a.seq < b.seq);
