import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema } from '../../../src/domain/form/schema.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { walk } from '../../../src/domain/form/walk.ts';
import { validAnswers } from './arbitraries.ts';
import { COMPLETE_V1 } from './fixtures.ts';

/** Relevant top-level and entry question codes for a set of answers. */
function relevant(answers: Record<string, unknown>): Set<string> {
  const codes = new Set<string>();
  walk(FORM_V1, answers, (v) => {
    if (v.relevant) codes.add(v.entry === undefined ? v.question.code : `${v.question.code}#${v.entry}`);
  });
  return codes;
}

describe('skip logic', () => {
  it('asks about the interpreter only when one took part', () => {
    expect(relevant({ interpreterUsed: 'yes' }).has('interpreterCategory')).toBe(true);
    expect(relevant({ interpreterUsed: 'noSharedLanguage' }).has('interpreterCategory')).toBe(false);
    expect(relevant({}).has('interpreterLanguage')).toBe(false);
  });

  it('stops after identity when the person is already mapped elsewhere', () => {
    const codes = relevant({ alreadyMapped: 'yes' });
    expect(codes.has('motherTongue')).toBe(false);
    expect(codes.has('adaptationNeed')).toBe(false);
    expect(codes.has('mapperNote')).toBe(true);
    expect(codes.has('status')).toBe(true);
  });

  it('asks someone with collective protection whether they want mapping, and stops on no', () => {
    expect(relevant({ permitType: 'refugee' }).has('mappingWanted')).toBe(false);
    expect(relevant({ permitType: 'collectiveProtection' }).has('mappingWanted')).toBe(true);
    expect(relevant({ permitType: 'collectiveProtection', mappingWanted: 'no' }).has('schoolYears')).toBe(false);
    expect(relevant({ permitType: 'collectiveProtection', mappingWanted: 'yes' }).has('schoolYears')).toBe(true);
  });

  it('ignores a hidden answer: mappingWanted=no does not stop a refugee’s mapping', () => {
    expect(relevant({ permitType: 'refugee', mappingWanted: 'no' }).has('schoolYears')).toBe(true);
  });

  it('asks for education entries unless there was no schooling, and a field only above lower secondary', () => {
    expect(relevant({ highestEducation: 'none' }).has('educations')).toBe(false);
    expect(relevant({}).has('educations')).toBe(false);
    const codes = relevant({
      highestEducation: 'master',
      educations: [{ educationLevel: 'primary' }, { educationLevel: 'master' }],
    });
    expect(codes.has('educationField#0')).toBe(false);
    expect(codes.has('educationField#1')).toBe(true);
  });

  it('asks for the driving licence document unless there is none, and adaptation types only on yes', () => {
    expect(relevant({ drivingLicence: ['B', 'C'] }).has('drivingLicenceDocument')).toBe(true);
    expect(relevant({ drivingLicence: ['none'] }).has('drivingLicenceDocument')).toBe(false);
    expect(relevant({}).has('drivingLicenceDocument')).toBe(false);
    expect(relevant({ adaptationNeed: 'preferNotToSay' }).has('adaptationTypes')).toBe(false);
    expect(relevant({ adaptationNeed: 'yes' }).has('adaptationTypes')).toBe(true);
  });

  it('asks for a reason unless the mapping is complete', () => {
    expect(relevant({ status: 'complete' }).has('statusReason')).toBe(false);
    expect(relevant({ status: 'declined' }).has('statusReason')).toBe(true);
  });

  it('prunes answers to questions that became irrelevant, inside entries too', () => {
    const pruned = walk(FORM_V1, {
      ...COMPLETE_V1,
      adaptationNeed: 'no',
      adaptationTypes: ['vision'],
      educations: [{ educationLevel: 'primary', educationField: 'ict', educationYears: 6 }],
    });
    expect(pruned).not.toHaveProperty('adaptationTypes');
    expect(pruned['educations']).toEqual([{ educationLevel: 'primary', educationYears: 6 }]);
  });

  it('property: answers to irrelevant questions never make a set invalid and are dropped', () => {
    const schema = answersSchema(FORM_V1);
    const questions = FORM_V1.sections.flatMap((s) => s.questions.map((q) => q.code));
    fc.assert(
      fc.property(validAnswers(FORM_V1), fc.anything(), fc.nat(), (answers, junk, pick) => {
        const parsed = schema.safeParse(answers);
        expect(parsed.success).toBe(true);
        const irrelevant = questions.filter((code) => !relevant(answers).has(code));
        if (irrelevant.length === 0) return;
        const code = irrelevant[pick % irrelevant.length] as string;
        const withJunk = schema.safeParse({ ...answers, [code]: junk });
        expect(withJunk.success).toBe(true);
        expect(withJunk.data).toEqual(parsed.data);
        expect(withJunk.data).not.toHaveProperty(code);
      }),
      { numRuns: 300 },
    );
  });
});
