import type { EntryQuestion, Question, Section } from '../types.ts';
import { CEFR, SKILL_LEVEL } from './choices.ts';

const SKILLS = ['Understand', 'Speak', 'Read', 'Write'] as const;

/** Self-assessed level per skill, then the CEFR level where known (only if the person knows some). */
function skillQuestions(prefix: string): EntryQuestion[] {
  return [
    ...SKILLS.map((skill): EntryQuestion => ({
      code: `${prefix}${skill}`,
      type: 'single',
      choices: SKILL_LEVEL,
      required: true,
    })),
    {
      code: `${prefix}Cefr`,
      type: 'single',
      choices: CEFR,
      relevantWhen: {
        any: SKILLS.map((s) => ({ oneOf: [`${prefix}${s}`, ['aLittle', 'good', 'veryGood', 'native']] })),
      },
    },
  ];
}

const questions: Question[] = [
  {
    code: 'motherTongue',
    type: 'single',
    choices: { catalogue: 'language', extra: { set: 'language', codes: ['other'] } },
    required: true,
  },
  ...skillQuestions('norwegian'),
  {
    code: 'norwegianTeaching',
    type: 'single',
    choices: {
      set: 'norwegianTeaching',
      codes: ['none', 'lessThanOneMonth', 'oneToThreeMonths', 'moreThanThreeMonths'],
    },
    required: true,
  },
  ...skillQuestions('english'),
  {
    code: 'otherLanguages',
    type: 'group',
    maxEntries: 8,
    questions: [
      {
        code: 'otherLanguage',
        type: 'single',
        choices: { catalogue: 'language', extra: { set: 'language', codes: ['other'] } },
        required: true,
      },
      ...skillQuestions('other'),
    ],
  },
];

/** 2. Languages: mother tongue; Norwegian, English and other languages skill by skill. */
export const LANGUAGES: Section = { code: 'languages', questions };
