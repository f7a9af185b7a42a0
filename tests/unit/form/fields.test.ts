import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FORM_VERSION_FIELD,
  REGISTERED_WITH_IMDI_FIELD,
  answerChanges,
  answersToFields,
  fieldChanges,
  fieldsToAnswers,
  readMeta,
} from '../../../src/domain/form/fields.ts';
import { canRegisterWithImdi } from '../../../src/domain/form/progress.ts';
import { answersSchema, choiceCodes } from '../../../src/domain/form/schema.ts';
import type { Answers, EntryQuestion, Question } from '../../../src/domain/form/types.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { FieldName, fieldProblem } from '../../../src/protocol/entities.ts';
import { validAnswers } from './arbitraries.ts';
import { COMPLETE_V1 } from './fixtures.ts';

const longest = (codes: readonly string[]) => [...codes].sort((a, b) => b.length - a.length);

/** The largest valid answer a question can hold, as serialised JSON goes. */
function maximal(question: Question | EntryQuestion): Answers[string] {
  switch (question.type) {
    case 'single':
      return longest(choiceCodes(question.choices))[0] as string;
    case 'multiple': {
      const codes = longest(choiceCodes(question.choices).filter((c) => !(question.exclusive ?? []).includes(c)));
      return codes.slice(0, question.maxSelected ?? codes.length);
    }
    case 'number':
      return question.max;
    case 'date':
      return '2026-12-31';
    case 'text':
      // A lone surrogate serialises as \udxxx: six characters each, the worst case.
      return `a${'\ud800'.repeat(question.maxLength - 2)}a`;
    case 'group':
      return Array.from({ length: question.maxEntries }, () =>
        Object.fromEntries(question.questions.map((q) => [q.code, maximal(q)])),
      ) as Answers[string];
  }
}

describe('answers as sync fields', () => {
  it('writes one field per answered relevant question, plus the form version', () => {
    const fields = answersToFields(FORM_V1, { ...COMPLETE_V1, adaptationTypes: ['vision'] });
    expect(fields[FORM_VERSION_FIELD]).toBe(1);
    expect(fields['schoolYears']).toBe(16);
    expect(fields['jobs']).toEqual(COMPLETE_V1['jobs']);
    expect(fields).not.toHaveProperty('adaptationTypes');
    expect(Object.keys(fields)).toHaveLength(Object.keys(COMPLETE_V1).length + 1);
  });

  it('every question’s field name is valid for the mapping entity and no meta field', () => {
    for (const question of FORM_V1.sections.flatMap((s) => s.questions)) {
      expect(FieldName.safeParse(question.code).success, question.code).toBe(true);
      expect([FORM_VERSION_FIELD, REGISTERED_WITH_IMDI_FIELD, 'residentId', 'deleted']).not.toContain(question.code);
    }
  });

  it('every field stays under 4 KB even with maximal answers', () => {
    for (const question of FORM_V1.sections.flatMap((s) => s.questions)) {
      const value = maximal(question);
      expect(fieldProblem('mapping', question.code, value), question.code).toBeNull();
      expect(JSON.stringify(value).length, question.code).toBeLessThanOrEqual(4096);
    }
  });

  it('property: fields → answers gives back the relevant answers, and every field is acceptable to sync', () => {
    const schema = answersSchema(FORM_V1);
    fc.assert(
      fc.property(validAnswers(FORM_V1), (answers) => {
        const fields = answersToFields(FORM_V1, answers);
        for (const [name, value] of Object.entries(fields)) expect(fieldProblem('mapping', name, value)).toBeNull();
        expect(fieldsToAnswers(FORM_V1, fields)).toEqual(schema.parse(answers));
      }),
      { numRuns: 300 },
    );
  });

  it('reads cleared (null) fields as unanswered and ignores meta and unknown fields', () => {
    const fields = { residentId: 'x', formVersion: 1, registeredWithImdi: '2026-11-30', mapperNote: null, other: 1 };
    expect(fieldsToAnswers(FORM_V1, { ...fields, schoolYears: 3 })).toEqual({ schoolYears: 3 });
  });

  it('changes only what changed, clearing answers that were removed or hidden', () => {
    const stored = {
      residentId: 'r',
      ...answersToFields(FORM_V1, { ...COMPLETE_V1, adaptationNeed: 'yes', adaptationTypes: ['vision'] }),
    };
    expect(
      fieldChanges(FORM_V1, stored, { ...COMPLETE_V1, adaptationNeed: 'yes', adaptationTypes: ['vision'] }),
    ).toEqual({});
    expect(fieldChanges(FORM_V1, stored, { ...COMPLETE_V1, volunteering: 'yes' })).toEqual({
      volunteering: 'yes',
      adaptationNeed: 'no',
      adaptationTypes: null,
    });
    const reordered = {
      ...stored,
      jobs: (COMPLETE_V1['jobs'] as object[]).map((j) => Object.fromEntries(Object.entries(j).reverse())),
    };
    expect(
      fieldChanges(FORM_V1, reordered, { ...COMPLETE_V1, adaptationNeed: 'yes', adaptationTypes: ['vision'] }),
    ).toEqual({});
  });
});

describe('the mapping record’s other fields', () => {
  it('reads the form version and the IMDi registration date leniently', () => {
    expect(readMeta({ formVersion: 1, registeredWithImdi: '2026-12-01' })).toEqual({
      formVersion: 1,
      registeredWithImdi: '2026-12-01',
    });
    expect(readMeta({ formVersion: '1', registeredWithImdi: 'yesterday' })).toEqual({
      formVersion: null,
      registeredWithImdi: null,
    });
  });

  it('allows registering with IMDi only once the mapping is complete', () => {
    expect(canRegisterWithImdi(FORM_V1, COMPLETE_V1)).toBe(true);
    expect(canRegisterWithImdi(FORM_V1, { ...COMPLETE_V1, status: 'partial' })).toBe(false);
    expect(canRegisterWithImdi(FORM_V1, { ...COMPLETE_V1, schoolYears: null as unknown as number })).toBe(false);
  });
});

describe('the fields one answer writes', () => {
  it('always include the answered question itself: the stored record may lag behind the last commit', () => {
    // Stored: "other"; the screen's last commit (not yet observed) made it "receptionCentre"; the
    // mapper changes it straight back to "other".
    const stored = { residentId: 'r', ...answersToFields(FORM_V1, COMPLETE_V1), sessionPlace: 'other' };
    const answers = { ...COMPLETE_V1, sessionPlace: 'other' };
    expect(fieldChanges(FORM_V1, stored, answers)).toEqual({});
    expect(answerChanges(FORM_V1, stored, answers, 'sessionPlace')).toEqual({ sessionPlace: 'other' });
    // A cleared answer is written as null, beside whatever else changed.
    const cleared: Record<string, unknown> = { ...answers };
    delete cleared.volunteering;
    expect(answerChanges(FORM_V1, stored, cleared as typeof answers, 'volunteering')).toEqual({ volunteering: null });
  });
});
