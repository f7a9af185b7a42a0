import i18next, { type TOptions } from 'i18next';
import nb from './locales/nb.json';
import { DEFAULT_LANGUAGE, languageMeta } from './languages.ts';

/**
 * i18next with bokmål bundled (the default UI language, on the critical path); other languages are
 * separate chunks loaded on demand and precached by the service worker for offline use.
 */
const loaders: Record<string, () => Promise<{ default: Record<string, unknown> }>> = {
  nn: () => import('./locales/nn.json'),
  en: () => import('./locales/en.json'),
};

/**
 * Strings of the signed-in roster and import screens: a chunk per language, merged into the same
 * namespace when those screens load (loadRosterStrings), so none of it weighs on the sign-in page.
 */
const rosterLoaders: Record<string, () => Promise<{ default: Record<string, unknown> }>> = {
  nb: () => import('./locales/roster/nb.json'),
  nn: () => import('./locales/roster/nn.json'),
  en: () => import('./locales/roster/en.json'),
};
let rosterWanted = false;
const rosterLoaded: Record<string, true> = {};

const STORAGE_KEY = 'kartlegg.uiLanguage';

// Read by `t` so every translated string in a template re-renders when the language changes.
let current = $state(DEFAULT_LANGUAGE);

export async function initI18n(): Promise<void> {
  await i18next.init({
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    resources: { nb: { translation: nb } },
    interpolation: { escapeValue: false }, // Svelte escapes text itself.
    returnNull: false,
  });
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && saved !== DEFAULT_LANGUAGE) await setLanguage(saved);
  else applyToDocument(DEFAULT_LANGUAGE);
}

export async function setLanguage(code: string): Promise<void> {
  const meta = languageMeta(code);
  if (!meta) return;
  const load = loaders[code];
  if (load && !i18next.hasResourceBundle(code, 'translation')) {
    i18next.addResourceBundle(code, 'translation', (await load()).default);
  }
  if (rosterWanted) await loadRosterBundle(code);
  await i18next.changeLanguage(code);
  localStorage.setItem(STORAGE_KEY, code);
  applyToDocument(code);
}

function applyToDocument(code: string): void {
  current = code;
  document.documentElement.lang = code;
  document.documentElement.dir = languageMeta(code)?.dir ?? 'ltr';
}

/** Loads the roster screens' strings in the current language (and in every language chosen later). */
export async function loadRosterStrings(): Promise<void> {
  rosterWanted = true;
  await loadRosterBundle(current);
}

async function loadRosterBundle(code: string): Promise<void> {
  const load = rosterLoaders[code];
  if (!load || rosterLoaded[code]) return;
  const strings = (await load()).default;
  // Deep merge into the language's one namespace; the keys never overlap those already there.
  i18next.addResourceBundle(code, 'translation', strings, true, false);
  rosterLoaded[code] = true;
}

export function currentLanguage(): string {
  return current;
}

export function t(key: string, options?: TOptions): string {
  void current; // reactive dependency
  return i18next.t(key, options ?? {});
}
