import { describe, expect, it } from 'vitest';
import { lateResidents, proposalLocks, proposedSessions, toAccept } from '../../../src/domain/planning/accept.ts';
import type { PlanInput } from '../../../src/domain/planning/model.ts';
import { planSessions } from '../../../src/domain/planning/plan.ts';
import { moveResident, moveTargets, updateSlot } from '../../../src/domain/planning/slotEdits.ts';

const input: PlanInput = {
  today: '2026-11-30',
  places: [
    { id: 'room', name: 'Rom 1', kind: 'mappingLocation', lat: 61.1153, lon: 10.4662 },
    { id: 'centre', name: 'Fjellheim', kind: 'receptionCentre', lat: 61.1193, lon: 10.4762 },
  ],
  windows: ['2026-11-30', '2026-12-01'].map((date, i) => ({
    id: `w${i}`,
    date,
    start: '09:00',
    end: '12:00',
    placeId: 'room',
    mapper: 'Kari',
  })),
  residents: [
    { id: 'a1', deadline: '2026-12-01', language: 'ar', receptionCentre: 'centre' },
    { id: 'a2', deadline: '2026-12-01', language: 'ar', receptionCentre: 'centre' },
    { id: 't1', deadline: '2026-11-30', language: 'ti', receptionCentre: 'centre' },
    { id: 't2', deadline: '2026-12-01', language: 'ti', receptionCentre: 'centre' },
  ],
};

let n = 0;
const proposal = () => proposedSessions(planSessions(input).sessions, () => `id-${n++}`);
const where = (sessions: ReturnType<typeof proposal>, residentId: string) => {
  const s = sessions.find((x) => x.slots.some((slot) => slot.residentId === residentId));
  return { sessionId: s?.id ?? '', start: s?.slots.find((slot) => slot.residentId === residentId)?.start ?? '' };
};

describe('editing a proposal', () => {
  it('swaps two residents of one language, and refuses another language or a locked slot', () => {
    const p = proposal();
    const a1 = where(p, 'a1');
    const a2 = where(p, 'a2');
    const moved = moveResident(p, a1, a2);
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(where(moved.sessions, 'a1')).toEqual(a2);
    expect(where(moved.sessions, 'a2')).toEqual(a1);
    expect(moveResident(p, a1, where(p, 't1'))).toEqual({ ok: false, reason: 'otherLanguage' });
    const locked = updateSlot(p, a2, { locked: true });
    expect(locked?.changed).toEqual([a2.sessionId]);
    expect(moveResident(locked?.sessions ?? [], a1, a2)).toEqual({ ok: false, reason: 'locked' });
    expect(moveTargets(locked?.sessions ?? [], a1)).not.toContainEqual(a2);
    expect(moveTargets(locked?.sessions ?? [], a2)).toEqual([]);
    expect(updateSlot(p, { sessionId: 'none', start: '09:00' }, { locked: true })).toBeNull();
  });

  it('keeps locked slots when planned again, and accepts only sessions with someone in them', () => {
    const p = proposal();
    const t2 = where(p, 't2');
    const locked = updateSlot(p, t2, { locked: true });
    const locks = proposalLocks(locked?.sessions ?? []);
    expect(locks).toEqual([
      { residentId: 't2', windowId: p.find((s) => s.id === t2.sessionId)?.windowId, start: t2.start },
    ]);
    const again = planSessions({ ...input, locked: locks });
    const slot = again.sessions
      .flatMap((s) => s.slots.map((x) => ({ ...x, windowId: s.windowId })))
      .find((x) => x.residentId === 't2');
    expect(slot).toMatchObject({ locked: true, start: t2.start });
    const accepted = toAccept(locked?.sessions ?? []);
    // `every` holds for an empty list too: there must be sessions to accept.
    expect(accepted.length).toBeGreaterThan(0);
    expect(accepted.every((s) => !('windowId' in s) && s.slots.some((x) => x.residentId !== null))).toBe(true);
    expect(accepted.flatMap((s) => s.slots).every((x) => x.status === 'planned')).toBe(true);
  });

  it('names residents moved past their deadline', () => {
    const p = proposal();
    const deadline = new Map(input.residents.map((r) => [r.id, r.deadline]));
    expect(lateResidents(p, (id) => deadline.get(id))).toEqual([]);
    const later = p.map((s) => ({ ...s, date: '2026-12-02' }));
    expect(lateResidents(later, (id) => deadline.get(id)).sort()).toEqual(['a1', 'a2', 't1', 't2']);
  });
});
