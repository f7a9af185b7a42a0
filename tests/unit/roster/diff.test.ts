import { describe, expect, it } from 'vitest';
import { classifyLists, type ClassifiedPerson } from '../../../src/domain/roster/classify.ts';
import { diffRoster, type RosterEntry } from '../../../src/domain/roster/diff.ts';
import type { NirPerson } from '../../../src/domain/roster/people.ts';
import { personFields } from '../../../src/domain/roster/personFields.ts';
import { inA, inB } from './fixtures.ts';

/** Everyone in both lists, as a new import would hand them to the diff. */
function classified(...people: Partial<NirPerson>[]): ClassifiedPerson[] {
  const c = classifyLists(
    { people: people.map((p, i) => inA({ row: i + 2, ...p })), invalidRows: [] },
    { people: people.map((p, i) => inB({ row: i + 2, ...p })), invalidRows: [] },
  );
  return [...c.targetGroup, ...c.exempt, ...c.outsideAge, ...c.needsReview];
}

type Resident = RosterEntry & { mapped?: boolean };

/** The roster as last week's import left it. */
function roster(...people: (Partial<NirPerson> & { id: string; mapped?: boolean })[]): Resident[] {
  return people.map(({ id, mapped, ...fields }) => {
    const [p] = classified(fields);
    if (!p) throw new Error('not classified');
    return { ...pick(p), id, ...(mapped ? { mapped } : {}) };
  });
}

function pick(p: ClassifiedPerson): RosterEntry {
  return { id: '', ...personFields(p), nationalId: p.nationalId, class: p.class, deadline: p.deadline };
}

const DUF1 = '201900000001';
const DUF2 = '201900000002';
const DUF3 = '201900000003';
const mustKeep = (r: Resident) => r.mapped === true;

describe('diffRoster', () => {
  it('finds new, changed (with the fields), unchanged and no longer listed residents', () => {
    const current = roster(
      { id: 'r1', duf: DUF1 },
      { id: 'r2', duf: DUF2, receptionCentre: 'Mottak Nord' },
      { id: 'r3', duf: DUF3, givenName: 'Omar' },
    );
    const next = classified(
      { duf: DUF1 },
      { duf: DUF2, receptionCentre: 'Mottak Sør', permitType: 'Kollektiv beskyttelse' },
      { duf: '201900000004', givenName: 'Ny' },
    );
    const diff = diffRoster(current, next, mustKeep);
    expect(diff.unchanged.map((u) => u.current.id)).toEqual(['r1']);
    expect(diff.changed.map((c) => [c.current.id, c.fields])).toEqual([
      ['r2', ['receptionCentre', 'permitType', 'class', 'deadline']],
    ]);
    expect(diff.added.map((p) => p.duf)).toEqual(['201900000004']);
    expect(diff.removed).toEqual([{ current: current[2], mustKeep: false }]);
    expect(diff.ambiguous).toEqual([]);
  });

  it('marks a resident with a mapping or a session as one that must not be removed', () => {
    const current = roster({ id: 'r1', duf: DUF1, mapped: true }, { id: 'r2', duf: DUF2 });
    const diff = diffRoster(current, [], mustKeep);
    expect(diff.removed.map((r) => [r.current.id, r.mustKeep])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
  });

  it('finds a resident imported without a DUF once the DUF appears (national id, then name + birth date)', () => {
    const current = roster(
      { id: 'r1', nationalId: '41819012345', givenName: 'Omar', birthDate: '1991-01-01' },
      { id: 'r2', givenName: 'Amina' },
    );
    const next = classified(
      { duf: DUF1, nationalId: '41819012345', givenName: 'Omar', birthDate: '1991-01-01' },
      { duf: DUF2, givenName: 'AMINA' },
    );
    const diff = diffRoster(current, next, mustKeep);
    expect(diff.changed.map((c) => [c.current.id, c.fields])).toEqual([
      ['r1', ['duf']],
      ['r2', ['duf', 'givenName']],
    ]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });

  it('does not match by name + birth date when a DUF on both sides differs', () => {
    const diff = diffRoster(roster({ id: 'r1', duf: DUF1 }), classified({ duf: DUF2 }), mustKeep);
    expect(diff.added.map((p) => p.duf)).toEqual([DUF2]);
    expect(diff.removed.map((r) => r.current.id)).toEqual(['r1']);
  });

  it('never guesses: several candidates, or two new people claiming one resident, go to ambiguous', () => {
    const twins = roster({ id: 'r1', nationalId: '41819012345' }, { id: 'r2', nationalId: '41819054321' });
    const one = diffRoster(twins, classified({ duf: DUF1 }), mustKeep);
    expect(one.ambiguous.map((a) => a.candidates.map((c) => c.id))).toEqual([['r1', 'r2']]);
    expect([one.added, one.removed, one.changed]).toEqual([[], [], []]);

    const single = roster({ id: 'r1' });
    const two = diffRoster(single, classified({ duf: DUF1 }, { duf: DUF2 }), mustKeep);
    expect(two.ambiguous.map((a) => [a.next.duf, a.candidates.map((c) => c.id)])).toEqual([
      [DUF1, ['r1']],
      [DUF2, ['r1']],
    ]);
    expect([two.added, two.removed]).toEqual([[], []]);
  });
});
