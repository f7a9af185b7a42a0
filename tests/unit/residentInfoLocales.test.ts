import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  InfoLocale,
  placeholders,
  RESIDENT_LANGUAGES,
  SCREEN_IDS,
  translatableEntries,
} from '../../src/client/resident-info/schema.ts';

const DIR = 'src/client/resident-info/locales';
const RTL = ['ar', 'prs', 'fa', 'ps', 'ckb'];

function raw(code: string): unknown {
  return JSON.parse(readFileSync(`${DIR}/${code}.json`, 'utf8'));
}
/** Every leaf key of a file, metadata included, so an extra or missing key anywhere shows. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const source = InfoLocale.parse(raw('en'));

describe('resident information locales', () => {
  it('has a file for exactly the 17 languages, and no other', () => {
    const files = readdirSync(DIR).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...RESIDENT_LANGUAGES].sort());
  });

  it.each(RESIDENT_LANGUAGES)('%s is valid and has every key of the English source', (code) => {
    const locale = InfoLocale.parse(raw(code));
    const texts = new Map(translatableEntries(locale));
    for (const [key, text] of translatableEntries(source)) {
      expect(texts.get(key), key).toBeTruthy();
      expect(placeholders(texts.get(key) ?? ''), key).toEqual(placeholders(text));
    }
    const withoutReviewer = (k: string) => k !== 'meta.reviewer';
    expect(keys(locale).filter(withoutReviewer).sort()).toEqual(keys(source).filter(withoutReviewer).sort());
    expect(Object.keys(locale.screens)).toEqual([...SCREEN_IDS]);
  });

  it('is right-to-left for exactly Arabic, Dari, Farsi, Pashto and Sorani', () => {
    const rtl = RESIDENT_LANGUAGES.filter((code) => InfoLocale.parse(raw(code)).meta.dir === 'rtl');
    expect(rtl.sort()).toEqual([...RTL].sort());
  });

  it('bundles the Arabic font for Arabic script and the Ethiopic font for Tigrinya and Amharic', () => {
    for (const code of RESIDENT_LANGUAGES) {
      const { meta } = InfoLocale.parse(raw(code));
      const expected =
        meta.script === 'Arab' ? 'Noto Sans Arabic' : meta.script === 'Ethi' ? 'Noto Sans Ethiopic' : 'system';
      expect(meta.font, code).toBe(expected);
    }
    expect(InfoLocale.parse(raw('ti')).meta.script).toBe('Ethi');
    expect(InfoLocale.parse(raw('am')).meta.script).toBe('Ethi');
  });

  it('marks machine-drafted languages as draft (none is reviewed yet)', () => {
    for (const code of RESIDENT_LANGUAGES) expect(InfoLocale.parse(raw(code)).meta.status, code).toBe('draft');
  });

  it('rejects a missing key, an empty text and a reviewed language without a reviewer', () => {
    const broken = structuredClone(raw('en')) as { screens: Record<string, unknown>; ui: Record<string, string> };
    delete broken.screens['bring'];
    expect(InfoLocale.safeParse(broken).success).toBe(false);
    const empty = structuredClone(raw('en')) as { ui: Record<string, string> };
    empty.ui['next'] = ' ';
    expect(InfoLocale.safeParse(empty).success).toBe(false);
    const reviewed = structuredClone(raw('en')) as { meta: Record<string, string> };
    reviewed.meta['status'] = 'reviewed';
    expect(InfoLocale.safeParse(reviewed).success).toBe(false);
    reviewed.meta['reviewer'] = 'Kari Translatør';
    expect(InfoLocale.safeParse(reviewed).success).toBe(true);
  });
});
