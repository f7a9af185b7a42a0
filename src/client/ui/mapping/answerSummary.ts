import { questionLabelKey, sectionTitleKey } from '../../../domain/form/labels.ts';
import type { Answers, EntryQuestion, FormDefinition, Question } from '../../../domain/form/types.ts';
import { isRecord, walk } from '../../../domain/form/walk.ts';
import { choiceName } from './choiceLabels.ts';

/** What labels a summary: a language, its label lookup, and occupation titles it adds. */
export interface Labeller {
  language: string;
  t: (key: string) => string;
  occupationTitles?: Readonly<Record<string, string>>;
}

/** One answered question as text. */
export interface SummaryLine {
  question: string;
  label: string;
  answer: string;
}

export type SummaryItem = SummaryLine | { question: string; label: string; entries: SummaryLine[][] };

export interface SummarySection {
  section: string;
  title: string;
  items: SummaryItem[];
}

/**
 * What was recorded, as text in one language, section by section in the order of the form (the
 * order IMDi's own form asks in): only relevant answers (what skip logic hid is not there), choices
 * by their labels, dates and numbers formatted for the language. Pure, so the print views of the
 * IMDi transfer and of the resident's copy show exactly what the answers say.
 */
export function answerSummary(
  definition: FormDefinition,
  answers: Readonly<Answers>,
  labels: Labeller,
): SummarySection[] {
  const relevant = walk(definition, answers);
  return definition.sections
    .map((section) => ({
      section: section.code,
      title: labels.t(sectionTitleKey(section.code)),
      items: section.questions.flatMap((q): SummaryItem[] => {
        const value = relevant[q.code];
        if (value === undefined) return [];
        const label = labels.t(questionLabelKey(q.code));
        if (q.type !== 'group') return [{ question: q.code, label, answer: answerText(q, value, labels) }];
        const entries = (Array.isArray(value) ? value : []).filter(isRecord).map((entry) =>
          q.questions.flatMap((child) =>
            entry[child.code] === undefined
              ? []
              : [
                  {
                    question: child.code,
                    label: labels.t(questionLabelKey(child.code)),
                    answer: answerText(child, entry[child.code], labels),
                  },
                ],
          ),
        );
        return entries.length > 0 ? [{ question: q.code, label, entries }] : [];
      }),
    }))
    .filter((s) => s.items.length > 0);
}

/** An answer as text; a code the language cannot name stays a code rather than disappear. */
export function answerText(question: Question | EntryQuestion, value: unknown, labels: Labeller): string {
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const codes = Array.isArray(value) ? value.map(String) : [String(value)];
      const name = (code: string) =>
        choiceName(question.choices, code, labels.language, labels.t, labels.occupationTitles) || code;
      return list(codes.map(name), labels.language);
    }
    case 'number':
      return typeof value === 'number' ? format(() => new Intl.NumberFormat(labels.language).format(value), value) : '';
    case 'date':
      return typeof value === 'string' ? dateText(value, labels.language) : '';
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

function dateText(iso: string, language: string): string {
  const date = new Date(`${iso}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return format(() => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date), iso);
}

function list(items: string[], language: string): string {
  return format(() => new Intl.ListFormat(language, { type: 'conjunction' }).format(items), items.join(', '));
}

/** Intl in a language the browser does not know throws: then the plain form. */
function format(intl: () => string, plain: string | number): string {
  try {
    return intl();
  } catch {
    return String(plain);
  }
}
