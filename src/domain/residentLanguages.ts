/**
 * The languages residents are informed in (the information screens) and can follow the mapping form
 * in: the languages of today's arrivals, Norwegian and English. Each has a resident-information file
 * (src/client/resident-info/locales/<code>.json) with its own name, script and direction.
 */
export const RESIDENT_LANGUAGES = [
  'nb',
  'nn',
  'en',
  'uk',
  'ar',
  'ti',
  'prs',
  'fa',
  'ps',
  'ckb',
  'kmr',
  'so',
  'tr',
  'ru',
  'am',
  'es',
  'fr',
] as const;
export type ResidentLanguage = (typeof RESIDENT_LANGUAGES)[number];
