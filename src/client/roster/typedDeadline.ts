import type { RosterClass } from '../../domain/roster/classify.ts';
import type { KartleggDb } from '../db/database.ts';

/**
 * The deadline for a permit date a person typed (adding or editing a resident by hand), with the
 * days set on this tablet: only for residents who are to be mapped (added by hand, in the target
 * group or in review); others have none, as after an import. The date code is loaded only when a
 * permit date is saved.
 */
export async function typedDeadline(
  db: KartleggDb,
  permitDate: string | null | undefined,
  rosterClass: RosterClass | null | undefined,
): Promise<string | null> {
  const toMap = rosterClass == null || rosterClass === 'targetGroup' || rosterClass === 'needsReview';
  if (!permitDate || !toMap) return null;
  const [{ mappingDeadline }, { deadlineDays }] = await Promise.all([
    import('../../domain/roster/deadline.ts'),
    import('../db/rosterImport.ts'),
  ]);
  return mappingDeadline(permitDate, await deadlineDays(db));
}
