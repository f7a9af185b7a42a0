import type { DueResident, InterpreterTerms, MapperWindow, Place, PlanInput } from './model.ts';
import { centreFinder, type PlaceRecord, type PlannedSession } from './records.ts';
import { earliestAfterNoShow } from './replan.ts';
import { toClock, toMinutes } from './time.ts';

/**
 * The planner's input from what the device stores: the roster's residents still to be planned, the
 * municipality's places, the windows the mapper entered and the sessions already accepted. Accepted
 * sessions stay as they are: their time is taken out of the windows and their residents are not
 * planned again — except no-shows, who may come from the day after the missed session.
 */

/** What the planner needs of a roster resident (the roster decides who is due). */
export interface RosterResident {
  id: string;
  deadline: string | null;
  language: string | null;
  /** The reception centre's name as the NIR lists spell it. */
  receptionCentre: string | null;
}

export type NotPlannableReason = 'noDeadline' | 'noLanguage' | 'noReceptionCentre' | 'unknownReceptionCentre';

export interface RecordsInput {
  today: string;
  slotMinutes: number;
  busTicketKm: number;
  places: readonly PlaceRecord[];
  /** Residents to be mapped and not yet mapped (attended ones are left out by the caller). */
  residents: readonly RosterResident[];
  windows: readonly MapperWindow[];
  sessions: readonly PlannedSession[];
  interpreters?: readonly InterpreterTerms[];
  sharedLanguages?: readonly string[];
}

export interface InputFromRecords {
  input: PlanInput;
  /** Residents the planner cannot take, and why (the mapper fixes the record or adds the centre). */
  notPlannable: { residentId: string; reason: NotPlannableReason }[];
}

export function inputFromRecords(r: RecordsInput): InputFromRecords {
  const live = r.sessions.filter((s) => !s.deleted);
  const places: Place[] = r.places
    .filter((p) => !p.deleted)
    .map(({ id, name, kind, address, lat, lon }) => ({ id, name, kind, lat, lon, ...(address ? { address } : {}) }));
  const centreOf = centreFinder(r.places);
  const planned = new Set<string>();
  const lastNoShow = new Map<string, string>();
  for (const s of live) {
    for (const slot of s.slots) {
      if (slot.residentId === null) continue;
      if (slot.status === 'noShow') {
        if ((lastNoShow.get(slot.residentId) ?? '') < s.date) lastNoShow.set(slot.residentId, s.date);
      } else planned.add(slot.residentId);
    }
  }
  const residents: DueResident[] = [];
  const notPlannable: InputFromRecords['notPlannable'] = [];
  for (const resident of r.residents) {
    if (planned.has(resident.id)) continue;
    const { deadline, language, receptionCentre } = resident;
    const centre = centreOf(receptionCentre)?.id;
    if (!deadline || !language || !centre) {
      notPlannable.push({ residentId: resident.id, reason: notPlannableReason(deadline, language, receptionCentre) });
      continue;
    }
    const missed = lastNoShow.get(resident.id);
    residents.push({
      id: resident.id,
      deadline,
      language,
      receptionCentre: centre,
      ...(missed ? { earliest: earliestAfterNoShow(missed, r.today) } : {}),
    });
  }
  const input: PlanInput = {
    today: r.today,
    slotMinutes: r.slotMinutes,
    busTicketKm: r.busTicketKm,
    places,
    windows: freeWindows(r.windows, live),
    residents,
    ...(r.interpreters?.length ? { interpreters: [...r.interpreters] } : {}),
    ...(r.sharedLanguages?.length ? { sharedLanguages: [...r.sharedLanguages] } : {}),
  };
  return { input, notPlannable };
}

/** Why a resident lacking a deadline, a language or a known reception centre cannot be planned. */
function notPlannableReason(
  deadline: string | null,
  language: string | null,
  centre: string | null,
): NotPlannableReason {
  if (!deadline) return 'noDeadline';
  if (!language) return 'noLanguage';
  return centre ? 'unknownReceptionCentre' : 'noReceptionCentre';
}

/**
 * The windows with the time of accepted sessions taken out: a session occupies its place and its
 * mapper. A window cut in two keeps its id with a suffix per piece, so the pieces stay distinct.
 */
export function freeWindows(windows: readonly MapperWindow[], sessions: readonly PlannedSession[]): MapperWindow[] {
  const result: MapperWindow[] = [];
  for (const w of windows) {
    const busy = sessions
      .filter((s) => s.date === w.date && (s.placeId === w.placeId || s.mapper === w.mapper))
      .map((s) => [toMinutes(s.start), toMinutes(s.end)] as const)
      .sort((a, b) => a[0] - b[0]);
    let pieces: (readonly [number, number])[] = [[toMinutes(w.start), toMinutes(w.end)]];
    for (const [from, to] of busy) {
      pieces = pieces.flatMap(([a, b]) =>
        to <= a || from >= b
          ? [[a, b] as const]
          : [[a, Math.min(from, b)] as const, [Math.max(to, a), b] as const].filter(([x, y]) => x < y),
      );
    }
    pieces.forEach(([a, b], i) => {
      const id = pieces.length === 1 && busy.length === 0 ? w.id : `${w.id}#${i + 1}`;
      result.push({ ...w, id, start: toClock(a), end: toClock(b) });
    });
  }
  return result;
}
