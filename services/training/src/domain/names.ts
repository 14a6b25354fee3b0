/**
 * The form in which two spellings of one person's (or organiser's) name compare
 * equal: Unicode NFC (a keyboard may send "ễ" as one code point or as "e" plus two
 * combining marks), surrounding and repeated spaces dropped, lower case. Diacritics
 * are kept: "Hoa" and "Hòa" are different people.
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
