import { z } from 'zod';
import { isIsoDate } from '../domain/resident.ts';
import {
  DEFAULT_SLOT_MINUTES,
  INTERPRETER_CATEGORIES,
  INTERPRETER_MODES,
  PLACE_KINDS,
} from '../domain/planning/model.ts';
import { CLOCK_PATTERN, toMinutes } from '../domain/planning/time.ts';

/**
 * The planner's input as it arrives from outside (a JSON file, later the app's store). Shape errors
 * and broken references both come back as zod issues with a path, so a user can find the bad entry.
 */

const Id = z.string().trim().min(1).max(100);
const IsoDate = z.string().refine(isIsoDate, 'expected a date written YYYY-MM-DD');
const Clock = z.string().regex(CLOCK_PATTERN, 'expected a time written HH:MM');
const Text = z.string().trim().min(1).max(200);

const Place = z.object({
  id: Id,
  name: Text,
  kind: z.enum(PLACE_KINDS),
  address: Text.optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});

// Checked only when both times are readable, so a bad time is reported once.
const ordered = (t: { start: string; end: string }) =>
  !CLOCK_PATTERN.test(t.start) || !CLOCK_PATTERN.test(t.end) || toMinutes(t.start) < toMinutes(t.end);

const Interval = z
  .object({ date: IsoDate, start: Clock, end: Clock })
  .refine(ordered, { message: 'end must be after start', path: ['end'] });

const MapperWindow = z
  .object({ id: Id, date: IsoDate, start: Clock, end: Clock, placeId: Id, mapper: Text })
  .refine(ordered, { message: 'end must be after start', path: ['end'] });

const DueResident = z.object({
  id: Id,
  deadline: IsoDate,
  language: Id,
  receptionCentre: Id,
  earliest: IsoDate.optional(),
});

const InterpreterTerms = z.object({
  language: Id,
  category: z.enum(INTERPRETER_CATEGORIES).optional(),
  mode: z.enum(INTERPRETER_MODES).optional(),
  availability: z.array(Interval).max(10_000).optional(),
});

const LockedAssignment = z.object({ residentId: Id, windowId: Id, start: Clock });

/** Limits keep a hostile or mistaken file from making the planner run for minutes. */
export const PlanInputSchema = z
  .object({
    today: IsoDate,
    slotMinutes: z.number().int().min(5).max(480).optional(),
    busTicketKm: z.number().min(0).max(1000).optional(),
    places: z.array(Place).max(1000),
    windows: z.array(MapperWindow).max(5000),
    residents: z.array(DueResident).max(20_000),
    interpreters: z.array(InterpreterTerms).max(500).optional(),
    sharedLanguages: z.array(Id).max(100).optional(),
    locked: z.array(LockedAssignment).max(20_000).optional(),
  })
  .superRefine((input, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const unique = (items: { id: string }[], key: string) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.id)) issue([key, i, 'id'], `duplicate id "${item.id}"`);
        seen.add(item.id);
      });
    };
    unique(input.places, 'places');
    unique(input.windows, 'windows');
    unique(input.residents, 'residents');
    const places = new Map(input.places.map((p) => [p.id, p]));
    input.windows.forEach((w, i) => {
      if (!places.has(w.placeId)) issue(['windows', i, 'placeId'], `no place with id "${w.placeId}"`);
    });
    input.residents.forEach((r, i) => {
      const centre = places.get(r.receptionCentre);
      if (centre?.kind !== 'receptionCentre') {
        issue(['residents', i, 'receptionCentre'], `no reception centre with id "${r.receptionCentre}"`);
      }
    });
    const languages = new Set<string>();
    input.interpreters?.forEach((t, i) => {
      if (languages.has(t.language)) issue(['interpreters', i, 'language'], `language "${t.language}" given twice`);
      languages.add(t.language);
    });
    const slotMinutes = input.slotMinutes ?? DEFAULT_SLOT_MINUTES;
    const windows = new Map(input.windows.map((w) => [w.id, w]));
    const residents = new Set(input.residents.map((r) => r.id));
    const lockedResidents = new Set<string>();
    const lockedSlots = new Set<string>();
    input.locked?.forEach((lock, i) => {
      if (!residents.has(lock.residentId)) issue(['locked', i, 'residentId'], `no resident "${lock.residentId}"`);
      if (lockedResidents.has(lock.residentId)) issue(['locked', i, 'residentId'], 'resident locked twice');
      lockedResidents.add(lock.residentId);
      const w = windows.get(lock.windowId);
      if (!w) return issue(['locked', i, 'windowId'], `no window "${lock.windowId}"`);
      const offset = toMinutes(lock.start) - toMinutes(w.start);
      if (offset < 0 || offset % slotMinutes !== 0 || toMinutes(lock.start) + slotMinutes > toMinutes(w.end)) {
        return issue(['locked', i, 'start'], `no ${slotMinutes}-minute slot starts at ${lock.start} in that window`);
      }
      const slot = `${lock.windowId}@${lock.start}`;
      if (lockedSlots.has(slot)) issue(['locked', i, 'start'], 'slot already locked to another resident');
      lockedSlots.add(slot);
    });
  });
