import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseListText } from '../../../src/domain/roster/parse.ts';

function parsed(text: string) {
  const result = parseListText(text);
  if (!result.ok) throw new Error(result.reason);
  return result.parsed;
}

describe('parseListText', () => {
  it.each([
    [';', 'DUF;Navn;Fødselsdato\r\n201912345678;Yusuf, Amina;01.02.1990\r\n'],
    [',', 'DUF,Navn,Fødselsdato\r\n201912345678,"Yusuf, Amina",01.02.1990\r\n'],
    ['\t', 'DUF\tNavn\tFødselsdato\r\n201912345678\tYusuf, Amina\t01.02.1990\r\n'],
  ])('detects %j and splits CRLF rows, honouring quotes', (delimiter, text) => {
    const { delimiter: found, records } = parsed(text);
    expect(found).toBe(delimiter);
    expect(records).toEqual([
      { row: 1, cells: ['DUF', 'Navn', 'Fødselsdato'] },
      { row: 2, cells: ['201912345678', 'Yusuf, Amina', '01.02.1990'] },
    ]);
  });

  it('keeps quoted delimiters, doubled quotes and line breaks inside one cell, and counts rows as Excel does', () => {
    const text =
      'DUF;Mottak;Tillatelsestype\r\n' +
      '201900000001;"Solbakken; enslige";"Oppholdstillatelse\r\n§ 28"\r\n' +
      '\r\n' +
      '201900000002;"Mottak ""Solstua""";§ 38\r\n';
    expect(parsed(text).records).toEqual([
      { row: 1, cells: ['DUF', 'Mottak', 'Tillatelsestype'] },
      { row: 2, cells: ['201900000001', 'Solbakken; enslige', 'Oppholdstillatelse\n§ 28'] },
      // Row 3 is the blank line: skipped, but still counted.
      { row: 4, cells: ['201900000002', 'Mottak "Solstua"', '§ 38'] },
    ]);
  });

  it('splits a file that mixes CRLF and LF', () => {
    expect(parsed('a;b\r\n1;2\n3;4\r\n').records.map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('picks the delimiter most rows agree on, despite a title line and commas inside names', () => {
    const text = 'Uttrekk fra NIR, 15.06.2026\n\nDUF;Navn;Født\n1;Yusuf, Amina;1.2.90\n2;Ali, Omar;3.4.91\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(detectDelimiter('Navn\nAmina\n')).toBe(';');
  });

  it('refuses an empty file, a blank one, and one with only a header', () => {
    expect(parseListText('')).toEqual({ ok: false, reason: 'emptyFile' });
    expect(parseListText('\uFEFF \r\n\r\n;;\r\n')).toEqual({ ok: false, reason: 'emptyFile' });
    expect(parseListText('DUF;Navn\r\n')).toEqual({ ok: false, reason: 'headerOnly' });
    expect(parseListText('DUF;Navn\r\n;\r\n\r\n')).toEqual({ ok: false, reason: 'headerOnly' });
  });

  it('reports the row where a quote is never closed', () => {
    const { badQuotes, records } = parsed('DUF;Navn\n201900000001;Ok\n201900000002;"Broken\n201900000003;Lost\n');
    expect(badQuotes).toEqual([3]);
    expect(records.map((r) => r.row)).toEqual([1, 2, 3]);
  });
});
