import { describe, expect, it } from 'vitest';
import { searchOccupations, words } from '../../../src/domain/form/occupationSearch.ts';
import { OCCUPATIONS, occupation, occupationTitle } from '../../../src/domain/form/occupations.ts';

const codes = (query: string, language?: string) => searchOccupations(query, language).map((o) => o.code);

describe('STYRK-08 occupations', () => {
  it('has the 10 major groups and 43 sub-major groups, each under its major group', () => {
    const major = OCCUPATIONS.filter((o) => o.level === 1);
    const subMajor = OCCUPATIONS.filter((o) => o.level === 2);
    expect(major.map((o) => o.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(subMajor).toHaveLength(43);
    for (const o of subMajor) expect(o.code).toMatch(new RegExp(`^${o.code[0]}[1-9]$`));
    expect(new Set(OCCUPATIONS.map((o) => o.code)).size).toBe(OCCUPATIONS.length);
    for (const o of OCCUPATIONS) expect(o.nb.length * o.en.length).toBeGreaterThan(0);
  });

  it('names a group in bokmål, nynorsk (bokmål), English and known resident languages, else English', () => {
    const managers = occupation('1');
    if (!managers) throw new Error('1');
    expect(occupationTitle(managers, 'nb')).toBe('Ledere');
    expect(occupationTitle(managers, 'nn')).toBe('Ledere');
    expect(occupationTitle(managers, 'en')).toBe('Managers');
    expect(occupationTitle(managers, 'es')).toBe('Directores y gerentes');
    expect(occupationTitle(managers, 'ti')).toBe('Managers');
  });

  it('folds case and diacritics, including ø and æ', () => {
    expect(words('Håndverkere, SKOGBRUKS-yrker; Øl æ Élan')).toEqual([
      'handverkere',
      'skogbruks',
      'yrker',
      'ol',
      'ae',
      'elan',
    ]);
  });

  it('finds by code prefix: a major group brings its sub-major groups, a sub-major group its major group', () => {
    expect(codes('7')).toEqual(['7', '71', '72', '73', '74', '75']);
    expect(codes('72')).toEqual(['72', '7']);
    expect(codes('0')).toEqual(['0', '01', '02', '03']);
  });

  it('finds by words in bokmål or English, inside compounds too, ignoring case and diacritics', () => {
    expect(codes('handverk')).toEqual(['7', '71', '72', '73', '75']);
    expect(codes('ELECTRIC')).toEqual(['71', '74']);
    expect(codes('lærer')).toEqual(['23']);
    expect(codes('ikt')).toEqual(['25', '35']);
    expect(codes('sjafor')).toEqual(['83']);
    expect(codes('renhold')).toEqual(['9', '91']);
    expect(codes('teach')).toEqual(['23']);
    expect(codes('helse yrker')).toEqual(['22', '32']);
    expect(codes('nothing like this')).toEqual([]);
  });

  it('finds major groups by their title in the resident language when asked to', () => {
    expect(codes('gerentes')).toEqual([]);
    expect(codes('gerentes', 'es')).toEqual(['1']);
    expect(codes('руководители', 'ru')).toEqual(['1']);
    expect(codes('yoneticiler', 'tr')).toEqual(['1']);
  });

  it('lists everything for an empty query', () => {
    expect(codes('  ')).toHaveLength(53);
  });
});
