import { InfoLocale, RESIDENT_LANGUAGES, type InfoMeta, type ResidentLanguage } from './schema.ts';

// Each language is its own chunk (precached by the service worker), loaded when chosen.
const files = import.meta.glob<{ default: unknown }>('./locales/*.json');
// Only the metadata of every language, for the picker: names in their own script and direction.
// The query makes these modules distinct from the lazy ones above: imported under the same id, every
// language's whole text would be bundled statically here. `&lang.json` keeps them parsed as JSON.
const metas = import.meta.glob<unknown>('./locales/*.json', { eager: true, import: 'meta', query: '?meta&lang.json' });

const path = (code: string) => `./locales/${code}.json`;

export function isResidentLanguage(code: string): code is ResidentLanguage {
  return (RESIDENT_LANGUAGES as readonly string[]).includes(code);
}

export function languageMetas(): { code: ResidentLanguage; meta: InfoMeta }[] {
  return RESIDENT_LANGUAGES.map((code) => ({ code, meta: InfoLocale.shape.meta.parse(metas[path(code)]) }));
}

export async function loadLocale(code: ResidentLanguage): Promise<InfoLocale> {
  const load = files[path(code)];
  if (!load) throw new Error(`No resident information in "${code}".`);
  return InfoLocale.parse((await load()).default);
}
