/** A LIKE/ILIKE pattern matching `text` anywhere, with the wildcard characters in it escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}
