import type { LockedAssignment, PlanInput, Session } from './model.ts';
import type { PlannedSession } from './records.ts';

/**
 * From the planner's proposal to what the mapper edits and accepts, and back to the planner's locks:
 * the slots the mapper locked in a proposal stay where they are when it is planned again.
 */

/** A proposed session as the mapper sees and edits it: the stored shape, plus its planner window. */
export type ProposedSession = PlannedSession & { windowId: string };

/** The planner's sessions, each under a fresh id from `newId` (the id it is stored under if accepted). */
export function proposedSessions(sessions: readonly Session[], newId: () => string): ProposedSession[] {
  return sessions.map((s) => ({
    id: newId(),
    windowId: s.windowId,
    date: s.date,
    start: s.start,
    end: s.end,
    placeId: s.placeId,
    mapper: s.mapper,
    slotMinutes: s.slotMinutes,
    language: s.language,
    interpreter: s.interpreter && { ...s.interpreter },
    slots: s.slots.map((slot) => ({
      start: slot.start,
      end: slot.end,
      residentId: slot.residentId,
      status: 'planned' as const,
      locked: slot.locked === true,
    })),
  }));
}

/** What is stored when the mapper accepts: the sessions that hold at least one resident. */
export function toAccept(proposal: readonly ProposedSession[]): PlannedSession[] {
  return proposal
    .filter((s) => s.slots.some((slot) => slot.residentId !== null))
    .map(({ windowId: _windowId, ...session }) => session);
}

/**
 * The locked slots of a proposal, as the planner takes them; with `input`, only those it can keep (a
 * resident still due, a window still there, at the same slot length).
 */
export function proposalLocks(proposal: readonly ProposedSession[], input?: PlanInput): LockedAssignment[] {
  const due = input && new Set(input.residents.map((r) => r.id));
  const windows = input && new Set(input.windows.map((w) => w.id));
  const keeps = (s: ProposedSession, residentId: string) =>
    !input || (!!due?.has(residentId) && !!windows?.has(s.windowId) && s.slotMinutes === input.slotMinutes);
  return proposal.flatMap((s) =>
    s.slots.flatMap((slot) =>
      slot.locked && slot.residentId !== null && keeps(s, slot.residentId)
        ? [{ residentId: slot.residentId, windowId: s.windowId, start: slot.start }]
        : [],
    ),
  );
}

/** Residents slotted after their deadline (the mapper may have moved one there). */
export function lateResidents(
  sessions: readonly PlannedSession[],
  deadlineOf: (residentId: string) => string | null | undefined,
): string[] {
  const late: string[] = [];
  for (const s of sessions) {
    for (const { residentId } of s.slots) {
      if (residentId === null) continue;
      const deadline = deadlineOf(residentId);
      if (deadline && s.date > deadline) late.push(residentId);
    }
  }
  return late;
}
