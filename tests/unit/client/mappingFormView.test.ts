import { canComplete } from '../../../src/domain/form/progress.ts';
import { describe, expect, it } from 'vitest';
import { COMPLETE_STATUS } from '../../../src/client/db/mappings.ts';
import { catalogueName, choiceOptions, choiceWidget } from '../../../src/client/ui/mapping/choiceLabels.ts';
import {
  answerProblem,
  completionRefusal,
  domId,
  navigationSections,
  parseNumber,
  questionKey,
  relevance,
  sectionToContinue,
  toggleChoice,
  withAnswer,
  withEntryAnswer,
} from '../../../src/client/ui/mapping/formView.ts';
import { MAPPING_STATUSES } from '../../../src/domain/form/status.ts';
import type { SingleQuestion } from '../../../src/domain/form/types.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';
import { findQuestion } from '../../../src/domain/form/walk.ts';
import { COMPLETE_V1 } from '../form/fixtures.ts';

const question = (code: string) => {
  const q = findQuestion(FORM_V1, code);
  if (!q) throw new Error(code);
  return q;
};

describe('the mapping form screen’s helpers', () => {
  it('knows which questions are relevant, top level and per group entry', () => {
    const none = relevance(FORM_V1, {});
    expect(none.get('sessionDate')).toBe(true);
    expect(none.get('interpreterCategory')).toBe(false);
    const answers = {
      interpreterUsed: 'yes',
      highestEducation: 'primary',
      educations: [{ educationLevel: 'primary' }, { educationLevel: 'bachelor' }],
    };
    const r = relevance(FORM_V1, answers);
    expect(r.get('interpreterCategory')).toBe(true);
    expect(r.get(questionKey('educations', 0, 'educationField'))).toBe(false);
    expect(r.get(questionKey('educations', 1, 'educationField'))).toBe(true);
  });

  it('refuses what the definition refuses, with its problem code', () => {
    expect(answerProblem(question('schoolYears'), 99)).toBe('outOfRange');
    expect(answerProblem(question('schoolYears'), 12)).toBeNull();
    expect(answerProblem(question('schoolYears'), 1.5)).toBe('invalidAnswer');
    expect(answerProblem(question('certificates'), ['none', 'forklift'])).toBe('exclusiveChoice');
    expect(answerProblem(question('sessionDate'), '2026-02-30')).toBe('invalidDate');
    expect(answerProblem(question('sessionPlace'), 'moon')).toBe('notAChoice');
  });

  it('never lets a complete mapping become incomplete, nor an incomplete one be marked complete', () => {
    const required = Object.keys(COMPLETE_V1).find(
      (code) => code !== 'status' && !canComplete(FORM_V1, withAnswer(COMPLETE_V1, code, null)),
    );
    if (!required) throw new Error('the fixture has no required answer');
    const without = withAnswer(COMPLETE_V1, required, null);
    expect(completionRefusal(FORM_V1, COMPLETE_V1, without, required)).toBe('breaksComplete');
    expect(completionRefusal(FORM_V1, COMPLETE_V1, COMPLETE_V1, required)).toBeNull();
    // Marked partial first: the answer may go; marking it complete again is refused while it is missing.
    const partial = { ...without, status: 'partial' };
    expect(completionRefusal(FORM_V1, { ...COMPLETE_V1, status: 'partial' }, partial, required)).toBeNull();
    expect(completionRefusal(FORM_V1, partial, { ...partial, status: 'complete' }, 'status')).toBe('cannotComplete');
  });

  it('sets and clears answers, top level and inside entries', () => {
    expect(withAnswer({ a: 'x' }, 'b', 'y')).toEqual({ a: 'x', b: 'y' });
    expect(withAnswer({ a: 'x', b: ['y'] }, 'b', [])).toEqual({ a: 'x' });
    expect(withAnswer({ a: 'x' }, 'a', null)).toEqual({});
    const entries = [{ educationLevel: 'primary' }, {}];
    expect(withEntryAnswer(entries, 1, 'educationYears', 3)).toEqual([
      { educationLevel: 'primary' },
      { educationYears: 3 },
    ]);
    expect(withEntryAnswer(entries, 0, 'educationLevel', null)).toEqual([{}, {}]);
    expect(entries).toEqual([{ educationLevel: 'primary' }, {}]);
  });

  it('toggles a multiple choice in the order of the choices', () => {
    const order = ['farming', 'animals', 'trade'];
    expect(toggleChoice(['trade'], 'farming', true, order)).toEqual(['farming', 'trade']);
    expect(toggleChoice(['farming', 'trade'], 'farming', false, order)).toEqual(['trade']);
    expect(toggleChoice(['trade'], 'trade', true, order)).toEqual(['trade']);
  });

  it('reads a number field: empty clears, numbers parse (a comma too), anything else stays text', () => {
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('12')).toBe(12);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('tolv')).toBe('tolv');
  });

  it('continues at the first section with something missing, and at the review when nothing is', () => {
    expect(sectionToContinue(FORM_V1, {}, 'outcome')).toBe('session');
    expect(sectionToContinue(FORM_V1, COMPLETE_V1, 'outcome')).toBe('outcome');
    const withoutPlace = { ...COMPLETE_V1 };
    delete withoutPlace.sessionPlace;
    expect(sectionToContinue(FORM_V1, withoutPlace, 'outcome')).toBe('session');
  });

  it('offers every section but the outcome in the navigation, irrelevant ones marked', () => {
    const sections = navigationSections(FORM_V1, { alreadyMapped: 'yes' }, 'outcome');
    expect(sections.map((s) => s.section)).not.toContain('outcome');
    expect(sections.find((s) => s.section === 'languages')?.relevant).toBe(false);
    expect(sections.find((s) => s.section === 'note')?.relevant).toBe(true);
  });

  it('names element ids without characters a selector would trip on', () => {
    expect(domId('jobs')).toBe('q-jobs');
    expect(domId('jobs', 2, 'jobCountry')).toBe('q-jobs-2-jobCountry');
  });
});

describe('choices as the screen shows them', () => {
  it('labels listed choices by their keys, in the definition’s order', () => {
    const q = question('sessionPlace') as SingleQuestion;
    expect(choiceOptions(q.choices, 'nb', (k) => `<${k}>`).map((o) => o.label)).toEqual([
      '<form.choice.sessionPlace.adultEducationCentre>',
      '<form.choice.sessionPlace.receptionCentre>',
      '<form.choice.sessionPlace.municipalOffice>',
      '<form.choice.sessionPlace.other>',
    ]);
  });

  it('names countries and languages with Intl, sorted by name, extra choices last', () => {
    const q = question('motherTongue') as SingleQuestion;
    const options = choiceOptions(q.choices, 'nb', (k) => k);
    expect(options.find((o) => o.code === 'ar')?.label).toBe('arabisk');
    expect(options.at(-1)).toEqual({ code: 'other', label: 'form.choice.language.other' });
    const named = options.slice(0, -1).map((o) => o.label);
    expect(named).toEqual([...named].sort(new Intl.Collator('nb').compare));
    expect(catalogueName('country', 'SY', 'nb')).toBe('Syria');
    expect(catalogueName('country', 'SY', 'en')).toBe('Syria');
  });

  it('titles occupations in bokmål for nb and nn, English otherwise', () => {
    expect(catalogueName('occupation', '2', 'nb')).toBe('Akademiske yrker');
    expect(catalogueName('occupation', '2', 'nn')).toBe('Akademiske yrker');
    expect(catalogueName('occupation', '2', 'en')).toBe('Professionals');
  });

  it('shows long catalogues as a list box and occupations with search', () => {
    expect(choiceWidget({ set: 'yesNo', codes: ['yes', 'no'] })).toBe('buttons');
    expect(choiceWidget({ catalogue: 'infoLanguage' })).toBe('buttons');
    expect(choiceWidget({ catalogue: 'country' })).toBe('select');
    expect(choiceWidget({ catalogue: 'occupation' })).toBe('occupation');
  });

  it('counts a mapping as mapped with the status the form writes', () => {
    expect(MAPPING_STATUSES).toContain(COMPLETE_STATUS);
  });
});
