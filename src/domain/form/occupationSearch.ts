import { OCCUPATIONS, type Occupation } from './occupations.ts';

/**
 * The picker's search: a query of digits finds codes by prefix ("72" → 7, 72; "7" → 7 and its
 * groups); words find titles in which every word occurs in some word of the title, ignoring case
 * and diacritics — inside words too, for Norwegian compounds ("håndverk" → Håndverkere and
 * Byggehåndverkere; "elec" → Electrical …). Words under three letters must start a title word. Titles are searched in bokmål,
 * English and, when given, one resident language. An empty query lists everything in code order.
 */
export function searchOccupations(query: string, language?: string): Occupation[] {
  const terms = words(query);
  if (terms.length === 0) return [...OCCUPATIONS];
  const hits = OCCUPATIONS.filter((o) => {
    const titleWords = new Set([o.nb, o.en, language ? (o.other?.[language] ?? '') : ''].flatMap(words));
    return terms.every((term) =>
      /^\d+$/.test(term)
        ? o.code.startsWith(term) || term.startsWith(o.code)
        : [...titleWords].some((w) => (term.length >= 3 ? w.includes(term) : w.startsWith(term))),
    );
  });
  // An exact code first, then major groups before their subgroups (already the list's order).
  const exact = hits.filter((o) => terms.includes(o.code));
  return [...exact, ...hits.filter((o) => !exact.includes(o))];
}

/** Case- and diacritics-folded words; ø, æ and ß, which do not decompose, are folded by hand. */
export function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}
