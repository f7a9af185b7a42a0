import { ageOn } from './dates.ts';
import { DEFAULT_DEADLINE_DAYS, mappingDeadline } from './deadline.ts';
import type { ListPeople } from './list.ts';
import { matchLists, nameBirthKey } from './match.ts';
import { mergeGroup, type ConflictField, type RosterPerson } from './merge.ts';
import type { InvalidRow } from './people.ts';
import { isCollectiveProtection } from './permit.ts';

/**
 * Who must be mapped. A person in both lists has the right and duty to be mapped, unless they have
 * collective protection (exempt) or were outside 18–55 at the permit date. Rules apply in this order,
 * and the first that fits decides:
 *  1. ambiguous name match, or rows that disagree on identity, permit date or exemption → needsReview;
 *  2. in one list only → onlyInA / onlyInB;
 *  3. an unreadable DUF or national id in any row → needsReview (the match itself is in doubt);
 *  4. collective protection → exempt (age and deadline do not matter);
 *  5. birth date or permit date unknown, or birth after permit → needsReview;
 *  6. aged 18 to 55 at the permit date → targetGroup, else outsideAge.
 * A missing permit type counts as "not collective protection": mapping someone exempt costs an
 * appointment, missing someone in the target group breaks the deadline.
 */

export const ROSTER_CLASSES = ['targetGroup', 'exempt', 'outsideAge', 'onlyInA', 'onlyInB', 'needsReview'] as const;
export type RosterClass = (typeof ROSTER_CLASSES)[number];

/** Target group: 18th birthday on or before the permit date, 56th birthday after it. */
export const TARGET_AGE = { min: 18, max: 55 } as const;

export type ReviewReason =
  | 'ambiguousNameMatch'
  | `${ConflictField}Conflict`
  | 'dufUnreadable'
  | 'nationalIdUnreadable'
  | 'birthDateMissing'
  | 'birthDateUnreadable'
  | 'permitDateMissing'
  | 'permitDateUnreadable'
  | 'birthAfterPermit';

export interface ClassifiedPerson extends RosterPerson {
  /**
   * `duf:…`, else `nid:…`, else `nbd:name|birthDate`: unique within one classification and the same
   * next week while the identifying data stays (diffRoster still matches field by field).
   */
  key: string;
  class: RosterClass;
  /** Empty unless class is needsReview. */
  reviewReasons: ReviewReason[];
  ageAtPermit: number | null;
  /** Permit date + deadline days, for people who may have to be mapped (targetGroup, needsReview). */
  deadline: string | null;
}

export type RosterClassification = Record<RosterClass, ClassifiedPerson[]> & { invalidRows: InvalidRow[] };

export interface ClassifyOptions {
  deadlineDays?: number;
}

/** Matches list A ("Kvalifisering i mottak") with list B ("Rett og plikt …") and classifies everyone. */
export function classifyLists(
  listA: Pick<ListPeople, 'people' | 'invalidRows'>,
  listB: Pick<ListPeople, 'people' | 'invalidRows'>,
  options: ClassifyOptions = {},
): RosterClassification {
  const result: RosterClassification = {
    targetGroup: [],
    exempt: [],
    outsideAge: [],
    onlyInA: [],
    onlyInB: [],
    needsReview: [],
    invalidRows: [...listA.invalidRows, ...listB.invalidRows],
  };
  for (const group of matchLists(listA.people, listB.people)) {
    const person = classifyPerson(mergeGroup(group), options);
    result[person.class].push(person);
  }
  return result;
}

export function classifyPerson(person: RosterPerson, options: ClassifyOptions = {}): ClassifiedPerson {
  const days = options.deadlineDays ?? DEFAULT_DEADLINE_DAYS;
  const ageAtPermit = person.birthDate && person.permitDate ? ageOn(person.birthDate, person.permitDate) : null;
  const decide = (cls: RosterClass, reviewReasons: ReviewReason[] = []): ClassifiedPerson => {
    const mayMap = cls === 'targetGroup' || cls === 'needsReview';
    const deadline = mayMap && person.permitDate ? mappingDeadline(person.permitDate, days) : null;
    // Spelled out rather than spread: object spread of this many fields is ~50× slower in V8, and an
    // import classifies tens of thousands of people.
    const { duf, nationalId, givenName, familyName, birthDate, gender, citizenship, language } = person;
    const { receptionCentre, permitDate, permitType, inA, inB, sources, ambiguous, conflicts, problems } = person;
    return {
      duf,
      nationalId,
      givenName,
      familyName,
      birthDate,
      gender,
      citizenship,
      language,
      receptionCentre,
      permitDate,
      permitType,
      inA,
      inB,
      sources,
      ambiguous,
      conflicts,
      problems,
      key: personKey(person),
      class: cls,
      reviewReasons,
      ageAtPermit,
      deadline,
    };
  };

  const doubts: ReviewReason[] = person.conflicts.map((field) => `${field}Conflict` as const);
  if (person.ambiguous) doubts.unshift('ambiguousNameMatch');
  if (doubts.length) return decide('needsReview', doubts);
  if (!person.inA || !person.inB) return decide(person.inA ? 'onlyInA' : 'onlyInB');

  const unreadable = (field: 'duf' | 'nationalId' | 'birthDate' | 'permitDate') =>
    person.problems.some((p) => p.field === field);
  const identity: ReviewReason[] = [];
  if (unreadable('duf')) identity.push('dufUnreadable');
  if (unreadable('nationalId')) identity.push('nationalIdUnreadable');
  if (identity.length) return decide('needsReview', identity);

  if (isCollectiveProtection(person.permitType)) return decide('exempt');

  const missing: ReviewReason[] = [];
  if (!person.birthDate) missing.push(unreadable('birthDate') ? 'birthDateUnreadable' : 'birthDateMissing');
  if (!person.permitDate) missing.push(unreadable('permitDate') ? 'permitDateUnreadable' : 'permitDateMissing');
  if (missing.length || ageAtPermit === null) return decide('needsReview', missing);
  if (ageAtPermit < 0) return decide('needsReview', ['birthAfterPermit']);
  return decide(ageAtPermit >= TARGET_AGE.min && ageAtPermit <= TARGET_AGE.max ? 'targetGroup' : 'outsideAge');
}

export function personKey(person: RosterPerson): string {
  if (person.duf) return `duf:${person.duf}`;
  if (person.nationalId) return `nid:${person.nationalId}`;
  const source = person.sources[0];
  const where = `${source?.file ?? ''}#${source?.row ?? 0}`;
  const key = nameBirthKey(person);
  // Persons in one ambiguous cluster can share name + birth date; the first row tells them apart.
  if (key) return person.ambiguous ? `nbd:${key}@${where}` : `nbd:${key}`;
  // Unreachable for rows read by readPerson (each has a DUF, a national id or name + birth date).
  return `row:${where}`;
}
