import { foldText } from './normalise.ts';

/**
 * Collective protection (utlendingsloven § 34, "kollektiv beskyttelse", mostly people from Ukraine)
 * exempts a person from the right and duty to be mapped before settlement. Recognised in free-text
 * permit types such as "Kollektiv beskyttelse", "Midlertidig kollektiv beskyttelse (utl. § 34)",
 * "UTL § 34" or "Collective protection".
 */
const COLLECTIVE = [/kollektiv\s*beskyttelse/, /collective\s*protection/, /(§|paragraf)\s*34(?!\d)/];

export function isCollectiveProtection(permitType: string | null): boolean {
  if (!permitType) return false;
  const text = foldText(permitType);
  return COLLECTIVE.some((pattern) => pattern.test(text));
}
