import { describe, expect, it } from 'vitest';
import { checkResidentInput, isIsoDate, residentDisplayName } from '../../src/domain/resident.ts';

describe('checkResidentInput', () => {
  it('trims and collapses spaces, and turns an empty birth date into null', () => {
    expect(checkResidentInput({ givenName: '  Amina  Noor ', familyName: ' Yusuf', birthDate: ' ' })).toEqual({
      ok: true,
      fields: { givenName: 'Amina Noor', familyName: 'Yusuf', birthDate: null },
    });
  });

  it('returns every problem as a code', () => {
    expect(checkResidentInput({ givenName: ' ', familyName: '', birthDate: '2023-02-29' })).toEqual({
      ok: false,
      problems: ['givenNameRequired', 'familyNameRequired', 'birthDateInvalid'],
    });
    expect(checkResidentInput({ givenName: 'x'.repeat(101), familyName: 'y', birthDate: '' })).toEqual({
      ok: false,
      problems: ['nameTooLong'],
    });
  });

  it('keeps names in any script as typed', () => {
    const r = checkResidentInput({ givenName: 'ሰላም', familyName: 'محمد', birthDate: '2000-01-31' });
    expect(r).toEqual({ ok: true, fields: { givenName: 'ሰላም', familyName: 'محمد', birthDate: '2000-01-31' } });
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['24-01-01', false],
    ['01.02.2024', false],
  ])('%s → %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe('residentDisplayName', () => {
  it('puts the family name first, as Norwegian lists do', () => {
    expect(residentDisplayName({ givenName: 'Ola', familyName: 'Nordmann' })).toBe('Nordmann, Ola');
  });
});

describe('checkResidentInput with the roster fields', () => {
  const names = { givenName: 'Amina', familyName: 'Yusuf', birthDate: '' };

  it('cleans a DUF number written with separators, and empty fields become null', () => {
    const r = checkResidentInput({
      ...names,
      duf: ' 2019 123456-78 ',
      gender: 'female',
      citizenship: '  Eritrea ',
      language: '',
      receptionCentre: 'Mottak   Nord',
      permitDate: '2026-06-01',
      permitType: '',
    });
    expect(r).toEqual({
      ok: true,
      fields: {
        givenName: 'Amina',
        familyName: 'Yusuf',
        birthDate: null,
        duf: '201912345678',
        gender: 'female',
        citizenship: 'Eritrea',
        language: null,
        receptionCentre: 'Mottak Nord',
        permitDate: '2026-06-01',
        permitType: null,
      },
    });
  });

  it('returns the roster problems as codes', () => {
    expect(
      checkResidentInput({ ...names, duf: '2019', permitDate: '2026-02-30', citizenship: 'x'.repeat(201) }),
    ).toEqual({ ok: false, problems: ['dufInvalid', 'permitDateInvalid', 'textTooLong'] });
    expect(checkResidentInput({ ...names, gender: 'other' })).toMatchObject({ ok: true, fields: { gender: null } });
  });
});
