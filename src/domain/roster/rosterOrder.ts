import type { Resident } from '../resident.ts';

const collator = new Intl.Collator('nb', { sensitivity: 'base' });

/**
 * The roster's order: by deadline, the earliest first and residents without one last; then by name
 * as Norwegian sorts it (Æ, Ø, Å after Z). A collator comparison is slow next to a string's `<`, so
 * an array sorted once sorts again in one pass (TimSort, in every engine): the stored roster
 * snapshot keeps this order for that reason.
 */
export function byDeadline(
  a: Pick<Resident, 'deadline' | 'familyName' | 'givenName'>,
  b: Pick<Resident, 'deadline' | 'familyName' | 'givenName'>,
): number {
  const da = a.deadline ?? null;
  const db = b.deadline ?? null;
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName);
}
