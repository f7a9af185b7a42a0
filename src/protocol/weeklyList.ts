import { z } from 'zod';
import { RESIDENT_LANGUAGES } from '../domain/residentLanguages.ts';

/**
 * GET /api/weekly-list: a `mottak` user's own centre's weekly list (docs/planning.md). The query
 * names only a day (the list is the Monday–Sunday week it lies in), never a person.
 */
export const WeeklyListQuery = z.object({ from: z.iso.date() });
export type WeeklyListQuery = z.infer<typeof WeeklyListQuery>;

/** A row as printed (src/domain/planning/weeklyList.ts's WeeklyRow), without the record id. */
export const WeeklyListRow = z.object({
  name: z.string(),
  duf: z.string().nullable(),
  date: z.iso.date(),
  start: z.string(),
  end: z.string(),
  placeName: z.string(),
  placeAddress: z.string().nullable(),
  distanceKm: z.number().nullable(),
  busTicket: z.boolean().nullable(),
  language: z.string(),
  interpreter: z.boolean(),
  infoLanguage: z.enum(RESIDENT_LANGUAGES).optional(),
  startsAt: z.string(),
});
export type WeeklyListRow = z.infer<typeof WeeklyListRow>;

export const WeeklyListResponse = z.object({
  /** The user's centre: the place's name when the centre is a known place, else as assigned. */
  centre: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  rows: z.array(WeeklyListRow),
});
export type WeeklyListResponse = z.infer<typeof WeeklyListResponse>;
