import { z } from 'zod';
import { MAX_DEADLINE_DAYS } from '../domain/roster/deadlineDays.ts';

/** Days a finished resident stays on a tablet after the mapping is complete and synced (docs/retention.md). */
export const DEFAULT_TABLET_PURGE_DAYS = 14;
export const MAX_TABLET_PURGE_DAYS = 365;
/** Idle minutes before a tablet locks itself (the PIN opens it again): docs/security.md. */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
/** An hour at most: an unlocked tablet left on a table is the risk the lock is for. */
export const MAX_AUTO_LOCK_MINUTES = 60;
/**
 * Days the server keeps a resident's data after the mapping is complete (docs/retention.md): a year
 * covers the introduction programme's start, registration with IMDi and the year's reporting.
 */
export const DEFAULT_RETENTION_DAYS = 365;
/** At least a month, so a slip of the keyboard cannot erase what was mapped last week. */
export const MIN_RETENTION_DAYS = 30;
export const MAX_RETENTION_DAYS = 3650;

/**
 * What a municipality decides for all its tablets. Every pull carries it (PullResponse.settings), so
 * a tablet always imports with the setting it last saw, offline too; only an administrator changes it
 * (PUT /api/settings, or `kartlegg municipality set`).
 */
export const MunicipalitySettings = z.object({
  /** The mapping deadline: permit date + this many calendar days. */
  deadlineDays: z.number().int().min(0).max(MAX_DEADLINE_DAYS),
  /** A resident whose mapping is complete and synced leaves the tablet this many days later. */
  tabletPurgeDays: z.number().int().min(0).max(MAX_TABLET_PURGE_DAYS),
  /** The server erases a resident's data this many days after the mapping was completed. */
  retentionDays: z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS),
  /** A tablet left idle this many minutes locks: its data stays sealed until the PIN is entered. */
  autoLockMinutes: z.number().int().min(1).max(MAX_AUTO_LOCK_MINUTES),
});
export type MunicipalitySettings = z.infer<typeof MunicipalitySettings>;

/** A change to some of the settings. */
export const SettingsUpdate = MunicipalitySettings.partial().strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
