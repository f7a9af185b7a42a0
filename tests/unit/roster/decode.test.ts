import { describe, expect, it } from 'vitest';
import { decodeListBytes } from '../../../src/domain/roster/decode.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeListBytes', () => {
  it('reads UTF-8, and UTF-8 with a byte-order mark (which it drops)', () => {
    expect(decodeListBytes(utf8('Fornavn;Etternavn\nØyvind;Åsen\n'))).toEqual({
      ok: true,
      text: 'Fornavn;Etternavn\nØyvind;Åsen\n',
      encoding: 'utf-8',
      warnings: [],
    });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Navn\nÆsa')]);
    expect(decodeListBytes(bom)).toMatchObject({ ok: true, text: 'Navn\nÆsa', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (ISO-8859-1 letters and the 0x80–0x9F extras)', () => {
    // "Bjørkely;Åse;Müller;€;Š" written byte by byte in Windows-1252.
    const bytes = new Uint8Array([
      0x42, 0x6a, 0xf8, 0x72, 0x6b, 0x65, 0x6c, 0x79, 0x3b, 0xc5, 0x73, 0x65, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72,
      0x3b, 0x80, 0x3b, 0x8a,
    ]);
    expect(decodeListBytes(bytes)).toEqual({
      ok: true,
      text: 'Bjørkely;Åse;Müller;€;Š',
      encoding: 'windows-1252',
      warnings: [],
    });
  });

  it('maps 0x92 to ’ as browsers do, also in Node (whose TextDecoder decodes windows-1252 as Latin-1)', () => {
    const bytes = new Uint8Array([0x4d, 0x61, 0x92, 0x72, 0x75, 0x66, 0xe9]); // "Ma’rufé"
    expect(decodeListBytes(bytes)).toMatchObject({ ok: true, text: 'Ma’rufé', encoding: 'windows-1252' });
  });

  it('reads Excel "Unicode text" (UTF-16 with a byte-order mark)', () => {
    const text = 'DUF\tNavn\n201912345678\tØ';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    expect(decodeListBytes(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' });
  });

  it('refuses empty, binary, Excel workbook and oversized files with a code', () => {
    expect(decodeListBytes(new Uint8Array())).toEqual({ ok: false, reason: 'emptyFile' });
    expect(decodeListBytes(new Uint8Array([0x41, 0x00, 0x42]))).toEqual({ ok: false, reason: 'binaryFile' });
    const controls = new Uint8Array(200).fill(0x41);
    controls.set([0x01, 0x02, 0x03], 50);
    expect(decodeListBytes(controls)).toEqual({ ok: false, reason: 'binaryFile' });
    expect(decodeListBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toEqual({
      ok: false,
      reason: 'excelWorkbook',
    });
    expect(decodeListBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toEqual({
      ok: false,
      reason: 'excelWorkbook',
    });
    expect(decodeListBytes(utf8('a;b\n1;2\n'), { maxBytes: 4 })).toEqual({ ok: false, reason: 'fileTooLarge' });
  });

  it('lets a stray control character through: one bad byte must not refuse the list', () => {
    const text = `Navn;Fødselsdato\n${'Amina Yusuf;01.02.1990\n'.repeat(20)}Ali\u0007;01.01.1991\n`;
    expect(decodeListBytes(utf8(text))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('warns when UTF-8 text looks double-encoded', () => {
    expect(decodeListBytes(utf8('Navn\nBjÃ¸rn'))).toMatchObject({ ok: true, warnings: ['suspectMojibake'] });
  });
});
