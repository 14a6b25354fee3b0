/**
 * Folds Vietnamese text for search: no diacritics, đ → d, lower case, single
 * spaces — so "kong chro", "Kông Chro" and "KONG  CHRÔ" all match.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of `query` starts a word of `name`, or appears in it, diacritics aside. */
export function matchesName(name: string, query: string): boolean {
  const folded = foldText(name);
  return foldText(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => folded.includes(word));
}
