import type { NirPerson } from '../../../src/domain/roster/people.ts';

/** A list row as readPerson would return it; tests set only what they are about. */
export function nir(fields: Partial<NirPerson> & { row?: number; file?: string } = {}): NirPerson {
  const { row = 2, file = 'a.csv', ...rest } = fields;
  return {
    duf: null,
    nationalId: null,
    givenName: 'Amina',
    familyName: 'Yusuf',
    birthDate: '1990-02-01',
    gender: null,
    citizenship: null,
    language: null,
    receptionCentre: null,
    permitDate: '2026-06-01',
    permitType: '§ 28 flyktning',
    source: { file, row },
    problems: [],
    ...rest,
  };
}

export const inA = (fields: Partial<NirPerson> & { row?: number } = {}) => nir({ file: 'a.csv', ...fields });
export const inB = (fields: Partial<NirPerson> & { row?: number } = {}) => nir({ file: 'b.csv', ...fields });
