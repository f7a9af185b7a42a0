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

/** The names the NIR lists give a mother tongue (Norwegian, in lower case) for each language above. */
const NORWEGIAN_NAMES: Readonly<Record<string, ResidentLanguage>> = {
  norsk: 'nb',
  bokmål: 'nb',
  nynorsk: 'nn',
  engelsk: 'en',
  ukrainsk: 'uk',
  arabisk: 'ar',
  tigrinja: 'ti',
  tigrinya: 'ti',
  dari: 'prs',
  farsi: 'fa',
  persisk: 'fa',
  pashto: 'ps',
  pashtu: 'ps',
  sorani: 'ckb',
  kurmanji: 'kmr',
  somali: 'so',
  somalisk: 'so',
  tyrkisk: 'tr',
  russisk: 'ru',
  amharisk: 'am',
  spansk: 'es',
  fransk: 'fr',
};

/**
 * The information screens' language for a mother tongue as the roster holds it (a Norwegian name
 * from NIR, or already a code), or undefined when there are no screens in it: the resident then
 * picks a language on the first screen.
 */
export function residentLanguageOf(motherTongue: string | null | undefined): ResidentLanguage | undefined {
  const name = motherTongue?.trim().toLocaleLowerCase('nb');
  if (!name) return undefined;
  if ((RESIDENT_LANGUAGES as readonly string[]).includes(name)) return name as ResidentLanguage;
  return NORWEGIAN_NAMES[name];
}
