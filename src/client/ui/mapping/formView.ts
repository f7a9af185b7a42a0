import { canComplete, missingRequired, sectionProgress } from '../../../domain/form/progress.ts';
import { STATUS_QUESTION } from '../../../domain/form/status.ts';
import { isAnswered } from '../../../domain/form/rules.ts';
import { answerSchema } from '../../../domain/form/schema.ts';
import type {
  Answers,
  AnswerValue,
  Entry,
  EntryQuestion,
  FormDefinition,
  Question,
} from '../../../domain/form/types.ts';
import { walk } from '../../../domain/form/walk.ts';

/**
 * Pure helpers of the mapping form screens. The screens add no questions, rules or validation of
 * their own: relevance comes from `walk`, validation from `answerSchema`, progress from progress.ts.
 */

/** The key of a question (top level) or of one entry's question, as relevance and errors use it. */
export const questionKey = (code: string, entry?: number, child?: string): string =>
  entry === undefined ? code : `${code}#${entry}.${child ?? ''}`;

/** Which questions are relevant for these answers, by `questionKey`. */
export function relevance(definition: FormDefinition, answers: Readonly<Answers>): Map<string, boolean> {
  const relevant = new Map<string, boolean>();
  walk(definition, answers, (visit) => {
    const key = visit.group ? questionKey(visit.group.code, visit.entry, visit.question.code) : visit.question.code;
    relevant.set(key, visit.relevant);
  });
  return relevant;
}

/** The problem code (`form.problem.<code>`) of an answer, or null when it is valid for the question. */
export function answerProblem(question: Question | EntryQuestion, value: unknown): string | null {
  const parsed = answerSchema(question).safeParse(value);
  if (parsed.success) return null;
  return parsed.error.issues[0]?.message ?? 'invalidAnswer';
}

/**
 * Whether a change would leave a mapping marked complete that is not: `cannotComplete` when the status
 * is set to complete with required answers missing, `breaksComplete` when a complete mapping would
 * lose a required answer (or gain a required question unanswered). Null when the change is fine. A
 * complete mapping is what is registered with IMDi, so it never silently becomes incomplete: the
 * mapper changes the status first.
 */
export function completionRefusal(
  definition: FormDefinition,
  before: Readonly<Answers>,
  after: Readonly<Answers>,
  code: string,
): 'cannotComplete' | 'breaksComplete' | null {
  if (after[STATUS_QUESTION] !== 'complete' || canComplete(definition, after)) return null;
  return code === STATUS_QUESTION || before[STATUS_QUESTION] !== 'complete' ? 'cannotComplete' : 'breaksComplete';
}

/** The answers (or one entry's) with one answer set, or removed when `value` is null or empty. */
export function withAnswer<T extends AnswerValue>(
  answers: Readonly<Record<string, T>>,
  code: string,
  value: T | null,
): Record<string, T> {
  const next = { ...answers };
  if (value === null || !isAnswered(value)) delete next[code];
  else next[code] = value;
  return next;
}

/** A group's entries with one entry's answer set, or removed when `value` is null or empty. */
export function withEntryAnswer(
  entries: readonly Entry[],
  index: number,
  code: string,
  value: Entry[string] | null,
): Entry[] {
  return entries.map((entry, i) => (i === index ? withAnswer(entry, code, value) : entry));
}

/** A multiple-choice answer with one code switched on or off, in the order of the choices. */
export function toggleChoice(
  current: readonly string[],
  code: string,
  on: boolean,
  order: readonly string[],
): string[] {
  const set = new Set(current);
  if (on) set.add(code);
  else set.delete(code);
  return [...set].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/**
 * A number field's text as an answer: null when empty (the answer is cleared), a number otherwise
 * (which `answerProblem` may still refuse: a fraction, a value out of range), or the text itself
 * when it is not a number at all (refused too).
 */
export function parseNumber(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed.replace(',', '.'));
  return Number.isFinite(n) ? n : trimmed;
}

/** The sections the navigation offers: relevant ones with their progress (the outcome is the review's). */
export function navigationSections(definition: FormDefinition, answers: Readonly<Answers>, reviewSection: string) {
  return sectionProgress(definition, answers).filter((p) => p.section !== reviewSection);
}

/** Where to continue: the first relevant section with a missing answer, else the review. */
export function sectionToContinue(
  definition: FormDefinition,
  answers: Readonly<Answers>,
  reviewSection: string,
): string {
  const missing = missingRequired(definition, answers).find((m) => m.section !== reviewSection);
  return missing?.section ?? reviewSection;
}

/** The element id of a question on the page (an entry's question: `q-<group>-<index>-<code>`). */
export function domId(code: string, entry?: number, child?: string): string {
  return entry === undefined ? `q-${code}` : `q-${code}-${entry}-${child ?? ''}`;
}

/** Moves keyboard focus to a question's first control (after the screen has rendered it). */
export function focusQuestion(elementId: string): void {
  const element = document.getElementById(elementId);
  const control = element?.querySelector<HTMLElement>('input, select, textarea, button');
  (control ?? element)?.focus();
}
