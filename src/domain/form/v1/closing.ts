import type { Section } from '../types.ts';
import { MAPPING_STATUSES, STATUS_REASONS } from '../status.ts';

/**
 * 8. Adaptation needs: whether and what kind, never a diagnosis. Health data is a special category
 * and only what settlement needs may be recorded, so there is no text here and the note's help text
 * says not to write health details either.
 */
export const ADAPTATION: Section = {
  code: 'adaptation',
  questions: [
    {
      code: 'adaptationNeed',
      type: 'single',
      choices: { set: 'adaptationNeed', codes: ['no', 'yes', 'preferNotToSay'] },
      required: true,
      help: true,
    },
    {
      code: 'adaptationTypes',
      type: 'multiple',
      choices: { set: 'adaptationTypes', codes: ['mobility', 'vision', 'hearing', 'learning', 'other'] },
      relevantWhen: { equals: ['adaptationNeed', 'yes'] },
      required: true,
    },
  ],
};

/** 9. The mapper's note. */
export const NOTE: Section = {
  code: 'note',
  questions: [
    // Text: the one place for what no choice covers (a language or certificate answered "other",
    // context for IMDi). Short, and its help text forbids health details and diagnoses.
    { code: 'mapperNote', type: 'text', maxLength: 500, multiline: true, help: true },
  ],
};

/** 10. Outcome. Always relevant, so a mapping that stopped early can still be closed. */
export const OUTCOME: Section = {
  code: 'outcome',
  questions: [
    { code: 'status', type: 'single', choices: { set: 'status', codes: MAPPING_STATUSES } },
    {
      code: 'statusReason',
      type: 'single',
      choices: { set: 'statusReason', codes: STATUS_REASONS },
      relevantWhen: { oneOf: ['status', ['partial', 'didNotAttend', 'declined']] },
      required: true,
    },
  ],
};
