/**
 * Quotes a value for a POSIX shell command that the user copies from a message. Never used to run anything: the
 * extension spawns processes with argument arrays.
 */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
