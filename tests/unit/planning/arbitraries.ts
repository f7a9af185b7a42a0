import fc from 'fast-check';
import { addDays, format, parseISO } from 'date-fns';
import type { LockedAssignment, Plan, PlanInput } from '../../../src/domain/planning/model.ts';
import { toClock, toMinutes } from '../../../src/domain/planning/time.ts';

export const TODAY = '2026-11-23';
export const day = (n: number) => format(addDays(parseISO(TODAY), n), 'yyyy-MM-dd');
const LANGUAGES = ['ar', 'ti', 'prs', 'so', 'am'];

/**
 * Small random planning weeks: few days, windows and languages, so that collisions (full windows,
 * shared slots, deadlines before any window, locks) come up often.
 */
export function planInput(options: { restricted?: boolean; locks?: boolean } = {}): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      slotMinutes: fc.constantFrom(30, 60),
      windows: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 3 }),
          hour: fc.integer({ min: 8, max: 12 }),
          slots: fc.integer({ min: 1, max: 5 }),
          place: fc.integer({ min: 0, max: 1 }),
        }),
        { maxLength: 6 },
      ),
      residents: fc.array(
        fc.record({
          lang: fc.integer({ min: 0, max: LANGUAGES.length - 1 }),
          deadline: fc.integer({ min: -1, max: 5 }),
          earliest: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
          centre: fc.integer({ min: 0, max: 1 }),
        }),
        { maxLength: 40 },
      ),
      availability: options.restricted
        ? fc.array(
            fc.record({
              day: fc.integer({ min: 0, max: 3 }),
              from: fc.integer({ min: 8, max: 13 }),
              hours: fc.integer({ min: 1, max: 4 }),
            }),
            { maxLength: 3 },
          )
        : fc.constant<{ day: number; from: number; hours: number }[]>([]),
      lockPicks: options.locks
        ? fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 6 })
        : fc.constant<[number, number, number][]>([]),
    })
    .map(({ slotMinutes, windows, residents, availability, lockPicks }) => {
      const input: PlanInput = {
        today: TODAY,
        slotMinutes,
        places: [
          { id: 'room-a', name: 'Rom A', kind: 'mappingLocation', lat: 61.1153, lon: 10.4662 },
          { id: 'room-b', name: 'Rom B', kind: 'mappingLocation', lat: 61.2, lon: 10.4 },
          { id: 'centre-0', name: 'Mottak 0', kind: 'receptionCentre', lat: 61.1193, lon: 10.4762 },
          { id: 'centre-1', name: 'Mottak 1', kind: 'receptionCentre', lat: 61.3153, lon: 10.3462 },
        ],
        windows: windows.map((w, i) => ({
          id: `w${i}`,
          date: day(w.day),
          start: toClock(w.hour * 60),
          end: toClock(w.hour * 60 + w.slots * slotMinutes),
          placeId: w.place === 0 ? 'room-a' : 'room-b',
          mapper: 'Kari',
        })),
        residents: residents.map((r, i) => ({
          id: `r${String(i).padStart(2, '0')}`,
          deadline: day(r.deadline),
          language: LANGUAGES[r.lang] as string,
          receptionCentre: `centre-${r.centre}`,
          ...(r.earliest === undefined ? {} : { earliest: day(r.earliest) }),
        })),
        interpreters: availability.length
          ? [
              {
                language: 'am',
                availability: availability.map((a) => ({
                  date: day(a.day),
                  start: toClock(a.from * 60),
                  end: toClock((a.from + a.hours) * 60),
                })),
              },
            ]
          : [],
      };
      const locked: LockedAssignment[] = [];
      const usedSlots = new Set<string>();
      for (const [ri, wi, si] of lockPicks) {
        const r = input.residents[ri % Math.max(1, input.residents.length)];
        const w = input.windows[wi % Math.max(1, input.windows.length)];
        if (!r || !w || locked.some((l) => l.residentId === r.id)) continue;
        const count = (toMinutes(w.end) - toMinutes(w.start)) / slotMinutes;
        const start = toClock(toMinutes(w.start) + (si % count) * slotMinutes);
        if (usedSlots.has(`${w.id}@${start}`)) continue;
        usedSlots.add(`${w.id}@${start}`);
        locked.push({ residentId: r.id, windowId: w.id, start });
      }
      if (locked.length) input.locked = locked;
      return input;
    });
}

/** Every slotted resident with where and when. */
export function slotted(plan: Plan) {
  return plan.sessions.flatMap((s) =>
    s.slots.flatMap((slot) =>
      slot.residentId === null
        ? []
        : [
            {
              residentId: slot.residentId,
              windowId: s.windowId,
              date: s.date,
              start: slot.start,
              end: slot.end,
              language: s.language,
            },
          ],
    ),
  );
}

/**
 * The plan without grouping: slots in time order, each to the waiting resident with the earliest
 * deadline. Its bookings (runs of one language in a window) are what grouping must not exceed.
 */
export function naiveBookings(input: PlanInput): Map<string, number> {
  const slotMinutes = input.slotMinutes ?? 60;
  const windows = [...input.windows].sort(
    (a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
  );
  const waiting = [...input.residents].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
  const done = new Set<string>();
  const bookings = new Map<string, number>();
  for (const w of windows) {
    if (w.date < input.today) continue;
    let previous: string | null = null;
    for (let t = toMinutes(w.start); t + slotMinutes <= toMinutes(w.end); t += slotMinutes) {
      const r = waiting.find((x) => !done.has(x.id) && (x.earliest ?? input.today) <= w.date);
      if (!r) break;
      done.add(r.id);
      if (r.language !== previous) bookings.set(r.language, (bookings.get(r.language) ?? 0) + 1);
      previous = r.language;
    }
  }
  return bookings;
}
