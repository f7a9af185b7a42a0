import type { JsonValue } from '../domain/sync/json.ts';
import { DEFAULT_BUS_TICKET_KM } from '../domain/planning/model.ts';
import { centreFinder, centreKey, type PlaceRecord, type PlannedSession } from '../domain/planning/records.ts';
import { weeklyList, type ListedResident } from '../domain/planning/weeklyList.ts';
import type { WeeklyListResponse } from '../protocol/weeklyList.ts';
import type { Sql } from './store/store.ts';

interface Row {
  id: string;
  fields: Record<string, JsonValue>;
}

const text = (value: JsonValue | undefined): string | null => (typeof value === 'string' ? value : null);

/**
 * One reception centre's weekly list, built on the server by the same pure code the mapper's tablet
 * prints with (src/domain/planning/weeklyList.ts), from the municipality's records only. Only
 * residents of `centre` enter the list at all: another centre's residents are left out before it is
 * built, not filtered from its result. The bus-ticket threshold is the default (the tablets keep
 * their own; the server has none).
 */
export async function centreWeeklyList(
  sql: Sql,
  municipalityId: string,
  centre: string,
  week: { from: string; to: string },
): Promise<WeeklyListResponse> {
  const places = (
    await sql.query<Row>(`SELECT id, fields FROM records WHERE municipality_id = $1 AND entity = 'place'`, [
      municipalityId,
    ])
  ).map(({ id, fields }) => ({ ...fields, id }) as unknown as PlaceRecord);
  const sessions = (
    await sql.query<Row>(
      `SELECT id, fields FROM records
        WHERE municipality_id = $1 AND entity = 'plannedSession' AND fields->>'date' BETWEEN $2 AND $3`,
      [municipalityId, week.from, week.to],
    )
  ).map(({ id, fields }) => ({ ...fields, id }) as unknown as PlannedSession);
  const residentIds = [
    ...new Set(sessions.flatMap((s) => (Array.isArray(s.slots) ? s.slots.map((slot) => slot.residentId) : []))),
  ].filter((id): id is string => typeof id === 'string');
  const residentRows = residentIds.length
    ? await sql.query<Row>(
        `SELECT id, fields FROM records
          WHERE municipality_id = $1 AND entity = 'resident'
            AND id IN (SELECT jsonb_array_elements_text($2::jsonb)::uuid)`,
        [municipalityId, JSON.stringify(residentIds)],
      )
    : [];
  const key = centreKey(centre);
  const residents = new Map<string, ListedResident>();
  for (const { id, fields } of residentRows) {
    const residentCentre = text(fields.receptionCentre);
    if (fields.deleted === true || residentCentre === null || centreKey(residentCentre) !== key) continue;
    residents.set(id, {
      id,
      givenName: text(fields.givenName) ?? '',
      familyName: text(fields.familyName) ?? '',
      duf: text(fields.duf),
      language: text(fields.language),
      receptionCentre: residentCentre,
    });
  }
  const lists = weeklyList({ sessions, places, residents, ...week, busTicketKm: DEFAULT_BUS_TICKET_KM });
  // Spellings of one centre that differ in case or spaces may make several lists: one, in time order.
  const rows = lists
    .flatMap((list) => list.rows)
    .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
    .map(({ residentId: _id, ...row }) => row);
  return { centre: centreFinder(places)(centre)?.name ?? centre.trim(), ...week, rows };
}
