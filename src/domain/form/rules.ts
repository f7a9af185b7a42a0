/**
 * The rule language of relevance (skip) and required rules: a small JSON-able expression over other
 * answers, so rules are data in the definition and one pure function evaluates them.
 *
 * - `{ equals: [q, v] }`   the answer to q is v (a choice code, number or date)
 * - `{ oneOf: [q, [v…]] }` the answer to q is one of these
 * - `{ includes: [q, c] }` q's answer contains choice c (multiple choice; a single choice equal to c counts)
 * - `{ answered: q }`      q has an answer (a group: at least one entry)
 * - `{ atLeast: [q, n] }`  q's number is ≥ n
 * - `{ all: [r…] }`, `{ any: [r…] }`, `{ not: r }`
 *
 * An unanswered question equals nothing, includes nothing and is not at least anything, so
 * `{ not: { equals: [q, v] } }` holds while q is unanswered.
 */
export type Literal = string | number | boolean;
export type Rule =
  | { equals: readonly [string, Literal] }
  | { oneOf: readonly [string, readonly Literal[]] }
  | { includes: readonly [string, string] }
  | { answered: string }
  | { atLeast: readonly [string, number] }
  | { all: readonly Rule[] }
  | { any: readonly Rule[] }
  | { not: Rule };

/** The answer a rule sees for a question code, or undefined when there is none. */
export type Lookup = (code: string) => unknown;

export function evaluate(rule: Rule, lookup: Lookup): boolean {
  if ('equals' in rule) return lookup(rule.equals[0]) === rule.equals[1];
  if ('oneOf' in rule) {
    const value = lookup(rule.oneOf[0]);
    return rule.oneOf[1].some((v) => v === value);
  }
  if ('includes' in rule) {
    const value = lookup(rule.includes[0]);
    return Array.isArray(value) ? value.includes(rule.includes[1]) : value === rule.includes[1];
  }
  if ('answered' in rule) return isAnswered(lookup(rule.answered));
  if ('atLeast' in rule) {
    const value = lookup(rule.atLeast[0]);
    return typeof value === 'number' && value >= rule.atLeast[1];
  }
  if ('all' in rule) return rule.all.every((r) => evaluate(r, lookup));
  if ('any' in rule) return rule.any.some((r) => evaluate(r, lookup));
  return !evaluate(rule.not, lookup);
}

/** Absent, null, an empty string or an empty list count as no answer. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The question codes a rule reads (to check that rules only read earlier questions). */
export function referencedCodes(rule: Rule): string[] {
  if ('equals' in rule) return [rule.equals[0]];
  if ('oneOf' in rule) return [rule.oneOf[0]];
  if ('includes' in rule) return [rule.includes[0]];
  if ('answered' in rule) return [rule.answered];
  if ('atLeast' in rule) return [rule.atLeast[0]];
  if ('all' in rule) return rule.all.flatMap(referencedCodes);
  if ('any' in rule) return rule.any.flatMap(referencedCodes);
  return referencedCodes(rule.not);
}
