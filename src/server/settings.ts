import { DEFAULT_DEADLINE_DAYS } from '../domain/roster/deadlineDays.ts';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  DEFAULT_RETENTION_DAYS,
  DEFAULT_TABLET_PURGE_DAYS,
  type MunicipalitySettings,
  type SettingsUpdate,
} from '../protocol/settings.ts';
import type { Sql } from './store/store.ts';

/** The settings columns of a `municipalities` row, as a statement reads them. */
export interface SettingsColumns {
  deadline_days: number | null;
  tablet_purge_days: number | null;
  retention_days: number | null;
  auto_lock_minutes: number | null;
}

/** The settings of a municipality row (defaults where it never chose). */
export function settingsOf(row: Partial<SettingsColumns> | undefined): MunicipalitySettings {
  return {
    deadlineDays: Number(row?.deadline_days ?? DEFAULT_DEADLINE_DAYS),
    tabletPurgeDays: Number(row?.tablet_purge_days ?? DEFAULT_TABLET_PURGE_DAYS),
    retentionDays: Number(row?.retention_days ?? DEFAULT_RETENTION_DAYS),
    autoLockMinutes: Number(row?.auto_lock_minutes ?? DEFAULT_AUTO_LOCK_MINUTES),
  };
}

/** A municipality's settings (defaults where it never chose). */
export async function readSettings(sql: Sql, municipalityId: string): Promise<MunicipalitySettings> {
  const [row] = await sql.query<SettingsColumns>(
    'SELECT deadline_days, tablet_purge_days, retention_days, auto_lock_minutes FROM municipalities WHERE id = $1',
    [municipalityId],
  );
  return settingsOf(row);
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
  // One statement: a setting left out keeps its value.
  const [row] = await sql.query<SettingsColumns>(
    `UPDATE municipalities
        SET deadline_days = coalesce($2, deadline_days),
            tablet_purge_days = coalesce($3, tablet_purge_days),
            retention_days = coalesce($4, retention_days),
            auto_lock_minutes = coalesce($5, auto_lock_minutes)
      WHERE id = $1
      RETURNING deadline_days, tablet_purge_days, retention_days, auto_lock_minutes`,
    [
      municipalityId,
      update.deadlineDays ?? null,
      update.tabletPurgeDays ?? null,
      update.retentionDays ?? null,
      update.autoLockMinutes ?? null,
    ],
  );
  return settingsOf(row);
}
