import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSyncLoop } from '../../src/client/sync/syncLoop.ts';

// The loop listens on window and document; a bare EventTarget stands in for each in Node.
beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('window', new EventTarget());
  vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('syncLoop', () => {
  it('runs one at a time and runs once more for a trigger that came during a run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: () => void = () => undefined;
    const loop = startSyncLoop(async () => {
      runs++;
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise<void>((r) => (release = r));
      active--;
      return true;
    });
    const first = loop.now();
    void loop.now();
    void loop.now();
    release();
    await vi.waitFor(() => expect(runs).toBe(2));
    release();
    await first;
    expect(maxActive).toBe(1);
    expect(runs).toBe(2);
    loop.stop();
  });

  it('debounces edits, and syncs on online and on a timer', async () => {
    const run = vi.fn(() => Promise.resolve(true));
    const loop = startSyncLoop(run, { debounceMs: 1000, intervalMs: 60_000 });
    loop.soon();
    loop.soon();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(run).toHaveBeenCalledTimes(3);
    loop.stop();
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('backs off after failures, doubling to a ceiling, and a user action resets it', async () => {
    let ok = false;
    const run = vi.fn(() => Promise.resolve(ok));
    const loop = startSyncLoop(run, { intervalMs: 60_000, backoffBaseMs: 1000, backoffMaxMs: 4000 });
    await loop.now();
    const times: number[] = [];
    const start = Date.now();
    for (let i = 0; i < 4; i++) {
      const before = run.mock.calls.length;
      while (run.mock.calls.length === before) await vi.advanceTimersByTimeAsync(100);
      times.push(Date.now() - start);
    }
    expect(times).toEqual([1000, 3000, 7000, 11000]);
    ok = true;
    await loop.now({ user: true });
    const calls = run.mock.calls.length;
    await vi.advanceTimersByTimeAsync(59_000);
    expect(run.mock.calls.length).toBe(calls);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run.mock.calls.length).toBe(calls + 1);
    loop.stop();
  });

  it('skips a run while another tab holds the lock, without counting it as a failure', async () => {
    const run = vi.fn(() => Promise.resolve(true));
    let held = true;
    const lock = async (fn: () => Promise<void>) => {
      if (held) return false;
      await fn();
      return true;
    };
    const loop = startSyncLoop(run, { intervalMs: 10_000, lock });
    await loop.now();
    expect(run).not.toHaveBeenCalled();
    held = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    loop.stop();
  });
});
