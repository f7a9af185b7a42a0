import { beforeEach, describe, expect, it } from 'vitest';
// pinDelay keeps its count in localStorage.
import { memoryStorage } from '../../setup/memoryStorage.ts';

const { clearWrongPins, recordWrongPin, waitSeconds } = await import('../../../src/client/crypto/pinDelay.ts');

describe('wrong-PIN delay', () => {
  beforeEach(() => memoryStorage.clear());

  it('lets three wrong PINs through, then waits 30 s, 1, 2, 5 and 15 minutes, and no longer', () => {
    const now = 1_000_000;
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      recordWrongPin(now);
      waits.push(waitSeconds(now));
    }
    expect(waits).toEqual([0, 0, 30, 60, 120, 300, 900, 900, 900]);
    expect(waitSeconds(now + 899_000)).toBe(1);
    expect(waitSeconds(now + 900_000)).toBe(0);
  });

  it('is cleared by the right PIN, and never waits longer than its delay when the clock goes back', () => {
    for (let i = 0; i < 3; i++) recordWrongPin(5_000_000);
    expect(waitSeconds(0)).toBe(30);
    clearWrongPins();
    expect(waitSeconds(5_000_000)).toBe(0);
  });
});
