import type { Section } from '../types.ts';
import { EDUCATION_FIELD, YES_NO } from './choices.ts';

/** 5. Work experience: one entry per occupation (STYRK-08 group), plus informal work. */
export const WORK: Section = {
  code: 'work',
  questions: [
    { code: 'hasWorkExperience', type: 'single', choices: YES_NO, required: true },
    {
      code: 'jobs',
      type: 'group',
      maxEntries: 10,
      relevantWhen: { equals: ['hasWorkExperience', 'yes'] },
      required: true,
      questions: [
        { code: 'jobOccupation', type: 'single', choices: { catalogue: 'occupation' }, required: true },
        {
          code: 'jobYears',
          type: 'single',
          choices: { set: 'jobYears', codes: ['lessThanOne', 'oneToTwo', 'threeToFive', 'sixToTen', 'moreThanTen'] },
          required: true,
        },
        {
          code: 'jobEmployment',
          type: 'single',
          choices: { set: 'jobEmployment', codes: ['employed', 'selfEmployed', 'both'] },
          required: true,
        },
        { code: 'jobCountry', type: 'single', choices: { catalogue: 'country' }, required: true },
      ],
    },
    {
      code: 'informalWork',
      type: 'multiple',
      choices: {
        set: 'informalWork',
        codes: ['farming', 'animals', 'trade', 'household', 'childcare', 'construction', 'crafts', 'transport', 'none'],
      },
      exclusive: ['none'],
      required: true,
    },
  ],
};

/** 6. Other competence: driving licence, certificates, digital skills, volunteering. */
export const OTHER_COMPETENCE: Section = {
  code: 'otherCompetence',
  questions: [
    {
      code: 'drivingLicence',
      type: 'multiple',
      choices: { set: 'drivingLicence', codes: ['none', 'B', 'C', 'D', 'other'] },
      exclusive: ['none'],
      required: true,
    },
    {
      code: 'drivingLicenceDocument',
      type: 'single',
      choices: { set: 'drivingLicenceDocument', codes: ['held', 'notHeld', 'lost'] },
      relevantWhen: { all: [{ answered: 'drivingLicence' }, { not: { includes: ['drivingLicence', 'none'] } }] },
      required: true,
    },
    {
      code: 'certificates',
      type: 'multiple',
      choices: {
        set: 'certificates',
        codes: [
          'none',
          'tradeCertificate',
          'healthAuthorisation',
          'teacherQualification',
          'forklift',
          'crane',
          'welding',
          'safetyCourse',
          'foodHygiene',
          'securityGuard',
          'other',
        ],
      },
      exclusive: ['none'],
      required: true,
    },
    {
      code: 'digitalSkills',
      type: 'multiple',
      choices: { set: 'digitalSkills', codes: ['smartphone', 'email', 'computer', 'onlineForms', 'none'] },
      exclusive: ['none'],
      required: true,
    },
    { code: 'volunteering', type: 'single', choices: YES_NO, required: true },
  ],
};

/** 7. Interests and goals. */
export const GOALS: Section = {
  code: 'goals',
  questions: [
    { code: 'wishedWork', type: 'multiple', choices: { catalogue: 'occupation' }, maxSelected: 3 },
    { code: 'wishedEducation', type: 'multiple', choices: EDUCATION_FIELD, maxSelected: 3 },
    {
      code: 'goalShortTerm',
      type: 'single',
      choices: {
        set: 'goalShortTerm',
        codes: ['learnNorwegian', 'getWork', 'startEducation', 'recogniseQualifications', 'drivingLicence', 'other'],
      },
      required: true,
    },
    {
      code: 'goalLongTerm',
      type: 'single',
      choices: {
        set: 'goalLongTerm',
        codes: ['ownOccupation', 'newOccupation', 'higherEducation', 'vocationalEducation', 'ownBusiness', 'undecided'],
      },
      required: true,
    },
  ],
};
