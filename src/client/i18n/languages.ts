/**
 * Language metadata. Text direction comes from here, never guessed from the text.
 * Staff languages are the UI languages for mappers; the resident languages are in
 * src/domain/residentLanguages.ts, their metadata in src/client/resident-info/locales/<code>.json.
 */
export interface LanguageMeta {
  code: string;
  /** The language's name in its own script (shown in pickers, no flags). */
  nativeName: string;
  script: 'Latn' | 'Arab' | 'Cyrl' | 'Ethi';
  dir: 'ltr' | 'rtl';
}

export const STAFF_LANGUAGES: readonly LanguageMeta[] = [
  { code: 'nb', nativeName: 'Norsk bokmål', script: 'Latn', dir: 'ltr' },
  { code: 'nn', nativeName: 'Norsk nynorsk', script: 'Latn', dir: 'ltr' },
  { code: 'en', nativeName: 'English', script: 'Latn', dir: 'ltr' },
];

export const DEFAULT_LANGUAGE = 'nb';

export function languageMeta(code: string): LanguageMeta | undefined {
  return STAFF_LANGUAGES.find((l) => l.code === code);
}
