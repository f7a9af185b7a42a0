import { CATALOGUES } from '../../../domain/form/catalogues.ts';
import { choiceLabelKey } from '../../../domain/form/labels.ts';
import { occupation, occupationTitle } from '../../../domain/form/occupations.ts';
import type { Catalogue, Choices } from '../../../domain/form/types.ts';

export interface ChoiceOption {
  code: string;
  label: string;
}

type Translate = (key: string) => string;
/** Occupation titles a resident language's labels add (formLabels.ts), by code. */
type Titles = Readonly<Record<string, string>>;

/**
 * Names of catalogue codes in a language: countries and languages by Intl.DisplayNames (the browser
 * knows them in every UI and resident language, so the locale files carry none), occupations by
 * their own titles (English for a language without titles, bokmål for nynorsk).
 */
export function catalogueName(catalogue: Catalogue, code: string, language: string, titles: Titles = {}): string {
  if (catalogue === 'occupation') {
    const found = occupation(code);
    if (!found) return code;
    // A resident language titles the major groups only: a sub-major group is named by its major one.
    return titles[code] ?? titles[code.slice(0, 1)] ?? occupationTitle(found, language);
  }
  try {
    const names = new Intl.DisplayNames([language, 'nb'], { type: catalogue === 'country' ? 'region' : 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Every choice of a question, labelled: listed choices by their keys in the definition's order;
 * catalogue codes by name, sorted by name in the language (the extra listed choices after them).
 */
export function choiceOptions(choices: Choices, language: string, t: Translate, titles: Titles = {}): ChoiceOption[] {
  if ('set' in choices) return choices.codes.map((code) => ({ code, label: t(choiceLabelKey(choices.set, code)) }));
  const collator = new Intl.Collator(language);
  const catalogue = CATALOGUES[choices.catalogue]
    .map((code) => ({ code, label: catalogueName(choices.catalogue, code, language, titles) }))
    .sort((a, b) => (choices.catalogue === 'occupation' ? 0 : collator.compare(a.label, b.label)));
  const extra = choices.extra;
  return [
    ...catalogue,
    ...(extra ? extra.codes.map((code) => ({ code, label: t(choiceLabelKey(extra.set, code)) })) : []),
  ];
}

/** One choice's label: a listed code by its key, a catalogue code by its name ('' when neither). */
export function choiceName(
  choices: Choices,
  code: string,
  language: string,
  t: Translate,
  titles: Titles = {},
): string {
  const list = 'set' in choices ? choices : choices.extra;
  if (list?.codes.includes(code)) return t(choiceLabelKey(list.set, code));
  return 'catalogue' in choices ? catalogueName(choices.catalogue, code, language, titles) : '';
}

/** How a choice question is best shown: a long catalogue as a list box, occupations with search. */
export function choiceWidget(choices: Choices): 'buttons' | 'select' | 'occupation' {
  if ('set' in choices) return 'buttons';
  if (choices.catalogue === 'occupation') return 'occupation';
  return choices.catalogue === 'infoLanguage' ? 'buttons' : 'select';
}

/**
 * A list box option holds text only: the resident's label follows the form's, isolated (FSI … PDI)
 * so an Arabic name cannot reorder the Norwegian one around it.
 */
export function bilingualOption(label: string, other: string | undefined): string {
  return other ? `${label} \u2014 \u2068${other}\u2069` : label;
}
