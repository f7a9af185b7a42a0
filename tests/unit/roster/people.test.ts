import { describe, expect, it } from 'vitest';
import { guessColumns } from '../../../src/domain/roster/columns.ts';
import { readName, readPerson } from '../../../src/domain/roster/people.ts';

const AS_OF = '2026-06-15';
const HEADER = [
  'DUF-nummer',
  'Fødselsnummer',
  'Fornavn',
  'Etternavn',
  'Navn',
  'Fødselsdato',
  'Kjønn',
  'Statsborgerskap',
  'Morsmål',
  'Mottak',
  'Vedtaksdato',
  'Tillatelsestype',
];
const { mapping } = guessColumns(HEADER);
const source = { file: 'a.csv', row: 7 };

function row(values: Partial<Record<(typeof HEADER)[number], string>>): string[] {
  return HEADER.map((h) => values[h] ?? '');
}

describe('readPerson', () => {
  it('reads and normalises every field', () => {
    const cells = row({
      'DUF-nummer': '2019 123456-78',
      Fødselsnummer: '41.81.90 12345',
      Fornavn: ' Amina  Noor ',
      Etternavn: 'Yusuf',
      Fødselsdato: '01.02.1990',
      Kjønn: 'K',
      Statsborgerskap: 'Somalia',
      Morsmål: 'Somali',
      Mottak: 'Fjellheim  mottak',
      Vedtaksdato: '2026-06-01',
      Tillatelsestype: '§ 28\nflyktning',
    });
    expect(readPerson(cells, mapping, source, AS_OF)).toEqual({
      ok: true,
      person: {
        duf: '201912345678',
        nationalId: '41819012345',
        givenName: 'Amina Noor',
        familyName: 'Yusuf',
        birthDate: '1990-02-01',
        gender: 'female',
        citizenship: 'Somalia',
        language: 'Somali',
        receptionCentre: 'Fjellheim mottak',
        permitDate: '2026-06-01',
        permitType: '§ 28 flyktning',
        source,
        problems: [],
      },
    });
  });

  it('restores the leading zero Excel drops from a national id', () => {
    const read = readPerson(row({ Fødselsnummer: '1019012345' }), mapping, source, AS_OF);
    expect(read.ok && read.person.nationalId).toBe('01019012345');
  });

  it('keeps a person with unreadable cells, recording each problem', () => {
    const read = readPerson(
      row({
        'DUF-nummer': '201912345678',
        Fødselsnummer: '123',
        Fødselsdato: '31.02.1990',
        Vedtaksdato: '01.07.2026',
        Kjønn: 'X',
      }),
      mapping,
      source,
      AS_OF,
    );
    expect(read).toMatchObject({
      ok: true,
      person: {
        duf: '201912345678',
        nationalId: null,
        birthDate: null,
        permitDate: null,
        gender: 'unspecified',
        problems: [
          { field: 'nationalId', reason: 'nationalIdFormat' },
          { field: 'birthDate', reason: 'dateNotReal' },
          { field: 'permitDate', reason: 'dateInFuture' },
        ],
      },
    });
  });

  it('identifies a person by name and birth date alone', () => {
    const read = readPerson(row({ Navn: 'Yusuf, Amina', Fødselsdato: '1.2.90' }), mapping, source, AS_OF);
    expect(read).toMatchObject({
      ok: true,
      person: { givenName: 'Amina', familyName: 'Yusuf', birthDate: '1990-02-01' },
    });
  });

  it('turns a row that identifies nobody into an invalid row, naming the unreadable cell when there is one', () => {
    expect(readPerson(row({ Fornavn: 'Amina', Etternavn: 'Yusuf' }), mapping, source, AS_OF)).toEqual({
      ok: false,
      invalid: { file: 'a.csv', row: 7, reason: 'noIdentity' },
    });
    expect(readPerson(row({ 'DUF-nummer': '2019 1234', Navn: 'X' }), mapping, source, AS_OF)).toEqual({
      ok: false,
      invalid: { file: 'a.csv', row: 7, reason: 'dufFormat', field: 'duf' },
    });
    expect(readPerson(row({ 'DUF-nummer': '2,01912E+11' }), mapping, source, AS_OF)).toEqual({
      ok: false,
      invalid: { file: 'a.csv', row: 7, reason: 'dufExcelNumber', field: 'duf' },
    });
    expect(readPerson(row({ Navn: 'Ali Omar', Fødselsdato: '1990-02-30' }), mapping, source, AS_OF)).toEqual({
      ok: false,
      invalid: { file: 'a.csv', row: 7, reason: 'dateNotReal', field: 'birthDate' },
    });
    expect(readPerson(row({ Fødselsdato: '01.01.2090' }), mapping, source, AS_OF)).toMatchObject({
      ok: false,
      invalid: { reason: 'noIdentity' },
    });
  });

  it('reads gender in Norwegian and English, leaving unknown values unspecified', () => {
    const gender = (value: string) => {
      const read = readPerson(row({ 'DUF-nummer': '201912345678', Kjønn: value }), mapping, source, AS_OF);
      return read.ok ? read.person.gender : 'invalid';
    };
    expect([gender('K'), gender('Kvinne'), gender('F'), gender('female')]).toEqual(Array(4).fill('female'));
    expect([gender('M'), gender('Mann'), gender('male')]).toEqual(Array(3).fill('male'));
    expect([gender('Ukjent'), gender('')]).toEqual(['unspecified', null]);
  });
});

describe('readName', () => {
  it('prefers separate columns, then splits a full name at the comma or before the last word', () => {
    expect(readName('Amina', 'Yusuf', 'ignored')).toEqual({ givenName: 'Amina', familyName: 'Yusuf' });
    expect(readName('', '', 'Al-Hassan, Omar Khaled')).toEqual({ givenName: 'Omar Khaled', familyName: 'Al-Hassan' });
    expect(readName('', '', 'Omar Khaled Al-Hassan')).toEqual({ givenName: 'Omar Khaled', familyName: 'Al-Hassan' });
    expect(readName('', '', 'Tesfay')).toEqual({ givenName: '', familyName: 'Tesfay' });
  });
});
