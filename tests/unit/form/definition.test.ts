import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../../src/domain/form/catalogues.ts';
import { definitionProblems } from '../../../src/domain/form/check.ts';
import { allQuestions } from '../../../src/domain/form/walk.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';

describe('the version 1 definition', () => {
  it('has no duplicate codes, no rule reading a later question, and a status question', () => {
    expect(definitionProblems(FORM_V1)).toEqual([]);
  });

  it('follows the outline: its sections in order', () => {
    expect(FORM_V1.sections.map((s) => s.code)).toEqual([
      'session',
      'identity',
      'languages',
      'literacy',
      'education',
      'work',
      'otherCompetence',
      'goals',
      'adaptation',
      'note',
      'outcome',
    ]);
  });

  it('asks in free text only for the mapper’s name and note: every outline item with choices is a choice', () => {
    const text = allQuestions(FORM_V1).filter((q) => q.type === 'text');
    expect(text.map((q) => q.code)).toEqual(['mapperName', 'mapperNote']);
    expect(text.every((q) => q.type === 'text' && q.maxLength <= 500)).toBe(true);
    const choiceOrCode = (code: string) => {
      const type = allQuestions(FORM_V1).find((q) => q.code === code)?.type;
      return type === 'single' || type === 'multiple';
    };
    // Outline items the domain brief gives fixed choices (or a standard code list) for.
    const fixed = [
      'sessionPlace',
      'interpreterLanguage',
      'interpreterCategory',
      'interpreterMode',
      'infoLanguage',
      'permitType',
      'alreadyMapped',
      'motherTongue',
      'norwegianSpeak',
      'englishWrite',
      'otherLanguage',
      'otherCefr',
      'norwegianTeaching',
      'readsOwnLanguage',
      'latinAlphabet',
      'educationLevel',
      'educationField',
      'educationCountry',
      'educationCompleted',
      'educationDocuments',
      'completedUpperSecondary',
      'jobOccupation',
      'jobYears',
      'jobEmployment',
      'jobCountry',
      'informalWork',
      'drivingLicence',
      'drivingLicenceDocument',
      'certificates',
      'digitalSkills',
      'volunteering',
      'wishedWork',
      'wishedEducation',
      'goalShortTerm',
      'goalLongTerm',
      'adaptationNeed',
      'adaptationTypes',
      'status',
      'statusReason',
    ];
    expect(fixed.filter((code) => !choiceOrCode(code))).toEqual([]);
  });

  it('never asks for a diagnosis: adaptation is a need and a kind, nothing more', () => {
    const adaptation = FORM_V1.sections.find((s) => s.code === 'adaptation');
    expect(adaptation?.questions.map((q) => [q.code, q.type])).toEqual([
      ['adaptationNeed', 'single'],
      ['adaptationTypes', 'multiple'],
    ]);
    expect(allQuestions(FORM_V1).some((q) => /diagnos|health|illness/i.test(q.code))).toBe(false);
  });

  it.each(['nb', 'nn', 'en'])('has a name in %s for every country and language code (Intl.DisplayNames)', (lang) => {
    const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' });
    expect(CATALOGUES.country.filter((c) => !regions.of(c))).toEqual([]);
    expect(CATALOGUES.language.filter((c) => !languages.of(c))).toEqual([]);
    expect(CATALOGUES.country).toHaveLength(250);
    expect(new Set(CATALOGUES.language).size).toBe(CATALOGUES.language.length);
  });
});
