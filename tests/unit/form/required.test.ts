import { describe, expect, it } from 'vitest';
import { canComplete, missingRequired, sectionProgress } from '../../../src/domain/form/progress.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { COMPLETE_V1 } from './fixtures.ts';

const without = (...codes: string[]) =>
  Object.fromEntries(Object.entries(COMPLETE_V1).filter(([code]) => !codes.includes(code)));

describe('required rules', () => {
  it('a complete mapping misses nothing and can be completed', () => {
    expect(missingRequired(FORM_V1, COMPLETE_V1)).toEqual([]);
    expect(canComplete(FORM_V1, COMPLETE_V1)).toBe(true);
  });

  it('lists unanswered required questions in form order, with their section', () => {
    expect(missingRequired(FORM_V1, without('permitDate', 'schoolYears', 'sessionDate'))).toEqual([
      { section: 'session', question: 'sessionDate' },
      { section: 'identity', question: 'permitDate' },
      { section: 'education', question: 'schoolYears' },
    ]);
    expect(canComplete(FORM_V1, without('permitDate'))).toBe(false);
  });

  it('requires a relevant question only: no interpreter, no interpreter details', () => {
    const answers = { ...without('interpreterLanguage', 'interpreterCategory', 'interpreterMode') };
    expect(missingRequired(FORM_V1, answers).map((m) => m.question)).toEqual([
      'interpreterLanguage',
      'interpreterCategory',
      'interpreterMode',
    ]);
    expect(missingRequired(FORM_V1, { ...answers, interpreterUsed: 'noSharedLanguage' })).toEqual([]);
  });

  it('names the entry of a group entry’s missing answer, and a required group without entries', () => {
    const jobs = [{ jobOccupation: '21', jobYears: 'sixToTen', jobEmployment: 'employed' }];
    expect(missingRequired(FORM_V1, { ...COMPLETE_V1, jobs })).toEqual([
      { section: 'work', question: 'jobCountry', group: 'jobs', entry: 0 },
    ]);
    expect(missingRequired(FORM_V1, without('jobs'))).toEqual([{ section: 'work', question: 'jobs' }]);
    expect(missingRequired(FORM_V1, { ...without('jobs'), hasWorkExperience: 'no' })).toEqual([]);
  });

  it('a mapping that stopped early can be completed with the session and identity answered', () => {
    const stopped = Object.fromEntries(
      Object.entries(COMPLETE_V1).filter(([code]) =>
        FORM_V1.sections.slice(0, 2).some((s) => s.questions.some((q) => q.code === code)),
      ),
    );
    expect(canComplete(FORM_V1, stopped)).toBe(false);
    expect(canComplete(FORM_V1, { ...stopped, alreadyMapped: 'yes' })).toBe(true);
  });

  it('requires a reason for any status but complete', () => {
    expect(missingRequired(FORM_V1, { ...COMPLETE_V1, status: 'partial' })).toEqual([
      { section: 'outcome', question: 'statusReason' },
    ]);
    expect(missingRequired(FORM_V1, { ...COMPLETE_V1, status: 'partial', statusReason: 'timeRanOut' })).toEqual([]);
  });

  it('reports progress per section', () => {
    const progress = sectionProgress(FORM_V1, { alreadyMapped: 'yes', sessionDate: '2026-11-20' });
    expect(progress.find((p) => p.section === 'session')).toMatchObject({ relevant: true, answered: 1 });
    expect(progress.find((p) => p.section === 'languages')).toMatchObject({ relevant: false, required: 0 });
    const full = sectionProgress(FORM_V1, COMPLETE_V1);
    expect(full.every((p) => p.answered === p.required)).toBe(true);
  });
});
