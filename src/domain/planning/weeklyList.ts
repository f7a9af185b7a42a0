import { residentLanguageOf, type ResidentLanguage } from '../residentLanguages.ts';
import { travel } from './distance.ts';
import { placeText } from './appointment.ts';
import { osloInstant } from './osloTime.ts';
import { centreFinder, type PlaceRecord, type PlannedSession } from './records.ts';

/**
 * The reception centre's weekly list: per centre, who comes when and where, whether they need a bus
 * ticket, and in which language the interpreter speaks. Built from the accepted sessions and the
 * roster; no-shows are left out (they appear again in the session they are planned into next).
 */

export interface ListedResident {
  id: string;
  givenName: string;
  familyName: string;
  duf?: string | null;
  language?: string | null;
  /** The centre's name as the NIR lists spell it. */
  receptionCentre?: string | null;
}

export interface WeeklyRow {
  residentId: string;
  name: string;
  duf: string | null;
  date: string;
  start: string;
  end: string;
  placeName: string;
  placeAddress: string | null;
  /** Straight line from the centre to the place, one decimal; null when the centre is not a known place. */
  distanceKm: number | null;
  busTicket: boolean | null;
  /** The session's language: the interpreter's, or the one mapper and resident share. */
  language: string;
  interpreter: boolean;
  /** The information screens' language for the resident, when there are screens in it. */
  infoLanguage?: ResidentLanguage | undefined;
  /** The appointment as an instant in Oslo time (what the QR code carries, with the place). */
  startsAt: string;
}

export interface CentreList {
  /** The centre's name; '' for residents whose centre is not known. */
  centre: string;
  rows: WeeklyRow[];
}

/** A row as printed and as the reception centre gets it from the server: no record id. */
export type PrintedRow = Omit<WeeklyRow, 'residentId'>;

/** One centre's list as printed and as CSV: the mapper's from the tablet, the centre's from the server. */
export interface PrintedList {
  centre: string;
  rows: readonly PrintedRow[];
}

export interface WeeklyListInput {
  sessions: readonly PlannedSession[];
  places: readonly PlaceRecord[];
  residents: ReadonlyMap<string, ListedResident>;
  /** First and last day of the list, inclusive. */
  from: string;
  to: string;
  busTicketKm: number;
}

export function weeklyList(input: WeeklyListInput): CentreList[] {
  const places = new Map(input.places.filter((p) => !p.deleted).map((p) => [p.id, p]));
  const centreOf = centreFinder(input.places);
  const lists = new Map<string, WeeklyRow[]>();
  const sessions = input.sessions
    .filter((s) => !s.deleted && s.date >= input.from && s.date <= input.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start));
  for (const s of sessions) {
    const place = places.get(s.placeId);
    for (const slot of s.slots) {
      const resident = slot.residentId === null ? undefined : input.residents.get(slot.residentId);
      if (!resident || slot.status === 'noShow') continue;
      const centreName = resident.receptionCentre?.trim() ?? '';
      const centre = centreOf(centreName);
      const trip = centre && place ? travel(centre, place, input.busTicketKm) : null;
      const row: WeeklyRow = {
        residentId: resident.id,
        name: `${resident.familyName}, ${resident.givenName}`,
        duf: resident.duf ?? null,
        date: s.date,
        start: slot.start,
        end: slot.end,
        placeName: place?.name ?? '',
        placeAddress: place?.address ?? null,
        distanceKm: trip?.km ?? null,
        busTicket: trip?.busTicket ?? null,
        language: s.language,
        interpreter: s.interpreter !== null,
        infoLanguage: residentLanguageOf(resident.language),
        startsAt: osloInstant(s.date, slot.start),
      };
      const label = centre?.name ?? centreName;
      const list = lists.get(label);
      if (list) list.push(row);
      else lists.set(label, [row]);
    }
  }
  return [...lists.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'nb')))
    .map(([centre, rows]) => ({ centre, rows }));
}

/**
 * The link a resident's QR code opens: the information screens in their language with their time and
 * place. Only the time and the place's name and address go in it, never a name, DUF or record id.
 */
export function appointmentLink(
  origin: string,
  row: Pick<WeeklyRow, 'infoLanguage' | 'startsAt' | 'placeName' | 'placeAddress'>,
): string {
  const place = placeText({ name: row.placeName, address: row.placeAddress });
  const query = new URLSearchParams({ t: row.startsAt, ...(place ? { p: place } : {}) });
  return `${origin}/info${row.infoLanguage ? `/${row.infoLanguage}` : ''}?${query.toString()}`;
}
