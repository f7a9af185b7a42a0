import { foldText } from '../../domain/roster/normalise.ts';
import type { Resident } from '../../domain/resident.ts';

/**
 * Search as you type over the roster, in memory (never an IndexedDB scan per keystroke). Each
 * resident's name and DUF number are folded once (case and diacritics away: "Ødegård" is found by
 * "odegard") and kept; a query matches when every word of it occurs in that text, in any order, so
 * "amina yus", "yusuf amina" and the DUF's last digits all find Amina Yusuf.
 */

// Folded text by the source text: the roster is rebuilt after every change (an edit, a pull, an
// import), but only text never seen before is folded again.
const folded = new Map<string, string>();
const FOLDED_LIMIT = 50_000;

/** The text a resident is found by. */
export function searchText(r: Pick<Resident, 'givenName' | 'familyName' | 'duf'>): string {
  const source = `${r.givenName} ${r.familyName} ${r.duf ?? ''}`;
  let text = folded.get(source);
  if (text === undefined) {
    const f = foldText(source);
    // "Al-Hassan" is also found as "alhassan", and "O'Neil" as "oneil".
    const joined = f.replace(/[^\p{L}\p{N}\s]+/gu, '');
    text = joined === f ? f : `${f} ${joined}`;
    if (folded.size >= FOLDED_LIMIT) folded.clear();
    folded.set(source, text);
  }
  return text;
}

/** The words of a query, folded; none for a blank query (which matches everyone). */
export function queryWords(query: string): string[] {
  return foldText(query)
    .split(/[\s,;.-]+/)
    .filter((w) => w !== '');
}

export function matchesWords(text: string, words: readonly string[]): boolean {
  for (const word of words) if (!text.includes(word)) return false;
  return true;
}
