import fc from 'fast-check';
import { choiceCodes } from '../../../src/domain/form/schema.ts';
import { MAPPING_STATUSES, STATUS_QUESTION } from '../../../src/domain/form/status.ts';
import type { Answers, EntryQuestion, FormDefinition, Question } from '../../../src/domain/form/types.ts';

const isoDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const textUnit = fc.constantFrom('a', 'Z', 'ø', 'Å', ' ', '-', '"', 'ا', 'ት', '😀');

/** A valid answer to one question (relevance aside). */
export function validAnswer(question: Question | EntryQuestion): fc.Arbitrary<Answers[string]> {
  switch (question.type) {
    case 'single':
      return fc.constantFrom(...choiceCodes(question.choices));
    case 'multiple': {
      const exclusive = question.exclusive ?? [];
      const codes = [...choiceCodes(question.choices)];
      return fc
        .subarray(codes, { minLength: 1, maxLength: Math.min(question.maxSelected ?? codes.length, codes.length) })
        .map((codes) => {
          const rest = codes.filter((c) => !exclusive.includes(c));
          return rest.length > 0 ? rest : codes.slice(0, 1);
        });
    }
    case 'number':
      return fc.integer({ min: question.min, max: question.max });
    case 'date':
      return isoDate;
    case 'text':
      return fc
        .string({
          unit: question.multiline ? fc.oneof(textUnit, fc.constant('\n')) : textUnit,
          minLength: 1,
          maxLength: question.maxLength,
        })
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && s.length <= question.maxLength);
    case 'group':
      return fc.array(
        fc.record(Object.fromEntries(question.questions.map((q) => [q.code, validAnswer(q)])), { requiredKeys: [] }),
        { minLength: 1, maxLength: question.maxEntries },
      ) as fc.Arbitrary<Answers[string]>;
  }
}

/**
 * Sets of valid answers to any questions, relevant or not. `status` is never `complete` (that
 * needs every required answer; tested on its own).
 */
export function validAnswers(definition: FormDefinition): fc.Arbitrary<Answers> {
  const questions = definition.sections.flatMap((s) => s.questions);
  return fc.record(
    Object.fromEntries(
      questions.map((q) => [
        q.code,
        q.code === STATUS_QUESTION
          ? fc.constantFrom(...MAPPING_STATUSES.filter((s) => s !== 'complete'))
          : validAnswer(q),
      ]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Answers>;
}
