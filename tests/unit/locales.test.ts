import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/client/i18n/locales/en.json';
import nb from '../../src/client/i18n/locales/nb.json';
import nn from '../../src/client/i18n/locales/nn.json';
import rosterNb from '../../src/client/i18n/locales/roster/nb.json';
import formNb from '../../src/client/i18n/locales/form/nb.json';
import adminNb from '../../src/client/i18n/locales/admin/nb.json';
import planNb from '../../src/client/i18n/locales/plan/nb.json';
import lockNb from '../../src/client/i18n/locales/lock/nb.json';

/** Every leaf key, with i18next plural suffixes folded into the base key. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const baseKeys = (obj: object) => new Set(keys(obj).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.(svelte|ts)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('staff locales', () => {
  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_, locale) => {
    expect(keys(locale).sort()).toEqual(keys(nb).sort());
  });

  it('has every literal key the UI asks for', () => {
    // The roster screens', the mapping form's, the administration's, the plan screens' and the PIN
    // screens' strings are bundles of their own, merged in when those screens load.
    const known = new Set([
      ...baseKeys(nb),
      ...baseKeys(rosterNb),
      ...baseKeys(formNb),
      ...baseKeys(adminNb),
      ...baseKeys(planNb),
      ...baseKeys(lockNb),
    ]);
    const used = sourceFiles('src/client').flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)].map((m) => m[1]!),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
