import { describe, expect, it } from 'vitest';
import { definitionProblems } from '../../../src/domain/form/check.ts';
import { answersToFields, fieldChanges } from '../../../src/domain/form/fields.ts';
import { applyMigration, openMapping } from '../../../src/domain/form/migrate.ts';
import { FORM_DEFINITIONS } from '../../../src/domain/form/registry.ts';
import { answersSchema } from '../../../src/domain/form/schema.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { fieldProblem } from '../../../src/protocol/entities.ts';
import { COMPLETE_V1, FORM_V2 } from './fixtures.ts';

const storedV1 = { residentId: '0193a0c4-0000-7000-8000-000000000000', ...answersToFields(FORM_V1, COMPLETE_V1) };

describe('form versions', () => {
  it('ships version 1 only', () => {
    expect(FORM_DEFINITIONS.map((d) => d.version)).toEqual([1]);
  });

  it('the version 2 fixture is itself a sound definition', () => {
    expect(definitionProblems(FORM_V2)).toEqual([]);
  });

  it('opens a version 1 mapping with version 1 as it is', () => {
    const opened = openMapping([FORM_V1], storedV1);
    expect(opened).toMatchObject({ ok: true, definition: FORM_V1, startedWith: FORM_V1, dropped: [] });
    expect(opened.ok && opened.answers).toEqual(COMPLETE_V1);
  });

  it('opens a version 1 mapping after version 2 ships: answers carry over and stay complete', () => {
    const opened = openMapping([FORM_V2, FORM_V1], storedV1);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.definition).toBe(FORM_V2);
    expect(opened.startedWith).toBe(FORM_V1);
    expect(opened.dropped).toEqual([]);
    expect(opened.answers['latinScript']).toBe('someLetters');
    expect(opened.answers).not.toHaveProperty('latinAlphabet');
    expect(opened.answers).not.toHaveProperty('infoLanguage');
    expect(opened.answers['jobs']).toEqual([
      { jobOccupation: '21', jobYears: 'moreThanFive', jobEmployment: 'employed', jobCountry: 'SY' },
      { jobOccupation: '74', jobYears: 'oneToTwo', jobEmployment: 'selfEmployed', jobCountry: 'TR' },
    ]);
    expect(answersSchema(FORM_V2).safeParse(opened.answers).success).toBe(true);
  });

  it('the first save after opening writes version 2 and clears the old fields, all acceptable to sync', () => {
    const opened = openMapping([FORM_V1, FORM_V2], storedV1);
    if (!opened.ok) throw new Error(opened.reason);
    const changes = fieldChanges(opened.definition, storedV1, opened.answers, opened.startedWith);
    expect(changes).toEqual({
      formVersion: 2,
      latinScript: 'someLetters',
      latinAlphabet: null,
      infoLanguage: null,
      jobs: opened.answers['jobs'],
    });
    for (const [name, value] of Object.entries(changes)) expect(fieldProblem('mapping', name, value)).toBeNull();
    const saved = { ...storedV1, ...changes };
    const reopened = openMapping([FORM_V1, FORM_V2], saved);
    expect(reopened.ok && reopened.startedWith).toBe(FORM_V2);
    expect(reopened.ok && reopened.answers).toEqual(opened.answers);
  });

  it('drops and reports answers that cannot carry over', () => {
    const opened = openMapping([FORM_V1, FORM_V2], { ...storedV1, latinAlphabet: 'runes' });
    expect(opened.ok && opened.dropped).toEqual(['latinScript']);
    expect(opened.ok && opened.answers).not.toHaveProperty('latinScript');
  });

  it('refuses a mapping from a newer app, or of a version it does not know', () => {
    expect(openMapping([FORM_V1], { formVersion: 2 })).toEqual({ ok: false, reason: 'newerVersion' });
    expect(openMapping([FORM_V2], { formVersion: 1 })).toEqual({ ok: false, reason: 'unknownVersion' });
  });

  it('applies renames to choice lists and inside entries, and then the transform', () => {
    const migrated = applyMigration(
      {
        fromVersion: 1,
        renameQuestions: { a: 'b', c: 'd' },
        removeQuestions: ['old'],
        renameChoices: { b: { x: 'y', gone: null }, d: { p: 'q' } },
        transform: (answers) => ({ ...answers, added: 1 }),
      },
      { a: ['x', 'gone', 'z'], g: [{ c: 'p', old: 1 }], keep: 'x', old: 2 },
    );
    expect(migrated).toEqual({ b: ['y', 'z'], g: [{ d: 'q' }], keep: 'x', added: 1 });
  });
});
