import { describe, expect, it } from 'vitest';
import { loadList, readList, readPeople } from '../../../src/domain/roster/list.ts';

const AS_OF = '2026-06-15';
const file = (text: string, name = 'liste.csv') => ({ name, bytes: new TextEncoder().encode(text) });

describe('readList', () => {
  it('reads a file end to end and reports the rows it could not use', () => {
    const text =
      'DUF-nummer;Navn;Fødselsdato;Vedtaksdato;Tillatelsestype\r\n' +
      '201900000001;Yusuf, Amina;01.02.1990;01.06.2026;§ 28\r\n' +
      '201900000002;Ali; Omar;03.04.1991;01.06.2026;§ 28\r\n' +
      ';Ukjent Person;;;\r\n';
    const result = readList(file(text), { asOf: AS_OF });
    if (!result.ok) throw new Error(result.reason);
    expect(result.list).toMatchObject({ encoding: 'utf-8', delimiter: ';', headerRow: 1 });
    expect(result.people.people.map((p) => p.duf)).toEqual(['201900000001']);
    expect(result.people.invalidRows).toEqual([
      { file: 'liste.csv', row: 3, reason: 'tooManyFields' },
      { file: 'liste.csv', row: 4, reason: 'noIdentity' },
    ]);
    expect(result.people.missingColumns).toEqual([]);
  });

  it('finds the header below title lines, and keeps file row numbers', () => {
    const text = 'Kvalifisering i mottak\r\nUttrekk 15.06.2026\r\n\r\nDUF;Navn\r\n201900000001;Yusuf, Amina\r\n';
    const result = readList(file(text), { asOf: AS_OF });
    if (!result.ok) throw new Error(result.reason);
    expect(result.list.headerRow).toBe(4);
    expect(result.people.people[0]?.source).toEqual({ file: 'liste.csv', row: 5 });
    expect(result.people.missingColumns).toEqual(['birthDate', 'permitDate', 'permitType']);
  });

  it('refuses a file without an identifying column, and one that is all header', () => {
    expect(readList(file('Navn;Kjønn\r\nAmina;K\r\n'), { asOf: AS_OF })).toEqual({
      ok: false,
      file: 'liste.csv',
      reason: 'noIdentifyingColumn',
    });
    expect(readList(file('Tittel\r\nDUF;Navn\r\n'), { asOf: AS_OF })).toMatchObject({
      ok: false,
      reason: 'headerOnly',
    });
    expect(readList(file(''), { asOf: AS_OF })).toMatchObject({ ok: false, reason: 'emptyFile' });
  });

  it('reads with a mapping the user chose instead of the guess', () => {
    const loaded = loadList(file('Nummer;Hvem;Dato\r\n201900000001;Amina Yusuf;01.02.1990\r\n'));
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.list.guess.mapping).toEqual({});
    expect(readPeople(loaded.list, loaded.list.guess.mapping, AS_OF)).toMatchObject({
      ok: false,
      reason: 'noIdentifyingColumn',
    });
    const read = readPeople(loaded.list, { duf: 0, fullName: 1, birthDate: 2 }, AS_OF);
    expect(read.ok && read.people.people[0]).toMatchObject({
      duf: '201900000001',
      givenName: 'Amina',
      familyName: 'Yusuf',
      birthDate: '1990-02-01',
    });
  });

  it('reports rows with broken quotes as invalid', () => {
    const result = readList(file('DUF;Navn\n201900000001;Ok\n201900000002;"Broken\n201900000003;Lost\n'), {
      asOf: AS_OF,
    });
    expect(result.ok && result.people.invalidRows).toEqual([{ file: 'liste.csv', row: 3, reason: 'badQuotes' }]);
  });
});
