import type { ListSide, MatchGroup } from './match.ts';
import type { FieldProblem, NirPerson, SourceRef } from './people.ts';
import type { PersonFields } from './personFields.ts';
import { isCollectiveProtection } from './permit.ts';

/** One person as the two lists describe them together. */
export interface RosterPerson extends PersonFields {
  nationalId: string | null;
  inA: boolean;
  inB: boolean;
  /** Every row this person came from (duplicates included), list A first. */
  sources: ListSource[];
  ambiguous: boolean;
  /** Fields on which the rows disagree; the value above is then list A's first. */
  conflicts: ConflictField[];
  /** Unreadable cells in any of the rows. */
  problems: SourcedProblem[];
}

export interface ListSource extends SourceRef {
  list: ListSide;
}

export interface SourcedProblem extends FieldProblem, SourceRef {}

/** Identity and the facts the classification rests on; a disagreement on these cannot be settled by a rule. */
export type ConflictField = 'duf' | 'nationalId' | 'birthDate' | 'permitDate' | 'permitType';

type TextField = Exclude<keyof NirPerson, 'givenName' | 'familyName' | 'gender' | 'source' | 'problems'>;

export function mergeGroup(group: MatchGroup): RosterPerson {
  const people = group.rows.map((r) => r.person);
  // Names travel together: given and family name come from the same row.
  const named = people.find((p) => p.givenName || p.familyName);
  const conflicts: ConflictField[] = (['duf', 'nationalId', 'birthDate', 'permitDate'] as const).filter(
    (field) => distinct(people, (p) => p[field]) > 1,
  );
  if (distinct(people, (p) => (p.permitType ? isCollectiveProtection(p.permitType) : null)) > 1) {
    conflicts.push('permitType');
  }
  return {
    duf: first(people, 'duf'),
    nationalId: first(people, 'nationalId'),
    givenName: named?.givenName ?? '',
    familyName: named?.familyName ?? '',
    birthDate: first(people, 'birthDate'),
    gender: people.find((p) => p.gender)?.gender ?? null,
    citizenship: first(people, 'citizenship'),
    language: first(people, 'language'),
    receptionCentre: first(people, 'receptionCentre'),
    permitDate: first(people, 'permitDate'),
    permitType: first(people, 'permitType'),
    inA: group.rows.some((r) => r.list === 'A'),
    inB: group.rows.some((r) => r.list === 'B'),
    sources: group.rows.map((r) => ({ list: r.list, ...r.person.source })),
    ambiguous: group.ambiguous,
    conflicts,
    problems: people.flatMap((p) => p.problems.map((problem) => ({ ...problem, ...p.source }))),
  };
}

function first(people: readonly NirPerson[], field: TextField): string | null {
  for (const p of people) {
    const value = p[field];
    if (value) return value;
  }
  return null;
}

/** How many different non-null values the rows hold, counted up to 2 (all a conflict needs). */
function distinct<T>(people: readonly NirPerson[], value: (p: NirPerson) => T | null): number {
  let seen: T | null = null;
  for (const p of people) {
    const v = value(p);
    if (v === null) continue;
    if (seen === null) seen = v;
    else if (v !== seen) return 2;
  }
  return seen === null ? 0 : 1;
}
