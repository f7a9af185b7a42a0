import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, nameKey, normaliseName } from '../../../src/domain/roster/normalise.ts';

describe('name normalisation', () => {
  it('folds case and diacritics, with æ → ae, ø → o, å → a', () => {
    expect(foldText('Ødegård ÆSA Müller Çelik Pérez Łukasz Straße')).toBe(
      'odegard aesa muller celik perez lukasz strasse',
    );
  });

  it('turns hyphens and punctuation into spaces, drops apostrophes, collapses spacing', () => {
    expect(normaliseName('  Al-Hassan,   Amína ')).toBe('al hassan amina');
    expect(normaliseName("Ma'ruf")).toBe(normaliseName('Ma’ruf'));
    expect(normaliseName("Ma'ruf")).toBe('maruf');
  });

  it('gives one key for spellings that differ only in case, accents, spaces, hyphens and the full-name split', () => {
    const key = nameKey('Abdi Rahman', 'Al-Hassan');
    expect(nameKey('ABDIRAHMAN', 'Al Hassan')).toBe(key);
    expect(nameKey('Abdí  Rahman Al', 'Hassan')).toBe(key);
    expect(nameKey('Abdirahman', 'Hassan')).not.toBe(key);
    // Other transliterations are different names: matching never guesses.
    expect(nameKey('Mohamed', 'Ali')).not.toBe(nameKey('Mohammed', 'Ali'));
  });

  it('gives plain ASCII names the same key as the general Unicode path', () => {
    // nameKey has a shortcut for ASCII names; it must agree with normalising each part.
    const slowKey = (given: string, family: string) => (normaliseName(given) + normaliseName(family)).replace(/ /g, '');
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(ascii, ascii, (given, family) => {
        expect(nameKey(given, family)).toBe(slowKey(given, family));
      }),
    );
    expect(nameKey("O'Neil-Smith", 'Van der Berg 2')).toBe('oneilsmithvanderberg2');
  });

  it('keeps letters of any script', () => {
    expect(normaliseName('محمد  علي')).toBe('محمد علي');
  });
});
