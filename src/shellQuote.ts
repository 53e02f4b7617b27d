/**
 * Quoting for commands the user copies from a message (never used to run anything: the extension spawns processes
 * with argument arrays). Every argument is quoted for the shell the user has: POSIX shells, or PowerShell on Windows.
 */
export type ShellKind = 'posix' | 'powershell';

/** The shell a copied command is written for on this platform. */
export function userShell(platform: NodeJS.Platform = process.platform): ShellKind {
  return platform === 'win32' ? 'powershell' : 'posix';
}

/** POSIX sh/bash/zsh: bare when only safe characters, else single quotes with `'` written as `'\''`. */
export function quotePosix(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * PowerShell: bare when only characters that are never operators there, else a verbatim single-quoted string with
 * `'` (and its typographic twins, which PowerShell treats alike) doubled.
 */
export function quotePowerShell(value: string): string {
  return /^[\w./:=+-]+$/.test(value) ? value : `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

/** A whole command line: every argument quoted for `shell`. */
export function commandLine(args: readonly string[], shell: ShellKind): string {
  return args.map(shell === 'powershell' ? quotePowerShell : quotePosix).join(' ');
}
