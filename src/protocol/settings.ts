import { z } from 'zod';
import { MAX_DEADLINE_DAYS } from '../domain/roster/deadlineDays.ts';

/**
 * What a municipality decides for all its tablets. Every pull carries it (PullResponse.settings), so
 * a tablet always imports with the setting it last saw, offline too; only an administrator changes it
 * (PUT /api/settings, or `kartlegg municipality set`).
 */
export const MunicipalitySettings = z.object({
  /** The mapping deadline: permit date + this many calendar days. */
  deadlineDays: z.number().int().min(0).max(MAX_DEADLINE_DAYS),
});
export type MunicipalitySettings = z.infer<typeof MunicipalitySettings>;

/** A change to some of the settings. */
export const SettingsUpdate = MunicipalitySettings.partial().strict();
export type SettingsUpdate = z.infer<typeof SettingsUpdate>;
