import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a tool with an argument array, never through a shell: a name with spaces, quotes or `;` is one argument.
 * Resolves with the exit code and output (a non-zero exit is a result, not an exception); rejects only when the
 * tool cannot be started.
 */
export function runTool(
  file: string,
  args: readonly string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv; signal?: AbortSignal; windowsVerbatimArguments?: boolean } = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: options.timeoutMs ?? 60000, env: options.env ?? process.env, signal: options.signal, maxBuffer: 8 * 1024 * 1024, windowsHide: true, windowsVerbatimArguments: options.windowsVerbatimArguments },
      (error, stdout, stderr) => {
        const failure = error as (NodeJS.ErrnoException & { code?: string | number }) | null;
        if (failure && typeof failure.code === 'string') return reject(failure);
        resolve({ code: failure ? (typeof failure.code === 'number' ? failure.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** The executable a setting names: a path as given, or a command name looked up on PATH. Undefined when not found. */
export function resolveExecutable(nameOrPath: string, envPath = process.env.PATH ?? ''): string | undefined {
  const executable = (file: string) => {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  };
  if (nameOrPath.includes('/') || nameOrPath.includes('\\')) return executable(nameOrPath) ? nameOrPath : undefined;
  const extensions = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of envPath.split(path.delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = path.join(dir, nameOrPath + extension);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}
