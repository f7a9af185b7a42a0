import { DEFAULT_DEADLINE_DAYS } from '../domain/roster/deadlineDays.ts';
import type { MunicipalitySettings, SettingsUpdate } from '../protocol/settings.ts';
import type { Sql } from './store/store.ts';

/** A municipality's settings (defaults where it never chose). */
export async function readSettings(sql: Sql, municipalityId: string): Promise<MunicipalitySettings> {
  const [row] = await sql.query<{ deadline_days: number }>('SELECT deadline_days FROM municipalities WHERE id = $1', [
    municipalityId,
  ]);
  return { deadlineDays: Number(row?.deadline_days ?? DEFAULT_DEADLINE_DAYS) };
}

/**
 * Changes some settings and returns them all. Tablets see the change with their next pull; deadlines
 * already stored on residents change at the next import (the import's preview lists them).
 */
export async function updateSettings(
  sql: Sql,
  municipalityId: string,
  update: SettingsUpdate,
): Promise<MunicipalitySettings> {
  if (update.deadlineDays !== undefined) {
    await sql.query('UPDATE municipalities SET deadline_days = $2 WHERE id = $1', [
      municipalityId,
      update.deadlineDays,
    ]);
  }
  return readSettings(sql, municipalityId);
}
