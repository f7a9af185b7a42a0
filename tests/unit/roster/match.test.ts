import { describe, expect, it } from 'vitest';
import { matchLists } from '../../../src/domain/roster/match.ts';
import { inA, inB } from './fixtures.ts';

/** Each group as "A2+B3" (list and row of every member), ambiguous ones marked with "?". */
function shape(a: Parameters<typeof matchLists>[0], b: Parameters<typeof matchLists>[1]): string[] {
  return matchLists(a, b).map(
    (g) => g.rows.map((r) => `${r.list}${r.person.source.row}`).join('+') + (g.ambiguous ? '?' : ''),
  );
}

const DUF1 = '201900000001';
const DUF2 = '201900000002';
const NID1 = '41819012345';
const NID2 = '41819054321';

describe('matchLists', () => {
  it('matches on DUF first, even when names and everything else differ', () => {
    expect(shape([inA({ duf: DUF1, givenName: 'Mohammed' })], [inB({ duf: DUF1, givenName: 'Muhammad' })])).toEqual([
      'A2+B2',
    ]);
  });

  it('keeps two people apart when their DUFs differ, even with the same name and birth date', () => {
    expect(shape([inA({ duf: DUF1 })], [inB({ duf: DUF2 })])).toEqual(['A2', 'B2']);
  });

  it('falls back to the national id when a row has no DUF', () => {
    expect(shape([inA({ duf: DUF1, nationalId: NID1 })], [inB({ nationalId: NID1, givenName: 'Other' })])).toEqual([
      'A2+B2',
    ]);
    expect(shape([inA({ nationalId: NID1 })], [inB({ nationalId: NID2 })])).toEqual(['A2', 'B2']);
  });

  it('falls back to name + birth date (spelling-insensitive) when no number is shared', () => {
    const b = inB({ givenName: 'AMÍNA', familyName: ' yusuf ' });
    expect(shape([inA({ duf: DUF1, nationalId: NID1 })], [b])).toEqual(['A2+B2']);
    // A DUF on one side and a national id on the other cannot be compared, so the name decides.
    expect(shape([inA({ duf: DUF1 })], [inB({ nationalId: NID1 })])).toEqual(['A2+B2']);
    // Different birth date: no match.
    expect(shape([inA({ duf: DUF1 })], [inB({ birthDate: '1990-02-02' })])).toEqual(['A2', 'B2']);
  });

  it('never guesses between several name + birth-date candidates', () => {
    const a = [inA({ duf: DUF1, row: 2 }), inA({ duf: DUF2, row: 3 })];
    expect(shape(a, [inB({ row: 5 })])).toEqual(['A2?', 'A3?', 'B5?']);
    // Two candidates in list B for one list A row without numbers.
    expect(shape([inA()], [inB({ duf: DUF1, row: 2 }), inB({ duf: DUF2, row: 3 })])).toEqual(['A2?', 'B2?', 'B3?']);
  });

  it('leaves unrelated people with the same name and birth date alone when numbers tell them apart', () => {
    expect(shape([inA({ duf: DUF1, row: 2 }), inA({ duf: DUF2, row: 3 })], [])).toEqual(['A2', 'A3']);
  });

  it('collapses duplicate rows inside one list', () => {
    expect(shape([inA({ duf: DUF1, row: 2 }), inA({ duf: DUF1, row: 9 })], [inB({ duf: DUF1 })])).toEqual(['A2+A9+B2']);
    // Rows with no number and the same name + birth date are duplicates too, and then match list B.
    expect(shape([inA({ row: 2 }), inA({ row: 3, givenName: 'amina' })], [inB()])).toEqual(['A2+A3+B2']);
  });

  it('joins rows sharing a national id even when their DUFs differ (a conflict for review, not two people)', () => {
    expect(shape([inA({ duf: DUF1, nationalId: NID1 })], [inB({ duf: DUF2, nationalId: NID1 })])).toEqual(['A2+B2']);
  });

  it('does not match on a name alone', () => {
    expect(shape([inA({ birthDate: null, duf: DUF1 })], [inB({ birthDate: null, nationalId: NID1 })])).toEqual([
      'A2',
      'B2',
    ]);
  });
});
