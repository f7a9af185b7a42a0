import { residentsWithPlannedSlot } from '../../domain/planning/records.ts';
import type { KartleggDb } from './database.ts';

/**
 * Residents with a planned mapping session: the roster's "scheduled" list, and (with a mapping) who
 * an import must never remove. A no-show is not scheduled: they wait for a new slot.
 */
export async function scheduledResidentIds(db: KartleggDb): Promise<Set<string>> {
  return residentsWithPlannedSlot(await db.plannedSessions.toArray());
}
