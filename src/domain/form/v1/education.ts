import type { Section } from '../types.ts';
import { EDUCATION_FIELD, EDUCATION_LEVELS, YES_NO } from './choices.ts';

/** 3. Literacy in the own language and in the Latin alphabet (it decides the Norwegian course). */
export const LITERACY: Section = {
  code: 'literacy',
  questions: [
    {
      code: 'readsOwnLanguage',
      type: 'single',
      choices: { set: 'literacyLevel', codes: ['no', 'aLittle', 'yes'] },
      required: true,
    },
    {
      code: 'writesOwnLanguage',
      type: 'single',
      choices: { set: 'literacyLevel', codes: ['no', 'aLittle', 'yes'] },
      required: true,
    },
    {
      code: 'latinAlphabet',
      type: 'single',
      choices: { set: 'latinAlphabet', codes: ['none', 'letters', 'simpleText', 'fluent'] },
      required: true,
    },
  ],
};

/** 4. Education: the highest level, one entry per education, total years, upper secondary done. */
export const EDUCATION: Section = {
  code: 'education',
  questions: [
    {
      code: 'highestEducation',
      type: 'single',
      choices: { set: 'educationLevel', codes: EDUCATION_LEVELS },
      required: true,
    },
    {
      code: 'educations',
      type: 'group',
      maxEntries: 8,
      relevantWhen: { all: [{ answered: 'highestEducation' }, { not: { equals: ['highestEducation', 'none'] } }] },
      required: true,
      questions: [
        {
          code: 'educationLevel',
          type: 'single',
          choices: { set: 'educationLevel', codes: EDUCATION_LEVELS.filter((l) => l !== 'none') },
          required: true,
        },
        {
          code: 'educationField',
          type: 'single',
          choices: EDUCATION_FIELD,
          // Primary and lower secondary school have no field of study.
          relevantWhen: {
            all: [
              { answered: 'educationLevel' },
              { not: { oneOf: ['educationLevel', ['somePrimary', 'primary', 'lowerSecondary']] } },
            ],
          },
          required: true,
        },
        { code: 'educationCountry', type: 'single', choices: { catalogue: 'country' }, required: true },
        { code: 'educationYears', type: 'number', min: 0, max: 15, required: true },
        {
          code: 'educationCompleted',
          type: 'single',
          choices: { set: 'educationCompleted', codes: ['yes', 'no', 'ongoing'] },
          required: true,
        },
        {
          code: 'educationDocuments',
          type: 'single',
          choices: { set: 'educationDocuments', codes: ['original', 'copy', 'none', 'lost', 'obtainable'] },
          required: true,
        },
      ],
    },
    { code: 'schoolYears', type: 'number', min: 0, max: 30, required: true },
    // Sets the track of the Norwegian course, so it is asked even when the entries imply it.
    { code: 'completedUpperSecondary', type: 'single', choices: YES_NO, required: true },
  ],
};
