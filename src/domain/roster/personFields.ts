import type { Gender } from '../resident.ts';

/**
 * What a NIR list says of a person and the roster keeps: the same fields on a list row, a matched
 * person, the import's preview, the roster record and the CLI's JSON. The national id number is read
 * for matching only and is not one of them (data minimisation).
 */
export const PERSON_FIELDS = [
  'duf',
  'givenName',
  'familyName',
  'birthDate',
  'gender',
  'citizenship',
  'language',
  'receptionCentre',
  'permitDate',
  'permitType',
] as const;

export type PersonField = (typeof PERSON_FIELDS)[number];

export interface PersonFields {
  /** UDI's case number, 12 digits without separators. */
  duf: string | null;
  /** '' when unknown. */
  givenName: string;
  familyName: string;
  /** ISO dates. */
  birthDate: string | null;
  gender: Gender | null;
  citizenship: string | null;
  language: string | null;
  receptionCentre: string | null;
  permitDate: string | null;
  permitType: string | null;
}

/**
 * Only the person fields of a larger object (drops the national id and everything else). Spelled out
 * rather than built from PERSON_FIELDS: an import calls it for every person, twice.
 */
export function personFields(p: PersonFields): PersonFields {
  const { duf, givenName, familyName, birthDate, gender } = p;
  const { citizenship, language, receptionCentre, permitDate, permitType } = p;
  return {
    duf,
    givenName,
    familyName,
    birthDate,
    gender,
    citizenship,
    language,
    receptionCentre,
    permitDate,
    permitType,
  };
}
