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

// The strings of the signed-in app's parts: ./locales/<part>/<code>.json, a chunk each.
const partFiles = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

/**
 * Strings of one part of the signed-in app, merged into the same namespace once that part asks for
 * them (`want`) — in the current language and in every language chosen later — so none of it weighs
 * on the sign-in page. Their keys never overlap the main bundle's.
 */
function lazyStrings(part: 'roster' | 'form' | 'admin' | 'plan' | 'lock') {
  let wanted = false;
  const loaded: Record<string, true> = {};
  const load = async (code: string) => {
    const loader = partFiles[`./locales/${part}/${code}.json`];
    if (!loader || loaded[code]) return;
    i18next.addResourceBundle(code, 'translation', (await loader()).default, true, false);
    loaded[code] = true;
  };
  return {
    async want(): Promise<void> {
      wanted = true;
      await load(current);
    },
    async languageChosen(code: string): Promise<void> {
      if (wanted) await load(code);
    },
  };
}

/**
 * The signed-in app's own strings (they load with it): the roster, import, sync, storage, resident,
 * needs-attention and conflict screens.
 */
const rosterStrings = lazyStrings('roster');
/** The mapping form (src/domain/form/labels.ts). */
const formStrings = lazyStrings('form');
/** The administrator's screen. */
const adminStrings = lazyStrings('admin');
/** The plan screen, the weekly list and the interpreter orders. */
const planStrings = lazyStrings('plan');
/** The PIN screens (choose, unlock, forgotten) and the lock button. */
const lockStrings = lazyStrings('lock');
const parts = [rosterStrings, formStrings, adminStrings, planStrings, lockStrings];

export const loadRosterStrings = (): Promise<void> => rosterStrings.want();
export const loadAdminStrings = (): Promise<void> => adminStrings.want();
export const loadFormStrings = (): Promise<void> => formStrings.want();
export const loadPlanStrings = (): Promise<void> => planStrings.want();
export const loadLockStrings = (): Promise<void> => lockStrings.want();

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
  await Promise.all(parts.map((p) => p.languageChosen(code)));
  await i18next.changeLanguage(code);
  localStorage.setItem(STORAGE_KEY, code);
  applyToDocument(code);
}

function applyToDocument(code: string): void {
  current = code;
  document.documentElement.lang = code;
  document.documentElement.dir = languageMeta(code)?.dir ?? 'ltr';
}

export function currentLanguage(): string {
  return current;
}

export function t(key: string, options?: TOptions): string {
  void current; // reactive dependency
  return i18next.t(key, options ?? {});
}
