/**
 * Text folding for matching names and recognising headers. Matching never guesses beyond this:
 * two spellings match only when they fold to the same string.
 */

// Letters that Unicode does not decompose into a base letter plus marks. æ → ae and ø → o follow
// how Norwegian names are commonly transliterated into ASCII (å already folds to a through NFD).
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  æ: 'ae',
  ø: 'o',
  ß: 'ss',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  œ: 'oe',
  ŋ: 'n',
};
const UNDECOMPOSED_PATTERN = /[æøßðþłđıœŋ]/g;
const ASCII = /^[ -~]*$/;

/** Lower case without diacritics: "Ødegård" → "odegard", "Ævar" → "aevar", "Müller" → "muller". */
export function foldText(text: string): string {
  // Most names in the lists are plain ASCII: skip the Unicode work for them.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(UNDECOMPOSED_PATTERN, (c) => UNDECOMPOSED[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
}

// Apostrophes vanish ("O'Neil" = "ONeil" = "Oneil"); every other non-letter, non-digit is a space.
const APOSTROPHES = /['’‘ʼʻ`´]/g;

/** A name folded to space-separated tokens: " Al-Hassan,  Amína " → "al hassan amina". */
export function normaliseName(name: string): string {
  return foldText(name)
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The key two rows must share to match on name: given names then family name, folded, with no
 * spaces at all, so "Abdi Rahman" = "Abdirahman" and "Al-Amin" = "Al Amin", and it does not matter
 * where a full-name column put the split between given and family names.
 */
export function nameKey(givenName: string, familyName: string): string {
  // Most names are plain ASCII: folding is then only lower-casing, and dropping every character that
  // is not a letter or digit gives the same key as the Unicode path below, in one pass. An import
  // builds this key for every row, so the shortcut is worth its line.
  if (ASCII.test(givenName) && ASCII.test(familyName)) {
    return (givenName + familyName).toLowerCase().replace(ASCII_NOT_LETTER_OR_DIGIT, '');
  }
  return (normaliseName(givenName) + normaliseName(familyName)).replace(/ /g, '');
}

const ASCII_NOT_LETTER_OR_DIGIT = /[^a-z0-9]+/g;
