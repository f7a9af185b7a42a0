import { occupationTitle, type Occupation } from '../../../domain/form/occupations.ts';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from '../../../domain/residentLanguages.ts';

/**
 * The form's labels in a resident's language, for the side-by-side view and the resident's copy.
 * Staff languages (bokmål, nynorsk, English) reuse the form's own bundle (locales/form/<code>.json);
 * the other resident languages have labels only — sections, questions, choices and the occupation
 * major groups — in locales/form-labels/<code>.json, a chunk each, loaded when chosen.
 */
export interface FormLabels {
  language: ResidentLanguage;
  /** A form label key (src/domain/form/labels.ts); '' when this language lacks it, never Norwegian. */
  t: (key: string) => string;
  /** STYRK-08 titles this language's file adds, by code. */
  occupationTitles: Readonly<Record<string, string>>;
  status: 'draft' | 'reviewed' | 'staff';
}

/** The resident's printed copy's own texts (`form.summary.<key>`), translated with the labels. */
export const SHEET_KEYS = ['title', 'intro', 'name', 'birthDate', 'printed'] as const;

interface Tree {
  [key: string]: string | Tree;
}

const staffFiles = import.meta.glob<{ default: Tree }>('../../i18n/locales/form/*.json');
const residentFiles = import.meta.glob<{ default: Tree }>('../../i18n/locales/form-labels/*.json');

/** The resident languages whose form labels exist (a language without a file has no side-by-side). */
export const SIDE_BY_SIDE_LANGUAGES: readonly ResidentLanguage[] = RESIDENT_LANGUAGES.filter(
  (code) => staffFiles[staffPath(code)] !== undefined || residentFiles[residentPath(code)] !== undefined,
);

function staffPath(code: string) {
  return `../../i18n/locales/form/${code}.json`;
}
function residentPath(code: string) {
  return `../../i18n/locales/form-labels/${code}.json`;
}

function lookup(tree: Tree, path: readonly string[]): string {
  let node: string | Tree | undefined = tree;
  for (const part of path) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : '';
}

/** Labels from a loaded file: a staff bundle (keys as they are) or a labels file (keys without `form.`). */
export function formLabelsOf(language: ResidentLanguage, tree: Tree, kind: 'staff' | 'resident'): FormLabels {
  const root = kind === 'staff' ? tree : { form: tree };
  const titles = kind === 'resident' && typeof tree.occupationMajor === 'object' ? tree.occupationMajor : {};
  const meta = tree.meta;
  const status =
    kind === 'staff' ? 'staff' : typeof meta === 'object' && meta.status === 'reviewed' ? 'reviewed' : 'draft';
  return {
    language,
    t: (key) => lookup(root, key.split('.')),
    occupationTitles: Object.fromEntries(
      Object.entries(titles).filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    status,
  };
}

export async function loadFormLabels(language: ResidentLanguage): Promise<FormLabels> {
  const staff = staffFiles[staffPath(language)];
  if (staff) return formLabelsOf(language, (await staff()).default, 'staff');
  const resident = residentFiles[residentPath(language)];
  if (!resident) throw new Error(`No form labels in "${language}".`);
  return formLabelsOf(language, (await resident()).default, 'resident');
}

/**
 * An occupation's title in this language, or undefined when the language has none for it (a
 * sub-major group outside the staff languages): the caller shows nothing rather than English.
 */
export function occupationIn(labels: FormLabels, o: Occupation): string | undefined {
  if (labels.status === 'staff') return occupationTitle(o, labels.language);
  return labels.occupationTitles[o.code] ?? o.other?.[labels.language];
}
