import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import nbForm from '../../../src/client/i18n/locales/form/nb.json';
import { languageMetas } from '../../../src/client/resident-info/catalog.ts';
import {
  formLabelsOf,
  occupationIn,
  SIDE_BY_SIDE_LANGUAGES,
  SHEET_KEYS,
} from '../../../src/client/ui/mapping/formLabels.ts';
import { labelKeys } from '../../../src/domain/form/labels.ts';
import { occupation, OCCUPATIONS } from '../../../src/domain/form/occupations.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from '../../../src/domain/residentLanguages.ts';

const DIR = new URL('../../../src/client/i18n/locales/form-labels/', import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as Record<string, unknown>] as const);

function leaves(obj: unknown, prefix = ''): [string, unknown][] {
  return typeof obj === 'object' && obj !== null
    ? Object.entries(obj).flatMap(([k, v]) => leaves(v, `${prefix}${k}.`))
    : [[prefix.slice(0, -1), obj]];
}

// What a resident language needs: every label the screens show a resident (no help texts, no
// problems: those speak to the mapper), the major groups' titles, and the resident's sheet.
const expected = [
  'meta.status',
  ...labelKeys(FORM_V1)
    .filter((k) => !k.endsWith('.help') && !k.startsWith('form.problem.'))
    .map((k) => k.slice('form.'.length)),
  ...OCCUPATIONS.filter((o) => o.level === 1).map((o) => `occupationMajor.${o.code}`),
  ...SHEET_KEYS.map((k) => `summary.${k}`),
].sort();

const SCRIPTS = { Arab: /[\u0600-\u06FF]/, Ethi: /[\u1200-\u137F]/, Cyrl: /[\u0400-\u04FF]/ } as const;

describe('the form labels in the resident languages', () => {
  it('exist for every resident language (staff languages use the form’s own strings)', () => {
    expect([...SIDE_BY_SIDE_LANGUAGES].sort()).toEqual([...RESIDENT_LANGUAGES].sort());
    expect(files.map(([code]) => code).sort()).toEqual(
      RESIDENT_LANGUAGES.filter((c) => !['nb', 'nn', 'en'].includes(c)).sort(),
    );
  });

  it.each(files)('%s has exactly the keys the screens need, each a non-empty text', (_, file) => {
    const entries = leaves(file);
    expect(entries.map(([k]) => k).sort()).toEqual(expected);
    expect(entries.filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)).toEqual([]);
    expect(['draft', 'reviewed']).toContain((file.meta as { status: string }).status);
  });

  it.each(files)('%s is written in its own script', (code, file) => {
    const script = languageMetas().find((m) => m.code === code)?.meta.script;
    if (!script || script === 'Latn') return;
    // Single letters such as the interpreter categories A–E stay Latin; everything longer is not.
    const texts = leaves(file)
      .filter(([k]) => k !== 'meta.status')
      .map(([, v]) => String(v))
      .filter((v) => v.length > 2);
    expect(texts.filter((v) => !SCRIPTS[script].test(v))).toEqual([]);
  });
});

describe('labels of one language', () => {
  const ar = formLabelsOf(
    'ar' as ResidentLanguage,
    { q: { motherTongue: { label: 'اللغة الأم' } }, occupationMajor: { '2': 'المهنيون' } },
    'resident',
  );

  it('look a form key up without the form. prefix, and give nothing (never Norwegian) for a missing one', () => {
    expect(ar.t('form.q.motherTongue.label')).toBe('اللغة الأم');
    expect(ar.t('form.q.sessionDate.label')).toBe('');
    expect(ar.status).toBe('draft');
  });

  it('title an occupation only where the language has a title for it', () => {
    expect(occupationIn(ar, occupation('2')!)).toBe('المهنيون');
    expect(occupationIn(ar, occupation('21')!)).toBeUndefined();
    const nb = formLabelsOf('nb', nbForm, 'staff');
    expect(nb.t('form.q.motherTongue.label')).toBe(nbForm.form.q.motherTongue.label);
    expect(occupationIn(nb, occupation('21')!)).toBe(occupation('21')!.nb);
  });
});
