import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  guessColumns,
  headerSignature,
  identifiesPerson,
  recogniseHeader,
} from '../../../src/domain/roster/columns.ts';

describe('recogniseHeader', () => {
  it.each([
    ['duf', ['DUF', 'DUF-nr', 'DUF-nummer', 'DUF nr.', 'duf_nummer', 'Dufnr', 'DUF-nummer (UDI)']],
    ['nationalId', ['Fødselsnummer', 'D-nummer', 'Personnummer', 'Fnr', 'FØDSELSNUMMER / D-NUMMER', 'Foedselsnummer']],
    ['givenName', ['Fornavn', 'fornavn ', 'Fornavn og mellomnavn']],
    ['familyName', ['Etternavn', 'ETTERNAVN']],
    ['fullName', ['Navn', 'Fullt navn', 'Etternavn, fornavn', 'Fornavn Etternavn']],
    ['birthDate', ['Fødselsdato', 'Fodselsdato', 'Født', 'fødselsdato (dd.mm.åååå)']],
    ['gender', ['Kjønn', 'KJONN']],
    ['citizenship', ['Statsborgerskap', 'Nasjonalitet']],
    ['language', ['Morsmål', 'Språk', 'morsmaal']],
    ['receptionCentre', ['Mottak', 'Mottaksnavn', 'Navn på mottak', 'Asylmottak']],
    ['permitDate', ['Vedtaksdato', 'Tillatelsesdato', 'Dato for vedtak', 'Vedtak dato']],
    ['permitType', ['Tillatelsestype', 'Oppholdsgrunnlag', 'Type tillatelse', 'Hjemmel']],
  ] as const)('recognises %s in %j', (column, headers) => {
    for (const header of headers) expect(recogniseHeader(header), header).toBe(column);
  });

  it('leaves unknown headers and near misses alone', () => {
    expect(recogniseHeader('Mottaksdato')).toBe(null); // arrival date, not the centre
    expect(recogniseHeader('Mellomnavn')).toBe(null);
    expect(recogniseHeader('Kommentar')).toBe(null);
    expect(recogniseHeader('  ')).toBe(null);
  });
});

describe('guessColumns', () => {
  it('maps each column to the first header naming it and lists the rest as unmapped', () => {
    const header = ['DUF-nummer', 'Fornavn', 'Etternavn', 'Fødselsdato', 'Kommentar', 'DUF nr.'];
    expect(guessColumns(header)).toEqual({
      signature: 'v1:dufnummer|fornavn|etternavn|fodselsdato|kommentar|dufnr',
      mapping: { duf: 0, givenName: 1, familyName: 2, birthDate: 3 },
      unmapped: [4, 5],
    });
  });

  it('gives a signature that survives case, spacing and punctuation but not reordering', () => {
    expect(headerSignature(['DUF-nr', 'Fødselsdato'])).toBe(headerSignature(['duf nr.', ' FØDSELSDATO ']));
    expect(headerSignature(['DUF-nr', 'Fødselsdato'])).not.toBe(headerSignature(['Fødselsdato', 'DUF-nr']));
  });

  it('produces a plain JSON mapping that can be stored and read back', () => {
    const { mapping } = guessColumns(['DUF', 'Navn']);
    expect(JSON.parse(JSON.stringify(mapping))).toEqual(mapping);
  });
});

describe('checkMapping', () => {
  it('needs a DUF, a national id, or a name with a birth date', () => {
    expect(identifiesPerson({ duf: 0 })).toBe(true);
    expect(identifiesPerson({ nationalId: 0 })).toBe(true);
    expect(identifiesPerson({ fullName: 0, birthDate: 1 })).toBe(true);
    expect(identifiesPerson({ givenName: 0, familyName: 1, birthDate: 2 })).toBe(true);
    expect(identifiesPerson({ givenName: 0, birthDate: 2 })).toBe(false);
    expect(identifiesPerson({ fullName: 0, gender: 1 })).toBe(false);
    expect(checkMapping({ fullName: 0, gender: 1 }, 2)).toEqual({ ok: false, reason: 'noIdentifyingColumn' });
  });

  it('refuses indices outside the header and one column used twice (a user-edited mapping)', () => {
    expect(checkMapping({ duf: 3 }, 3)).toEqual({ ok: false, reason: 'columnOutOfRange' });
    expect(checkMapping({ duf: -1 }, 3)).toEqual({ ok: false, reason: 'columnOutOfRange' });
    expect(checkMapping({ duf: 0, nationalId: 0 }, 3)).toEqual({ ok: false, reason: 'columnUsedTwice' });
    expect(checkMapping({ duf: 0, nationalId: 1 }, 3)).toEqual({ ok: true });
  });
});
