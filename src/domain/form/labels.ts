import { FORM_PROBLEMS } from './schema.ts';
import type { Choices, EntryQuestion, FormDefinition, Question } from './types.ts';
import { allQuestions } from './walk.ts';

/**
 * The i18next keys a definition uses; the definition holds keys' parts (codes), never text. The
 * strings live in src/client/i18n/locales/form/<lang>.json, loaded when the form opens.
 */
export const sectionTitleKey = (section: string) => `form.section.${section}.title`;
export const questionLabelKey = (question: string) => `form.q.${question}.label`;
export const questionHelpKey = (question: string) => `form.q.${question}.help`;
export const choiceLabelKey = (set: string, choice: string) => `form.choice.${set}.${choice}`;
export const problemKey = (problem: string) => `form.problem.${problem}`;

/** The listed choices' label keys; catalogue codes are named by Intl or occupations.ts instead. */
export function choiceKeys(choices: Choices): string[] {
  const list = 'set' in choices ? choices : choices.extra;
  return list ? list.codes.map((c) => choiceLabelKey(list.set, c)) : [];
}

function questionKeys(question: Question | EntryQuestion): string[] {
  return [
    questionLabelKey(question.code),
    ...(question.help ? [questionHelpKey(question.code)] : []),
    ...(question.type === 'single' || question.type === 'multiple' ? choiceKeys(question.choices) : []),
  ];
}

/** Every key the screens need for this definition. */
export function labelKeys(definition: FormDefinition): string[] {
  const keys = [
    ...definition.sections.map((s) => sectionTitleKey(s.code)),
    ...allQuestions(definition).flatMap(questionKeys),
    ...FORM_PROBLEMS.map(problemKey),
  ];
  return [...new Set(keys)];
}
