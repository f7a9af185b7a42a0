import { z } from 'zod';
import { CATALOGUES } from './catalogues.ts';
import { missingRequired } from './progress.ts';
import { STATUS_QUESTION } from './status.ts';
import type { Answers, Choices, EntryQuestion, FormDefinition, Question } from './types.ts';
import { walk } from './walk.ts';

/**
 * Zod schemas derived from a definition, never written per question. Messages are problem codes
 * (FORM_PROBLEMS) the screens translate as `form.problem.<code>`; the path starts with the question
 * code (then the entry index and the entry question's code inside a group).
 */
export const FORM_PROBLEMS = [
  'invalidAnswer',
  'unknownQuestion',
  'notAChoice',
  'duplicateChoice',
  'exclusiveChoice',
  'tooManyChoices',
  'outOfRange',
  'invalidDate',
  'textTooLong',
  'controlCharacter',
  'tooManyEntries',
  'cannotComplete',
  /** A change to a complete mapping that would leave a required answer missing (the screens refuse it). */
  'breaksComplete',
] as const;
export type FormProblem = (typeof FORM_PROBLEMS)[number];

/** Every code a choice question accepts. */
export function choiceCodes(choices: Choices): readonly string[] {
  if ('set' in choices) return choices.codes;
  return [...CATALOGUES[choices.catalogue], ...(choices.extra?.codes ?? [])];
}

/** Tabs and line breaks are the only control characters a note may hold; one-line text holds none. */
function hasControl(text: string, multiline: boolean): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (multiline && (char === '\n' || char === '\r' || char === '\t')) continue;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The schema of one answer to one question. */
export function answerSchema(question: Question | EntryQuestion): z.ZodType<Answers[string]> {
  switch (question.type) {
    case 'single': {
      const codes = new Set(choiceCodes(question.choices));
      return z.string({ error: 'invalidAnswer' }).refine((v) => codes.has(v), { error: 'notAChoice' });
    }
    case 'multiple': {
      const codes = new Set(choiceCodes(question.choices));
      const exclusive = question.exclusive ?? [];
      return z
        .array(
          z.string({ error: 'invalidAnswer' }).refine((v) => codes.has(v), { error: 'notAChoice' }),
          {
            error: 'invalidAnswer',
          },
        )
        .min(1, { error: 'invalidAnswer' })
        .max(question.maxSelected ?? codes.size, { error: 'tooManyChoices' })
        .refine((v) => new Set(v).size === v.length, { error: 'duplicateChoice' })
        .refine((v) => v.length === 1 || !v.some((c) => exclusive.includes(c)), { error: 'exclusiveChoice' });
    }
    case 'number':
      return z
        .number({ error: 'invalidAnswer' })
        .int({ error: 'invalidAnswer' })
        .min(question.min, { error: 'outOfRange' })
        .max(question.max, { error: 'outOfRange' });
    case 'date':
      return z.iso.date({ error: 'invalidDate' });
    case 'text': {
      return z
        .string({ error: 'invalidAnswer' })
        .trim()
        .min(1, { error: 'invalidAnswer' })
        .max(question.maxLength, { error: 'textTooLong' })
        .refine((v) => !hasControl(v, question.multiline), { error: 'controlCharacter' });
    }
    case 'group': {
      const shape = Object.fromEntries(question.questions.map((q) => [q.code, answerSchema(q).optional()]));
      const entry = z.strictObject(shape, {
        error: (i) => (i.code === 'unrecognized_keys' ? 'unknownQuestion' : 'invalidAnswer'),
      });
      return z
        .array(entry, { error: 'invalidAnswer' })
        .min(1, { error: 'invalidAnswer' })
        .max(question.maxEntries, { error: 'tooManyEntries' }) as z.ZodType<Answers[string]>;
    }
  }
}

/**
 * The schema of a whole set of answers. Answers to questions that are not relevant are dropped
 * before anything is checked (they can never make a set invalid); unknown question codes are
 * refused; `status: complete` is refused while a required answer is missing. The output holds only
 * relevant answers.
 */
export function answersSchema(definition: FormDefinition): z.ZodType<Answers> {
  const shape = Object.fromEntries(
    definition.sections.flatMap((s) => s.questions.map((q) => [q.code, answerSchema(q).optional()])),
  );
  return z
    .preprocess(
      (raw) =>
        typeof raw === 'object' && raw !== null && !Array.isArray(raw)
          ? walk(definition, raw as Record<string, unknown>)
          : raw,
      z.strictObject(shape, { error: (i) => (i.code === 'unrecognized_keys' ? 'unknownQuestion' : 'invalidAnswer') }),
    )
    .superRefine((answers, ctx) => {
      const defined = answers as Answers;
      if (defined[STATUS_QUESTION] !== 'complete') return;
      const missing = missingRequired(definition, defined);
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', path: [STATUS_QUESTION], message: 'cannotComplete', params: { missing } });
      }
    }) as unknown as z.ZodType<Answers>;
}
