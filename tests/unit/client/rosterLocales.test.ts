import { describe, expect, it } from 'vitest';
import en from '../../../src/client/i18n/locales/roster/en.json';
import nb from '../../../src/client/i18n/locales/roster/nb.json';
import nn from '../../../src/client/i18n/locales/roster/nn.json';
import enMain from '../../../src/client/i18n/locales/en.json';
import nbMain from '../../../src/client/i18n/locales/nb.json';
import nnMain from '../../../src/client/i18n/locales/nn.json';
import { WORKING_LISTS } from '../../../src/client/roster/workingLists.ts';
import { ROSTER_CLASSES } from '../../../src/domain/roster/classify.ts';
import { COLUMNS } from '../../../src/domain/roster/columns.ts';
import { DIFF_FIELDS } from '../../../src/domain/roster/diff.ts';
import { ENTITY_DEFINITIONS } from '../../../src/protocol/entities.ts';
import { DECODE_WARNINGS, LIST_PROBLEMS, REVIEW_REASONS, ROW_PROBLEMS } from '../../../src/domain/roster/problems.ts';

/** Every leaf key, with i18next plural suffixes folded into the base key. */
function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
const baseKeys = (obj: object) => new Set(keys(obj).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

describe('the roster screens’ strings', () => {
  it.each([
    ['nn', nn],
    ['en', en],
  ])('%s has exactly the keys of nb', (_, locale) => {
    expect(keys(locale).sort()).toEqual(keys(nb).sort());
  });

  it('never redefines a key of the main bundle (they are merged into one namespace)', () => {
    const main = baseKeys(nbMain);
    expect([...baseKeys(nb)].filter((k) => main.has(k))).toEqual([]);
  });

  // Keys the UI builds from codes (t(`import.listProblems.${code}`)), so no literal check finds them.
  it.each([
    ['nb', nb],
    ['nn', nn],
    ['en', en],
  ])('%s translates every code the import and the roster can show', (_, locale) => {
    const known = baseKeys(locale);
    const wanted = [
      ...LIST_PROBLEMS.map((c) => `import.listProblems.${c}`),
      'import.listProblems.readFailed',
      ...ROW_PROBLEMS.map((c) => `import.rowProblems.${c}`),
      ...REVIEW_REASONS.map((c) => `import.reviewReasons.${c}`),
      ...DECODE_WARNINGS.map((c) => `import.warnings.${c}`),
      ...ROSTER_CLASSES.map((c) => `import.classes.${c}`),
      ...COLUMNS.map((c) => `import.columnNames.${c}`),
      ...DIFF_FIELDS.map((c) => `import.diffFields.${c}`),
      ...['nameMissing', 'valueRejected'].map((c) => `import.skipReasons.${c}`),
      ...['duf', 'nationalId', 'birthDate', 'permitDate'].map((c) => `import.problemFields.${c}`),
      ...['utf-8-bom', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be'].map((c) => `import.encodings.${c}`),
      ...['semicolon', 'comma', 'tab'].map((c) => `import.delimiters.${c}`),
      ...['workerFailed', 'commitFailed'].map((c) => `import.errors.${c}`),
      ...WORKING_LISTS.map((l) => `rosterLists.lists.${l}`),
      ...['dufInvalid', 'permitDateInvalid', 'textTooLong'].map((p) => `roster.problems.${p}`),
      ...['A', 'B'].flatMap((l) => ['title', 'hint', 'short'].map((k) => `import.list${l}.${k}`)),
    ];
    expect(wanted.filter((k) => !known.has(k))).toEqual([]);
  });

  // A conflict or a rejected change names its field (src/client/ui/fieldText.ts): every resident
  // field needs a label in the main bundle or the roster bundle.
  it.each([
    ['nb', nbMain, nb],
    ['nn', nnMain, nn],
    ['en', enMain, en],
  ])('%s labels every resident field sync can carry', (_, main, roster) => {
    const known = new Set([...baseKeys(main), ...baseKeys(roster)]);
    const wanted = Object.keys(ENTITY_DEFINITIONS.resident.fields).map((f) => `fields.resident.${f}`);
    expect(wanted.filter((k) => !known.has(k))).toEqual([]);
  });
});
