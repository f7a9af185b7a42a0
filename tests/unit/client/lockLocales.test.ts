import { describe, expect, it } from 'vitest';
import en from '../../../src/client/i18n/locales/lock/en.json';
import nb from '../../../src/client/i18n/locales/lock/nb.json';
import nn from '../../../src/client/i18n/locales/lock/nn.json';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('the PIN screens’ strings', () => {
  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_, locale) => {
    expect(keys(locale).sort()).toEqual(keys(nb).sort());
  });
});
