import { describe, expect, it } from 'vitest';
import { classifyLists, ROSTER_CLASSES, type RosterClassification } from '../../../src/domain/roster/classify.ts';
import type { NirPerson } from '../../../src/domain/roster/people.ts';
import { isCollectiveProtection } from '../../../src/domain/roster/permit.ts';
import { inA, inB } from './fixtures.ts';

const DUF = '201900000001';
const PERMIT = '2026-06-01';

function classify(a: NirPerson[], b: NirPerson[], deadlineDays?: number): RosterClassification {
  const options = deadlineDays === undefined ? {} : { deadlineDays };
  return classifyLists({ people: a, invalidRows: [] }, { people: b, invalidRows: [] }, options);
}

/** The class of the one person made of a list A row and a list B row with these fields. */
function classOf(fields: Partial<NirPerson>, fieldsB: Partial<NirPerson> = fields) {
  const c = classify([inA({ duf: DUF, ...fields })], [inB({ duf: DUF, ...fieldsB })]);
  const all = ROSTER_CLASSES.flatMap((cls) => c[cls]);
  expect(all).toHaveLength(1);
  return all[0];
}

describe('classification', () => {
  it('puts an adult in both lists in the target group, with the deadline 14 days after the permit', () => {
    expect(classOf({ birthDate: '1990-02-01', permitDate: PERMIT })).toMatchObject({
      class: 'targetGroup',
      key: `duf:${DUF}`,
      ageAtPermit: 36,
      deadline: '2026-06-15',
      reviewReasons: [],
      inA: true,
      inB: true,
    });
  });

  it('uses the configured number of deadline days', () => {
    const c = classify([inA({ duf: DUF })], [inB({ duf: DUF })], 7);
    expect(c.targetGroup[0]?.deadline).toBe('2026-06-08');
  });

  it.each([
    ['2008-06-01', 'targetGroup', 18], // 18th birthday on the permit date
    ['2008-06-02', 'outsideAge', 17], // 18th birthday the day after
    ['1970-06-02', 'targetGroup', 55], // 56th birthday the day after
    ['1970-06-01', 'outsideAge', 56], // 56th birthday on the permit date
    ['2010-01-01', 'outsideAge', 16],
  ])('born %s, permit 2026-06-01: %s (age %i)', (birthDate, cls, age) => {
    expect(classOf({ birthDate, permitDate: PERMIT })).toMatchObject({ class: cls, ageAtPermit: age });
  });

  it('exempts collective protection regardless of age and dates, with no deadline', () => {
    for (const permitType of ['Kollektiv beskyttelse', 'Midlertidig kollektiv beskyttelse (utl. § 34)', 'UTL §34']) {
      expect(classOf({ permitType, birthDate: '2015-01-01' })).toMatchObject({ class: 'exempt', deadline: null });
    }
    expect(classOf({ permitType: 'Kollektiv beskyttelse', permitDate: null })).toMatchObject({ class: 'exempt' });
    // Only one list carrying the permit type is enough.
    expect(classOf({ permitType: 'Kollektiv beskyttelse' }, { permitType: null })).toMatchObject({ class: 'exempt' });
  });

  it('recognises collective protection in free text, but not other sections', () => {
    expect(isCollectiveProtection('KOLLEKTIV BESKYTTELSE')).toBe(true);
    expect(isCollectiveProtection('Collective protection')).toBe(true);
    expect(isCollectiveProtection('utlendingsloven § 34 første ledd')).toBe(true);
    expect(isCollectiveProtection('§ 28 flyktning')).toBe(false);
    expect(isCollectiveProtection('§ 341')).toBe(false);
    expect(isCollectiveProtection(null)).toBe(false);
  });

  it('sends people with an unknown birth or permit date in both lists to review, saying which', () => {
    expect(classOf({ permitDate: null })).toMatchObject({ class: 'needsReview', reviewReasons: ['permitDateMissing'] });
    expect(classOf({ birthDate: null })).toMatchObject({ class: 'needsReview', reviewReasons: ['birthDateMissing'] });
    expect(classOf({ birthDate: null, problems: [{ field: 'birthDate', reason: 'dateNotReal' }] })).toMatchObject({
      class: 'needsReview',
      reviewReasons: ['birthDateUnreadable'],
    });
    // A permit date in one list is enough; the review still has the deadline.
    expect(classOf({ permitDate: null }, { permitDate: PERMIT })).toMatchObject({ class: 'targetGroup' });
    expect(classOf({ birthDate: null })).toMatchObject({ deadline: '2026-06-15' });
  });

  it('sends conflicting identity to review: same DUF with different birth dates, or different permit facts', () => {
    expect(classOf({ birthDate: '1990-02-01' }, { birthDate: '1990-02-10' })).toMatchObject({
      class: 'needsReview',
      reviewReasons: ['birthDateConflict'],
    });
    expect(classOf({ permitDate: '2026-06-01' }, { permitDate: '2026-05-01' })).toMatchObject({
      reviewReasons: ['permitDateConflict'],
    });
    expect(classOf({ permitType: 'Kollektiv beskyttelse' }, { permitType: '§ 28' })).toMatchObject({
      reviewReasons: ['permitTypeConflict'],
    });
    expect(classOf({ nationalId: '41819012345' }, { nationalId: '41819054321' })).toMatchObject({
      reviewReasons: ['nationalIdConflict'],
    });
  });

  it('sends a person matched despite an unreadable DUF to review', () => {
    const a = inA({ nationalId: '41819012345', problems: [{ field: 'duf', reason: 'dufFormat' }] });
    const c = classify([a], [inB({ nationalId: '41819012345', duf: DUF })]);
    expect(c.needsReview).toMatchObject([{ reviewReasons: ['dufUnreadable'], duf: DUF }]);
  });

  it('sends a birth date after the permit date to review', () => {
    expect(classOf({ birthDate: '2026-06-10', permitDate: PERMIT })).toMatchObject({
      reviewReasons: ['birthAfterPermit'],
    });
  });

  it('puts people in one list only in onlyInA / onlyInB, whatever their age', () => {
    const c = classify([inA({ duf: DUF })], [inB({ duf: '201900000002', birthDate: '2015-01-01' })]);
    expect(c.onlyInA.map((p) => p.key)).toEqual([`duf:${DUF}`]);
    expect(c.onlyInB.map((p) => p.key)).toEqual(['duf:201900000002']);
    expect(c.onlyInA[0]?.deadline).toBe(null);
  });

  it('puts every member of an ambiguous name match in review, with distinct keys', () => {
    const a = [inA({ duf: DUF, row: 2 }), inA({ duf: '201900000002', row: 3 })];
    const c = classify(a, [inB({ row: 4 })]);
    expect(c.needsReview.map((p) => p.reviewReasons)).toEqual(Array(3).fill(['ambiguousNameMatch']));
    expect(new Set(c.needsReview.map((p) => p.key)).size).toBe(3);
    expect(c.needsReview[2]?.key).toBe('nbd:aminayusuf|1990-02-01@b.csv#4');
  });

  it('collapses duplicates into one person and keeps every source row', () => {
    const c = classify([inA({ duf: DUF, row: 2 }), inA({ duf: DUF, row: 8 })], [inB({ duf: DUF, row: 5 })]);
    expect(c.targetGroup).toHaveLength(1);
    expect(c.targetGroup[0]?.sources).toEqual([
      { list: 'A', file: 'a.csv', row: 2 },
      { list: 'A', file: 'a.csv', row: 8 },
      { list: 'B', file: 'b.csv', row: 5 },
    ]);
  });

  it('takes names from one row and other fields from the first row that has them (list A first)', () => {
    const c = classify(
      [inA({ duf: DUF, givenName: 'Amina', familyName: 'Yusuf', language: null, receptionCentre: 'Mottak A' })],
      [
        inB({
          duf: DUF,
          givenName: 'Aamina',
          familyName: 'Yusuf Ali',
          language: 'Somali',
          receptionCentre: 'Mottak B',
        }),
      ],
    );
    expect(c.targetGroup[0]).toMatchObject({
      givenName: 'Amina',
      familyName: 'Yusuf',
      language: 'Somali',
      receptionCentre: 'Mottak A',
    });
  });

  it('passes invalid rows of both lists through', () => {
    const c = classifyLists(
      { people: [], invalidRows: [{ file: 'a.csv', row: 3, reason: 'noIdentity' }] },
      { people: [], invalidRows: [{ file: 'b.csv', row: 9, reason: 'badQuotes' }] },
    );
    expect(c.invalidRows).toEqual([
      { file: 'a.csv', row: 3, reason: 'noIdentity' },
      { file: 'b.csv', row: 9, reason: 'badQuotes' },
    ]);
  });
});
