/**
 * The outcome of a mapping: the `status` question of the last section, and why when it is not
 * complete. `complete` is allowed only when every relevant required question is answered
 * (`canComplete` in progress.ts); the others need a reason.
 */
export const STATUS_QUESTION = 'status';
export const STATUS_REASON_QUESTION = 'statusReason';

export const MAPPING_STATUSES = ['complete', 'partial', 'didNotAttend', 'declined'] as const;
export type MappingStatus = (typeof MAPPING_STATUSES)[number];

export const STATUS_REASONS = [
  'residentDidNotShow',
  'residentIll',
  'residentDeclined',
  'noInterpreter',
  'timeRanOut',
  'alreadyMappedElsewhere',
  'exemptNotWanted',
  'movedOrSettled',
  'other',
] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];
