/** Wraps a pure function of a text in a bounded memo. Re-analysing a document after an edit meets mostly the texts
 * it met last time, so remembering their results saves most of the work; the memo is cleared when full, so its
 * memory never grows with the number of files or edits seen. */
export function memoizeByText<T>(compute: (text: string) => T, limit: number): (text: string) => T {
  const results = new Map<string, T>();
  return (text) => {
    if (results.has(text)) return results.get(text) as T;
    const result = compute(text);
    if (results.size >= limit) results.clear();
    results.set(text, result);
    return result;
  };
}
