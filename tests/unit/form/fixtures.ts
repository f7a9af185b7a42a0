import type { Answers, FormDefinition, Question } from '../../../src/domain/form/types.ts';
import { FORM_V1 } from '../../../src/domain/form/v1/index.ts';

/** A whole mapping of someone with education and work, every required question answered. */
export const COMPLETE_V1: Answers = {
  sessionDate: '2026-11-20',
  sessionPlace: 'adultEducationCentre',
  mapperName: 'Kari Nordmann',
  interpreterUsed: 'yes',
  interpreterLanguage: 'ar',
  interpreterCategory: 'A',
  interpreterMode: 'inPerson',
  infoLanguage: 'ar',
  understandingConfirmed: 'yes',
  identityChecked: 'confirmed',
  permitType: 'refugee',
  permitDate: '2026-11-10',
  alreadyMapped: 'no',
  motherTongue: 'ar',
  norwegianUnderstand: 'aLittle',
  norwegianSpeak: 'aLittle',
  norwegianRead: 'none',
  norwegianWrite: 'none',
  norwegianTeaching: 'oneToThreeMonths',
  englishUnderstand: 'good',
  englishSpeak: 'good',
  englishRead: 'good',
  englishWrite: 'aLittle',
  englishCefr: 'B1',
  otherLanguages: [
    {
      otherLanguage: 'tr',
      otherUnderstand: 'aLittle',
      otherSpeak: 'none',
      otherRead: 'none',
      otherWrite: 'none',
    },
  ],
  readsOwnLanguage: 'yes',
  writesOwnLanguage: 'yes',
  latinAlphabet: 'letters',
  highestEducation: 'bachelor',
  educations: [
    {
      educationLevel: 'bachelor',
      educationField: 'engineering',
      educationCountry: 'SY',
      educationYears: 4,
      educationCompleted: 'yes',
      educationDocuments: 'copy',
    },
  ],
  schoolYears: 16,
  completedUpperSecondary: 'yes',
  hasWorkExperience: 'yes',
  jobs: [
    { jobOccupation: '21', jobYears: 'sixToTen', jobEmployment: 'employed', jobCountry: 'SY' },
    { jobOccupation: '74', jobYears: 'oneToTwo', jobEmployment: 'selfEmployed', jobCountry: 'TR' },
  ],
  informalWork: ['none'],
  drivingLicence: ['B'],
  drivingLicenceDocument: 'lost',
  certificates: ['none'],
  digitalSkills: ['smartphone', 'email', 'computer'],
  volunteering: 'no',
  wishedWork: ['21'],
  goalShortTerm: 'learnNorwegian',
  goalLongTerm: 'ownOccupation',
  adaptationNeed: 'no',
  status: 'complete',
};

function replace(
  definition: FormDefinition,
  code: string,
  by: (q: Question) => Question[],
): FormDefinition['sections'] {
  return definition.sections.map((s) => ({
    ...s,
    questions: s.questions.flatMap((q) => {
      if (q.code === code) return by(q);
      if (q.type !== 'group' || !q.questions.some((c) => c.code === code)) return [q];
      return [{ ...q, questions: q.questions.flatMap((c) => (c.code === code ? (by(c) as typeof q.questions) : [c])) }];
    }),
  }));
}

/**
 * A test-only version 2 (the app ships version 1 only): `latinAlphabet` is renamed `latinScript`
 * with its choice `letters` renamed `someLetters`; a job's years merge 6–10 and >10 into
 * `moreThanFive`; `infoLanguage` is gone.
 */
const renamed = replace(FORM_V1, 'latinAlphabet', (q) => [
  {
    ...q,
    code: 'latinScript',
    choices: { set: 'latinScript', codes: ['none', 'someLetters', 'simpleText', 'fluent'] },
  } as Question,
]);
const merged = replace({ version: 1, sections: renamed }, 'jobYears', (q) => [
  { ...q, choices: { set: 'jobYears', codes: ['lessThanOne', 'oneToTwo', 'threeToFive', 'moreThanFive'] } } as Question,
]);
export const FORM_V2: FormDefinition = {
  version: 2,
  sections: replace({ version: 1, sections: merged }, 'infoLanguage', () => []),
  migrateFrom: {
    fromVersion: 1,
    renameQuestions: { latinAlphabet: 'latinScript' },
    removeQuestions: ['infoLanguage'],
    renameChoices: {
      latinScript: { letters: 'someLetters' },
      jobYears: { sixToTen: 'moreThanFive', moreThanTen: 'moreThanFive' },
    },
  },
};
