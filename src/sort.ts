/**
 * Byte-order comparison for sorting names. Not localeCompare: its order depends on the locale
 * (output must be the same bytes everywhere) and its first call loads ICU collation (~5 ms).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares objects by their `name`, in byte order. */
export function byName(a: { name: string }, b: { name: string }): number {
  return compareText(a.name, b.name);
}
