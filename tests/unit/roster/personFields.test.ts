import { describe, expect, it } from 'vitest';
import { PERSON_FIELDS, personFields } from '../../../src/domain/roster/personFields.ts';

describe('personFields', () => {
  it('keeps exactly the person fields (no national id, nothing else)', () => {
    const person = Object.fromEntries(PERSON_FIELDS.map((f, i) => [f, `v${i}`]));
    const picked = personFields({ ...person, nationalId: '01019012345', extra: 1 } as never);
    expect(Object.keys(picked).sort()).toEqual([...PERSON_FIELDS].sort());
    expect(picked).toEqual(person);
  });
});
