import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/domain/csv.ts';

describe('toCsv', () => {
  it('writes UTF-8 with BOM, semicolons and CRLF, quoting where needed', () => {
    expect(
      toCsv(
        ['navn', 'merknad'],
        [
          ['Åse Ødegård', 'sa "hei"; gikk'],
          ['Ola', null],
        ],
      ),
    ).toBe('\uFEFFnavn;merknad\r\nÅse Ødegård;"sa ""hei""; gikk"\r\nOla;\r\n');
  });

  it.each(['=HYPERLINK("http://x")', '+47 22', '-1', '@SUM(A1)', '\tx'])(
    'keeps %j from running as a formula',
    (value) => {
      const line = toCsv(['a'], [[value]]).split('\r\n')[1] ?? '';
      expect(line.replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );
});
