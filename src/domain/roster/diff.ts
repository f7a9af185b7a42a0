import type { ClassifiedPerson } from './classify.ts';
import { nameBirthKey } from './match.ts';
import { PERSON_FIELDS } from './personFields.ts';

/**
 * The weekly re-import, shown before anything is written: who is new, who changed (and in which
 * fields), and who is no longer listed. Current residents are found again by the same precedence as
 * the matching (DUF, then national id, then name + birth date), so a resident first imported without
 * a DUF is the same resident when the DUF appears. Never guessed: a new person with several possible
 * current residents, or two new persons claiming one, goes to `ambiguous` and touches nobody.
 */

export const DIFF_FIELDS = [...PERSON_FIELDS, 'nationalId', 'class', 'deadline'] as const;

export type DiffField = (typeof DIFF_FIELDS)[number];

/** What the roster holds of a resident: an id, and the NIR fields as last imported (missing = null). */
export type RosterEntry = { id: string } & { [K in DiffField]?: ClassifiedPerson[K] | null | undefined };

export interface RosterDiff<T extends RosterEntry> {
  added: ClassifiedPerson[];
  changed: { current: T; next: ClassifiedPerson; fields: DiffField[] }[];
  unchanged: { current: T; next: ClassifiedPerson }[];
  /** Residents the new lists no longer contain. `mustKeep`: has a mapping or a session, never delete. */
  removed: { current: T; mustKeep: boolean }[];
  ambiguous: { next: ClassifiedPerson; candidates: T[] }[];
}

/**
 * @param next the people the roster should hold after the import (the caller picks the classes).
 * @param mustKeep true for a resident who must not be removed (has a mapping or a session).
 */
export function diffRoster<T extends RosterEntry>(
  current: readonly T[],
  next: readonly ClassifiedPerson[],
  mustKeep: (resident: T) => boolean,
): RosterDiff<T> {
  const byDuf = indexBy(current, (c) => c.duf);
  const byNationalId = indexBy(current, (c) => c.nationalId);
  const byNameBirth = indexBy(current, (c) =>
    nameBirthKey({ givenName: c.givenName ?? '', familyName: c.familyName ?? '', birthDate: c.birthDate ?? null }),
  );

  const diff: RosterDiff<T> = { added: [], changed: [], unchanged: [], removed: [], ambiguous: [] };
  const claims = new Map<T, ClassifiedPerson[]>();
  const inDoubt = new Set<T>();
  for (const person of next) {
    const candidates = findCurrent(person);
    if (candidates.length === 0) diff.added.push(person);
    else if (candidates.length > 1) {
      diff.ambiguous.push({ next: person, candidates });
      candidates.forEach((c) => inDoubt.add(c));
    } else {
      const [resident] = candidates as [T];
      claims.set(resident, [...(claims.get(resident) ?? []), person]);
    }
  }
  for (const [resident, people] of claims) {
    if (people.length > 1) {
      people.forEach((p) => diff.ambiguous.push({ next: p, candidates: [resident] }));
      inDoubt.add(resident);
      continue;
    }
    const [person] = people as [ClassifiedPerson];
    const fields = DIFF_FIELDS.filter((f) => (resident[f] ?? null) !== (person[f] ?? null));
    if (fields.length) diff.changed.push({ current: resident, next: person, fields });
    else diff.unchanged.push({ current: resident, next: person });
  }
  for (const resident of current) {
    if (!claims.has(resident) && !inDoubt.has(resident))
      diff.removed.push({ current: resident, mustKeep: mustKeep(resident) });
  }
  return diff;

  function findCurrent(person: ClassifiedPerson): T[] {
    const sameDuf = person.duf ? (byDuf.get(person.duf) ?? []) : [];
    if (sameDuf.length) return sameDuf;
    // Below DUF, a number both sides have and that differs tells two people apart.
    const compatible = (c: T) =>
      !(c.duf && person.duf && c.duf !== person.duf) &&
      !(c.nationalId && person.nationalId && c.nationalId !== person.nationalId);
    const sameId = person.nationalId ? (byNationalId.get(person.nationalId) ?? []).filter(compatible) : [];
    if (sameId.length) return sameId;
    // A first import compares with an empty roster: no name key to build for anyone.
    if (byNameBirth.size === 0) return [];
    const key = nameBirthKey(person);
    return key ? (byNameBirth.get(key) ?? []).filter(compatible) : [];
  }
}

function indexBy<T>(items: readonly T[], key: (item: T) => string | null | undefined): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = index.get(k);
    if (list) list.push(item);
    else index.set(k, [item]);
  }
  return index;
}
