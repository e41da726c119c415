/** Escapes LIKE wildcards so that a search for "50%" finds "50%" and not everything. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
