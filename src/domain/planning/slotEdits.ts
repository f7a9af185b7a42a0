/**
 * The mapper stays in charge: moving a resident to another slot, locking a slot, marking attendance.
 * Pure updates over sessions of slots, used for a proposal (planner sessions) and for accepted ones
 * (stored sessions) alike; each returns new sessions for those it changed and leaves the rest as they were.
 */

export interface EditableSlot {
  start: string;
  residentId: string | null;
  locked?: boolean;
}

export interface EditableSession<S extends EditableSlot = EditableSlot> {
  id: string;
  /** One interpreter per session: a resident moves only between sessions of one language. */
  language: string;
  slots: S[];
}

export type MoveRefusal = 'notFound' | 'locked' | 'otherLanguage' | 'sameSlot';

export type EditResult<T> = { ok: true; sessions: T[]; changed: string[] } | { ok: false; reason: MoveRefusal };

export interface SlotRef {
  sessionId: string;
  start: string;
}

function find<T extends EditableSession>(sessions: readonly T[], ref: SlotRef) {
  const session = sessions.find((s) => s.id === ref.sessionId);
  const index = session ? session.slots.findIndex((slot) => slot.start === ref.start) : -1;
  return session && index >= 0 ? { session, index, slot: session.slots[index] as T['slots'][number] } : null;
}

function withSlot<T extends EditableSession>(session: T, index: number, slot: T['slots'][number]): T {
  const slots = session.slots.slice();
  slots[index] = slot;
  return { ...session, slots };
}

/**
 * Moves the resident of `from` to `to`. A resident already in `to` takes the place in `from` (a
 * swap). Locked slots stay as they are, and both sessions must have one language.
 */
export function moveResident<T extends EditableSession>(
  sessions: readonly T[],
  from: SlotRef,
  to: SlotRef,
): EditResult<T> {
  const a = find(sessions, from);
  const b = find(sessions, to);
  if (!a || !b || a.slot.residentId === null) return { ok: false, reason: 'notFound' };
  if (a.session.id === b.session.id && a.index === b.index) return { ok: false, reason: 'sameSlot' };
  if (a.slot.locked || b.slot.locked) return { ok: false, reason: 'locked' };
  if (a.session.language !== b.session.language) return { ok: false, reason: 'otherLanguage' };
  const moving = a.slot.residentId;
  const staying = b.slot.residentId;
  let first = withSlot(a.session, a.index, { ...a.slot, residentId: staying });
  if (a.session.id === b.session.id) {
    first = withSlot(first, b.index, { ...b.slot, residentId: moving });
    return { ok: true, sessions: sessions.map((s) => (s.id === first.id ? first : s)), changed: [first.id] };
  }
  const second = withSlot(b.session, b.index, { ...b.slot, residentId: moving });
  const next = sessions.map((s) => (s.id === first.id ? first : s.id === second.id ? second : s));
  return { ok: true, sessions: next, changed: [first.id, second.id] };
}

/** Changes one slot (a lock, an attendance); null when the slot does not exist. */
export function updateSlot<T extends EditableSession>(
  sessions: readonly T[],
  ref: SlotRef,
  change: Partial<T['slots'][number]>,
): { sessions: T[]; changed: string[] } | null {
  const found = find(sessions, ref);
  if (!found) return null;
  const session = withSlot(found.session, found.index, { ...found.slot, ...change });
  return { sessions: sessions.map((s) => (s.id === session.id ? session : s)), changed: [session.id] };
}

/** The slots a resident may move to: every other unlocked slot of a session of the same language. */
export function moveTargets<T extends EditableSession>(sessions: readonly T[], from: SlotRef): SlotRef[] {
  const a = find(sessions, from);
  if (!a || a.slot.locked) return [];
  return sessions
    .filter((s) => s.language === a.session.language)
    .flatMap((s) =>
      s.slots
        .filter((slot) => !slot.locked && !(s.id === a.session.id && slot.start === a.slot.start))
        .map((slot) => ({ sessionId: s.id, start: slot.start })),
    );
}
