import { describe, expect, it } from 'vitest';
import { MAX_SESSION_SLOTS, residentsWithPlannedSlot, type SessionSlot } from '../../../src/domain/planning/records.ts';
import { uuidv7 } from '../../../src/domain/uuidv7.ts';
import { fieldProblem } from '../../../src/protocol/entities.ts';
import { Mutation } from '../../../src/protocol/sync.ts';
import { weekOf } from '../../../src/domain/planning/week.ts';

const slots = (n: number): SessionSlot[] =>
  Array.from({ length: n }, () => ({
    start: '09:00',
    end: '09:15',
    residentId: uuidv7(),
    status: 'attended',
    locked: true,
  }));

describe('a planned session as a synced record', () => {
  it('carries its longest slot list within one field of 4 KB, and refuses a longer one', () => {
    const longest = slots(MAX_SESSION_SLOTS);
    expect(JSON.stringify(longest).length).toBeLessThanOrEqual(4096);
    const mutation = (value: SessionSlot[]) =>
      Mutation.safeParse({
        id: uuidv7(),
        clientSeq: 1,
        entity: 'plannedSession',
        entityId: uuidv7(),
        changes: { slots: { value, baseVersion: 0 } },
      }).success;
    expect(mutation(longest)).toBe(true);
    expect(mutation(slots(MAX_SESSION_SLOTS + 1))).toBe(false);
    expect(fieldProblem('plannedSession', 'slots', [{ ...longest[0], status: 'late' }])).not.toBeNull();
  });

  it('counts as scheduled only residents in a planned slot of a live session', () => {
    const [a, b, c] = slots(3).map((s) => s.residentId);
    const session = (deleted: boolean, list: SessionSlot[]) => ({ deleted, slots: list }) as never;
    const planned = (residentId: string | null, status: SessionSlot['status']): SessionSlot => ({
      start: '09:00',
      end: '10:00',
      residentId,
      status,
      locked: false,
    });
    const ids = residentsWithPlannedSlot([
      session(false, [planned(a!, 'planned'), planned(b!, 'noShow'), planned(null, 'planned')]),
      session(true, [planned(c!, 'planned')]),
    ]);
    expect(ids).toEqual(new Set([a]));
  });

  it('finds the Monday-to-Sunday week of a day', () => {
    expect(weekOf('2026-11-24')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  });
});
