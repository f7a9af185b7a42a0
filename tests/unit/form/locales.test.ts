import { describe, expect, it } from 'vitest';
import en from '../../../src/client/i18n/locales/form/en.json';
import nb from '../../../src/client/i18n/locales/form/nb.json';
import nn from '../../../src/client/i18n/locales/form/nn.json';
import nbMain from '../../../src/client/i18n/locales/nb.json';
import nbRoster from '../../../src/client/i18n/locales/roster/nb.json';
import { labelKeys } from '../../../src/domain/form/labels.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const leaves = (obj: object) =>
  new Map(keys(obj).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj)]));

describe('the mapping form’s strings', () => {
  it.each([
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ])('%s has a non-empty text for every key the definition uses', (_, locale) => {
    const texts = leaves(locale);
    expect(labelKeys(FORM_V1).filter((k) => typeof texts.get(k) !== 'string' || texts.get(k) === '')).toEqual([]);
  });

  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_, locale) => {
    expect(keys(locale).sort()).toEqual(keys(nb).sort());
  });

  it('has no key the definition no longer uses (the screens’ own strings are under mappingForm)', () => {
    const used = new Set(labelKeys(FORM_V1));
    // form.summary.* are the printed sheets' texts, translated with the labels (form-labels/*.json).
    expect(
      keys(nb).filter((k) => !used.has(k) && !k.startsWith('mappingForm.') && !k.startsWith('form.summary.')),
    ).toEqual([]);
    expect(Object.keys(nb).sort()).toEqual(['form', 'mappingForm']);
  });

  it('never redefines a key of the main or roster bundles (they share one namespace)', () => {
    expect(Object.keys(nbMain)).not.toContain('form');
    expect(Object.keys(nbRoster)).not.toContain('form');
    expect(Object.keys(nbMain)).not.toContain('mappingForm');
    expect(Object.keys(nbRoster)).not.toContain('mappingForm');
  });
});
