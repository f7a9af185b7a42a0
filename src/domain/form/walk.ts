import { evaluate, type Lookup } from './rules.ts';
import type { EntryQuestion, FormDefinition, GroupQuestion, Question, Section } from './types.ts';

/** One question as the walk meets it, in definition order (an entry's questions after their group). */
export interface Visit {
  section: Section;
  question: Question | EntryQuestion;
  /** For a question inside a repeatable group: the group, and the index of the entry. */
  group?: GroupQuestion;
  entry?: number;
  relevant: boolean;
  /** The raw answer (possibly invalid), undefined when there is none. */
  value: unknown;
  /** Answers as rules see them here: earlier relevant answers only (the entry's own first). */
  lookup: Lookup;
}

/**
 * Walks the definition over a set of answers and returns them without the answers to irrelevant
 * questions (and without null, which a cleared sync field holds). Rules are evaluated on the pruned
 * answers seen so far, so an answer hidden by skip logic never makes a later question relevant;
 * that is why answers to irrelevant questions can never make a set invalid. Keys that name no
 * question are kept, for the schema to refuse.
 */
export function walk(
  definition: FormDefinition,
  raw: Readonly<Record<string, unknown>>,
  onVisit?: (visit: Visit) => void,
): Record<string, unknown> {
  const pruned: Record<string, unknown> = {};
  const known = new Set<string>();
  const top: Lookup = (code) => pruned[code];
  for (const section of definition.sections) {
    const sectionRelevant = !section.relevantWhen || evaluate(section.relevantWhen, top);
    for (const question of section.questions) {
      known.add(question.code);
      const relevant = sectionRelevant && (!question.relevantWhen || evaluate(question.relevantWhen, top));
      const value = own(raw, question.code);
      onVisit?.({ section, question, relevant, value, lookup: top });
      if (!relevant || value === undefined || value === null) continue;
      if (question.type === 'group' && Array.isArray(value)) {
        pruned[question.code] = value.map((entry: unknown, index) =>
          isRecord(entry) ? pruneEntry(section, question, entry, index, top, onVisit) : entry,
        );
      } else {
        pruned[question.code] = value;
      }
    }
  }
  for (const key of Object.keys(raw)) if (!known.has(key)) pruned[key] = raw[key];
  return pruned;
}

function pruneEntry(
  section: Section,
  group: GroupQuestion,
  entry: Readonly<Record<string, unknown>>,
  index: number,
  top: Lookup,
  onVisit: ((visit: Visit) => void) | undefined,
): Record<string, unknown> {
  const pruned: Record<string, unknown> = {};
  const lookup: Lookup = (code) => (code in pruned ? pruned[code] : top(code));
  const known = new Set<string>();
  for (const question of group.questions) {
    known.add(question.code);
    const relevant = !question.relevantWhen || evaluate(question.relevantWhen, lookup);
    const value = own(entry, question.code);
    onVisit?.({ section, question, group, entry: index, relevant, value, lookup });
    if (relevant && value !== undefined && value !== null) pruned[question.code] = value;
  }
  for (const key of Object.keys(entry)) if (!known.has(key)) pruned[key] = entry[key];
  return pruned;
}

function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every question of a definition, groups' entry questions after their group. */
export function allQuestions(definition: FormDefinition): (Question | EntryQuestion)[] {
  return definition.sections.flatMap((s) =>
    s.questions.flatMap((q) => (q.type === 'group' ? [q, ...q.questions] : [q])),
  );
}

/** The question with this code, wherever it is. */
export function findQuestion(definition: FormDefinition, code: string): Question | EntryQuestion | undefined {
  return allQuestions(definition).find((q) => q.code === code);
}
