import { FORM_VERSION_FIELD, fieldsToAnswers } from './fields.ts';
import { answerSchema } from './schema.ts';
import type { Answers, AnswerValue, Entry, FormDefinition, Migration } from './types.ts';
import { isRecord, walk } from './walk.ts';

/**
 * Form versions. A mapping records the version it was started with (`formVersion`). Opening it
 * with a newer app reads the answers with the definition of that version and carries them over,
 * version by version, with each newer definition's `migrateFrom`; the screens then show the newest
 * definition, and the first save writes the carried-over answers and the new version
 * (`fieldChanges(current, stored, answers, startedWith)`). A mapping nobody edits keeps its version.
 */
export type OpenResult =
  | {
      ok: true;
      /** The definition to show and save with (the newest). */
      definition: FormDefinition;
      /** The definition the stored answers were written with. */
      startedWith: FormDefinition;
      answers: Answers;
      /** Question codes (of the newest version) whose old answers could not be carried over. */
      dropped: string[];
    }
  | { ok: false; reason: 'newerVersion' | 'unknownVersion' };

/** Opens a stored mapping record; `definitions` are all shipped versions (any order). */
export function openMapping(
  definitions: readonly FormDefinition[],
  fields: Readonly<Record<string, unknown>>,
): OpenResult {
  const sorted = [...definitions].sort((a, b) => a.version - b.version);
  const current = sorted.at(-1);
  if (!current) throw new Error('No form definition');
  // Every record this code writes has a version; one without can only predate versioning (1).
  const stored = fields[FORM_VERSION_FIELD] ?? 1;
  const startedWith = sorted.find((d) => d.version === stored);
  if (typeof stored === 'number' && stored > current.version) return { ok: false, reason: 'newerVersion' };
  if (!startedWith) return { ok: false, reason: 'unknownVersion' };
  let answers = fieldsToAnswers(startedWith, fields);
  for (const definition of sorted.filter((d) => d.version > startedWith.version)) {
    if (definition.migrateFrom?.fromVersion !== definition.version - 1) return { ok: false, reason: 'unknownVersion' };
    answers = applyMigration(definition.migrateFrom, answers);
  }
  const { kept, dropped } = keepValid(current, answers);
  return { ok: true, definition: current, startedWith, answers: kept, dropped };
}

/** One step: renames by table, then the definition's own transform. */
export function applyMigration(migration: Migration, answers: Readonly<Answers>): Answers {
  const renames = migration.renameQuestions ?? {};
  const removed = migration.removeQuestions ?? [];
  const choiceMaps = migration.renameChoices ?? {};
  const renameValue = (code: string, value: AnswerValue): AnswerValue | undefined => {
    const map = choiceMaps[code];
    if (!map) return value;
    const one = (c: string) => (Object.hasOwn(map, c) ? map[c] : c);
    if (typeof value === 'string') return one(value) ?? undefined;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      const codes = value.map(one).filter((c): c is string => typeof c === 'string');
      return codes.length > 0 ? codes : undefined;
    }
    return value;
  };
  const renameAll = <T extends AnswerValue>(record: Readonly<Record<string, T>>): Record<string, AnswerValue> => {
    const out: Record<string, AnswerValue> = {};
    for (const [old, value] of Object.entries(record)) {
      if (removed.includes(old)) continue;
      const code = renames[old] ?? old;
      const renamed =
        Array.isArray(value) && value.every(isRecord) ? (value as Entry[]).map((e) => renameAll(e) as Entry) : value;
      const mapped = renameValue(code, renamed);
      if (mapped !== undefined) out[code] = mapped;
    }
    return out;
  };
  const renamed = renameAll(answers);
  return migration.transform ? migration.transform(renamed) : renamed;
}

/** The relevant answers that are valid for this definition, and the codes of those that were not. */
export function keepValid(
  definition: FormDefinition,
  answers: Readonly<Answers>,
): { kept: Answers; dropped: string[] } {
  const dropped: string[] = [];
  const valid: Answers = {};
  const topLevel = definition.sections.flatMap((s) => s.questions);
  for (const [code, value] of Object.entries(walk(definition, answers))) {
    const question = topLevel.find((q) => q.code === code);
    if (!question) {
      dropped.push(code);
      continue;
    }
    if (question.type === 'group' && Array.isArray(value)) {
      const entries = value.filter(isRecord).map((entry) => {
        const kept: Entry = {};
        for (const [child, childValue] of Object.entries(entry)) {
          const childQuestion = question.questions.find((q) => q.code === child);
          const parsed = childQuestion ? answerSchema(childQuestion).safeParse(childValue) : undefined;
          if (parsed?.success) kept[child] = parsed.data as Entry[string];
          else dropped.push(child);
        }
        return kept;
      });
      const nonEmpty = entries.filter((e) => Object.keys(e).length > 0).slice(0, question.maxEntries);
      if (nonEmpty.length > 0) valid[code] = nonEmpty;
      continue;
    }
    const parsed = answerSchema(question).safeParse(value);
    if (parsed.success) valid[code] = parsed.data;
    else dropped.push(code);
  }
  // Dropping an answer can hide a later one: prune once more.
  return { kept: walk(definition, valid) as Answers, dropped: [...new Set(dropped)] };
}
