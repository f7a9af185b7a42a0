import { DEFAULT_SLOT_MINUTES, type DueResident, type MapperWindow, type PlanInput } from './model.ts';
import { toMinutes } from './time.ts';

/**
 * The input turned into indexed arrays the planner works on: windows in chronological order, the
 * distinct window dates, languages by number, and each resident's range of usable date indices.
 * Built once per plan; the packer then only mutates `free`, `counts` and the assignment array.
 */

export interface PWindow {
  index: number;
  window: MapperWindow;
  dateIdx: number;
  /** Minutes after midnight. */
  start: number;
  slotCount: number;
  /** Resident index locked to each slot position, or -1. */
  locked: Int32Array;
  /** On or after "today": may receive new residents. Earlier windows keep only their locks. */
  usable: boolean;
  /** Slots neither locked nor assigned. */
  free: number;
  /** Residents per language index in the window (locked and assigned). */
  counts: Map<number, number>;
}

export interface PResident {
  index: number;
  resident: DueResident;
  lang: number;
  /**
   * First usable date index: on or after today and the earliest date, and a day the language's
   * interpreter can be booked; `dates.length` if none.
   */
  lo: number;
  /** Last usable date index: on or before the deadline, a day the interpreter can be booked; -1 if none. */
  hi: number;
  /** Window index when locked. */
  lockedWindow: number;
}

export interface Problem {
  today: string;
  slotMinutes: number;
  dates: string[];
  windows: PWindow[];
  residents: PResident[];
  languages: string[];
  /** Per language index: the booking needs an interpreter (the mappers do not share the language). */
  needsInterpreter: boolean[];
  /**
   * Per language index with interpreter availability: per window, which slot positions lie inside an
   * availability interval. Languages without an entry may use every slot.
   */
  availability: Map<number, boolean[][]>;
}

export function buildProblem(input: PlanInput): Problem {
  const slotMinutes = input.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  const ordered = [...input.windows].sort(
    (a, b) =>
      compare(a.date, b.date) ||
      toMinutes(a.start) - toMinutes(b.start) ||
      compare(a.placeId, b.placeId) ||
      compare(a.id, b.id),
  );
  const dates = [...new Set(ordered.map((w) => w.date))];
  const dateIndex = new Map(dates.map((d, i) => [d, i]));
  const languages = [...new Set(input.residents.map((r) => r.language))].sort(compare);
  const langIndex = new Map(languages.map((l, i) => [l, i]));
  const windows: PWindow[] = ordered.map((window, index) => {
    const start = toMinutes(window.start);
    const slotCount = Math.floor((toMinutes(window.end) - start) / slotMinutes);
    return {
      index,
      window,
      dateIdx: dateIndex.get(window.date) ?? 0,
      start,
      slotCount,
      locked: new Int32Array(slotCount).fill(-1),
      usable: window.date >= input.today,
      free: slotCount,
      counts: new Map(),
    };
  });
  const windowById = new Map(windows.map((w) => [w.window.id, w]));
  // Residents in id order: every later tie is broken by index, so the plan never depends on input order.
  const sortedResidents = [...input.residents].sort((a, b) => compare(a.id, b.id));
  const residents: PResident[] = sortedResidents.map((resident, index) => {
    const from = resident.earliest && resident.earliest > input.today ? resident.earliest : input.today;
    let lo = dates.findIndex((d) => d >= from);
    if (lo < 0) lo = dates.length;
    let hi = -1;
    for (let i = dates.length - 1; i >= 0; i--) {
      if ((dates[i] as string) <= resident.deadline) {
        hi = i;
        break;
      }
    }
    return { index, resident, lang: langIndex.get(resident.language) ?? 0, lo, hi, lockedWindow: -1 };
  });
  const residentIndex = new Map(residents.map((r) => [r.resident.id, r]));
  for (const lock of input.locked ?? []) {
    const w = windowById.get(lock.windowId);
    const r = residentIndex.get(lock.residentId);
    if (!w || !r) continue; // the schema refuses these
    const position = (toMinutes(lock.start) - w.start) / slotMinutes;
    w.locked[position] = r.index;
    w.free--;
    w.counts.set(r.lang, (w.counts.get(r.lang) ?? 0) + 1);
    r.lockedWindow = w.index;
  }
  const shared = new Set(input.sharedLanguages ?? []);
  const availability = new Map<number, boolean[][]>();
  for (const terms of input.interpreters ?? []) {
    const lang = langIndex.get(terms.language);
    if (lang === undefined || !terms.availability) continue;
    const intervals = terms.availability.map((a) => ({
      date: a.date,
      start: toMinutes(a.start),
      end: toMinutes(a.end),
    }));
    availability.set(
      lang,
      windows.map((w) =>
        Array.from({ length: w.slotCount }, (_, i) => {
          const s = w.start + i * slotMinutes;
          return intervals.some((a) => a.date === w.window.date && a.start <= s && s + slotMinutes <= a.end);
        }),
      ),
    );
  }
  // A language with limited interpreter time can only use the days it covers: the deadline oracle
  // sees nothing else of it, so it must at least see those days.
  for (const r of residents) {
    const mask = availability.get(r.lang);
    if (!mask) continue;
    const open = (d: number) => windows.some((w) => w.dateIdx === d && w.usable && mask[w.index]?.some(Boolean));
    while (r.lo < dates.length && !open(r.lo)) r.lo++;
    while (r.hi >= 0 && !open(r.hi)) r.hi--;
  }
  return {
    today: input.today,
    slotMinutes,
    dates,
    windows,
    residents,
    languages,
    needsInterpreter: languages.map((l) => !shared.has(l)),
    availability,
  };
}

/**
 * How many residents of `lang` window `w` can take in one booking: every slot, or, when the
 * interpreter's time is limited, the longest stretch inside it not locked to another language.
 */
export function allowedSlots(p: Problem, lang: number, w: PWindow): number {
  const mask = p.availability.get(lang)?.[w.index];
  if (!mask) return w.slotCount;
  return longestRun(
    mask.map((ok, i) => ok && ((w.locked[i] ?? -1) < 0 || p.residents[w.locked[i] ?? -1]?.lang === lang)),
  );
}

function longestRun(mask: readonly boolean[]): number {
  let best = 0;
  let run = 0;
  for (const ok of mask) {
    run = ok ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
