import type { ChoiceList } from '../types.ts';

/** Choice lists shared by several questions (labels: `form.choice.<set>.<code>`). */
const list = (set: string, codes: readonly string[]): ChoiceList => ({ set, codes });

export const YES_NO = list('yesNo', ['yes', 'no']);

/** Self-assessed level of one skill in one language. */
export const SKILL_LEVEL = list('skillLevel', ['none', 'aLittle', 'good', 'veryGood', 'native']);

/** CEFR level, where a test or course has shown it. */
export const CEFR = list('cefr', ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'unknown']);

export const EDUCATION_LEVELS = [
  'none',
  'somePrimary',
  'primary',
  'lowerSecondary',
  'upperSecondaryGeneral',
  'upperSecondaryVocational',
  'postSecondaryVocational',
  'bachelor',
  'master',
  'phd',
] as const;

/** ISCED-F 2013 broad fields (UNESCO), the same grouping NOKUT and SSB use. */
export const EDUCATION_FIELD = list('educationField', [
  'generic',
  'education',
  'artsHumanities',
  'socialSciences',
  'businessLaw',
  'naturalSciences',
  'ict',
  'engineering',
  'agriculture',
  'healthWelfare',
  'services',
  'unknown',
]);
