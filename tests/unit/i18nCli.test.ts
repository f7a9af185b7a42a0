import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/cli/i18n.ts';
import { InfoLocale } from '../../src/client/resident-info/schema.ts';
import { UsageError } from '../../src/cli/usageError.ts';

// The CLI works on a copy of the locales, so the real files never change under a test.
let dir: string;
let out: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kartlegg-i18n-'));
  cpSync('src/client/resident-info/locales', join(dir, 'locales'), { recursive: true });
  out = join(dir, 'out');
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const locales = () => join(dir, 'locales');
const read = (lang: string) => InfoLocale.parse(JSON.parse(readFileSync(join(locales(), `${lang}.json`), 'utf8')));

describe('kartlegg i18n export/import', () => {
  it.each(['csv', 'xliff'] as const)(
    'round-trips %s: texts unchanged, status reviewed with the reviewer',
    async (format) => {
      const before = read('ti');
      expect(await i18n(['export', '--lang', 'ti', '--format', format, '--out', out], locales())).toBe(0);
      expect(await i18n(['import', out, '--reviewer', 'Kari Translatør'], locales())).toBe(0);
      const after = read('ti');
      expect(after.meta).toEqual({ ...before.meta, status: 'reviewed', reviewer: 'Kari Translatør' });
      expect(after.ui).toEqual(before.ui);
      expect(after.screens).toEqual(before.screens);
    },
  );

  it('takes the translator’s corrections, including quotes, commas and markup-like text', async () => {
    await i18n(['export', '--lang', 'fr', '--format', 'csv', '--out', out], locales());
    // A quoted CSV cell, as a spreadsheet writes it.
    const edited = readFileSync(out, 'utf8').replace(',Suivant', ',"Suivant, ""après"" <ici> & là"');
    writeFileSync(out, edited);
    expect(await i18n(['import', out, '--reviewer', 'Anne'], locales())).toBe(0);
    expect(read('fr').ui.next).toBe('Suivant, "après" <ici> & là');

    await i18n(['export', '--lang', 'fr', '--format', 'xliff', '--out', out], locales());
    expect(readFileSync(out, 'utf8')).toContain('Suivant, &quot;après&quot; &lt;ici&gt; &amp; là');
    expect(readFileSync(out, 'utf8')).toContain('state="final"');
    expect(await i18n(['import', out, '--reviewer', 'Anne'], locales())).toBe(0);
    expect(read('fr').ui.next).toBe('Suivant, "après" <ici> & là');
  });

  it('refuses a file with a missing key, an unknown key or a lost placeholder, and changes nothing', async () => {
    const original = readFileSync(join(locales(), 'so.json'), 'utf8');
    await i18n(['export', '--lang', 'so', '--out', out], locales());
    const csv = readFileSync(out, 'utf8');
    const cases = [
      csv.replace(/^ui\.next,.*\r?\n/m, ''),
      csv + 'ui.extra,Extra,Extra\n',
      // The target column (the last one) loses {{km}}; the English source keeps it.
      csv.replace(/\{\{km\}\} km(?!.*\{\{km\}\})/, '6 km'),
    ];
    for (const broken of cases) {
      writeFileSync(out, broken);
      expect(await i18n(['import', out, '--reviewer', 'Anne'], locales())).toBe(1);
    }
    expect(readFileSync(join(locales(), 'so.json'), 'utf8')).toBe(original);
  });

  it('needs a reviewer and a known language', async () => {
    await i18n(['export', '--lang', 'am', '--out', out], locales());
    await expect(i18n(['import', out], locales())).rejects.toThrow(UsageError);
    await expect(i18n(['export', '--lang', 'xx'], locales())).rejects.toThrow(UsageError);
    await expect(i18n(['export', '--lang', 'am', '--format', 'pdf'], locales())).rejects.toThrow(UsageError);
  });
});
