import { describe, expect, it } from 'vitest';
import { answerSchema, answersSchema } from '../../../src/domain/form/schema.ts';
import { findQuestion } from '../../../src/domain/form/walk.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { COMPLETE_V1 } from './fixtures.ts';

const schema = answersSchema(FORM_V1);

function issues(answers: unknown) {
  const parsed = schema.safeParse(answers);
  return parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

function one(code: string, value: unknown) {
  const question = findQuestion(FORM_V1, code);
  if (!question) throw new Error(code);
  const parsed = answerSchema(question).safeParse(value);
  return parsed.success ? 'ok' : parsed.error.issues[0]?.message;
}

describe('validation derived from the definition', () => {
  it('accepts a whole mapping, and an empty one (answers arrive one by one)', () => {
    expect(issues(COMPLETE_V1)).toEqual([]);
    expect(issues({})).toEqual([]);
  });

  it.each([
    ['sessionPlace', 'onTheMoon', 'notAChoice'],
    ['sessionPlace', 3, 'invalidAnswer'],
    ['interpreterLanguage', 'xx', 'notAChoice'],
    ['interpreterLanguage', 'ar', 'ok'],
    ['motherTongue', 'other', 'ok'],
    ['infoLanguage', 'none', 'ok'],
    ['infoLanguage', 'de', 'notAChoice'],
    ['educationCountry', 'SY', 'ok'],
    ['educationCountry', 'sy', 'notAChoice'],
    ['jobOccupation', '7', 'ok'],
    ['jobOccupation', '72', 'ok'],
    ['jobOccupation', '721', 'notAChoice'],
    ['digitalSkills', [], 'invalidAnswer'],
    ['digitalSkills', ['email', 'email'], 'duplicateChoice'],
    ['digitalSkills', ['email', 'none'], 'exclusiveChoice'],
    ['digitalSkills', 'email', 'invalidAnswer'],
    ['wishedWork', ['1', '2', '3', '4'], 'tooManyChoices'],
    ['schoolYears', 31, 'outOfRange'],
    ['schoolYears', -1, 'outOfRange'],
    ['schoolYears', 2.5, 'invalidAnswer'],
    ['schoolYears', '12', 'invalidAnswer'],
    ['sessionDate', '2026-02-30', 'invalidDate'],
    ['sessionDate', '20.11.2026', 'invalidDate'],
    ['sessionDate', '2026-11-20', 'ok'],
    ['mapperNote', 'x'.repeat(501), 'textTooLong'],
    ['mapperNote', 'x'.repeat(500), 'ok'],
    ['mapperNote', 'Line one\nline two', 'ok'],
    ['mapperNote', '   ', 'invalidAnswer'],
    ['mapperNote', 'bell\u0007', 'controlCharacter'],
    ['mapperName', 'Kari\nNordmann', 'controlCharacter'],
  ])('%s = %.40j → %s', (code, value, expected) => {
    expect(one(code, value)).toBe(expected);
  });

  it('puts the question code first in the error path', () => {
    expect(issues({ ...COMPLETE_V1, schoolYears: 99 })).toEqual([{ path: ['schoolYears'], message: 'outOfRange' }]);
  });

  it('puts the group, entry index and entry question in the path of an entry’s error', () => {
    const jobs = [COMPLETE_V1['jobs'], { jobOccupation: '9999', jobYears: 'sixToTen' }].flat();
    const answers = { ...COMPLETE_V1, jobs, status: 'partial', statusReason: 'timeRanOut' };
    expect(issues(answers)).toEqual([{ path: ['jobs', 2, 'jobOccupation'], message: 'notAChoice' }]);
  });

  it('refuses unknown questions, at the top and inside entries', () => {
    expect(issues({ favouriteColour: 'blue' })).toEqual([{ path: [], message: 'unknownQuestion' }]);
    const jobs = [{ jobOccupation: '21', salary: 100 }];
    expect(issues({ hasWorkExperience: 'yes', jobs })).toEqual([{ path: ['jobs', 0], message: 'unknownQuestion' }]);
  });

  it('refuses too many entries', () => {
    const educations = Array.from({ length: 9 }, () => ({ educationLevel: 'primary' }));
    expect(issues({ highestEducation: 'primary', educations })).toEqual([
      { path: ['educations'], message: 'tooManyEntries' },
    ]);
  });

  it('refuses status complete while a required answer is missing', () => {
    const answers = Object.fromEntries(Object.entries(COMPLETE_V1).filter(([code]) => code !== 'permitDate'));
    expect(issues(answers)).toEqual([{ path: ['status'], message: 'cannotComplete' }]);
    expect(issues({ ...answers, status: 'partial', statusReason: 'timeRanOut' })).toEqual([]);
  });

  it('drops hidden answers from its output and treats null as unanswered', () => {
    const parsed = schema.parse({ ...COMPLETE_V1, adaptationTypes: ['vision'], mapperNote: null });
    expect(parsed).not.toHaveProperty('adaptationTypes');
    expect(parsed).not.toHaveProperty('mapperNote');
  });
});
