import { evaluate, isAnswered } from './rules.ts';
import { STATUS_QUESTION } from './status.ts';
import type { Answers, FormDefinition } from './types.ts';
import { walk, type Visit } from './walk.ts';

/** A relevant required question without an answer; `group` and `entry` for one inside a group entry. */
export interface MissingAnswer {
  section: string;
  question: string;
  group?: string;
  entry?: number;
}

function isRequired(visit: Visit): boolean {
  const { required } = visit.question;
  if (required === undefined || required === false) return false;
  return required === true || evaluate(required, visit.lookup);
}

/** What the review page lists: relevant required questions not answered yet, in form order. */
export function missingRequired(definition: FormDefinition, answers: Readonly<Answers>): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  walk(definition, answers, (visit) => {
    if (!visit.relevant || !isRequired(visit) || isAnswered(visit.value)) return;
    const item: MissingAnswer = { section: visit.section.code, question: visit.question.code };
    if (visit.group && visit.entry !== undefined) {
      item.group = visit.group.code;
      item.entry = visit.entry;
    }
    missing.push(item);
  });
  return missing;
}

/** Whether the mapping may be marked complete: nothing required is missing once status says so. */
export function canComplete(definition: FormDefinition, answers: Readonly<Answers>): boolean {
  return missingRequired(definition, { ...answers, [STATUS_QUESTION]: 'complete' }).length === 0;
}

export interface SectionProgress {
  section: string;
  relevant: boolean;
  /** Relevant required questions (entry questions counted per entry). */
  required: number;
  /** Of those, answered. */
  answered: number;
}

/** Per section, for the navigation's progress marks. */
export function sectionProgress(definition: FormDefinition, answers: Readonly<Answers>): SectionProgress[] {
  const bySection = new Map<string, SectionProgress>(
    definition.sections.map((s) => [s.code, { section: s.code, relevant: false, required: 0, answered: 0 }]),
  );
  walk(definition, answers, (visit) => {
    const progress = bySection.get(visit.section.code);
    if (!progress || !visit.relevant) return;
    progress.relevant = true;
    if (!isRequired(visit)) return;
    progress.required += 1;
    if (isAnswered(visit.value)) progress.answered += 1;
  });
  return [...bySection.values()];
}

/** "Registered with IMDi" may be set only on a mapping whose status is complete (and still can be). */
export function canRegisterWithImdi(definition: FormDefinition, answers: Readonly<Answers>): boolean {
  return answers[STATUS_QUESTION] === 'complete' && canComplete(definition, answers);
}
