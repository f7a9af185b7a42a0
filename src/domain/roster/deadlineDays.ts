/**
 * How many calendar days after the permit date a resident must be mapped. IMDi's guideline is two
 * weeks; a municipality may set its own. Kept apart from deadline.ts (date arithmetic) so the sync
 * protocol can check the setting without loading date-fns.
 */
export const DEFAULT_DEADLINE_DAYS = 14;
export const MAX_DEADLINE_DAYS = 365;

export function isDeadlineDays(days: number): boolean {
  return Number.isInteger(days) && days >= 0 && days <= MAX_DEADLINE_DAYS;
}
