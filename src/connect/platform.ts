import * as l10n from '@vscode/l10n';
import type { SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { runTool } from './processes';

/**
 * What differs between POSIX and Windows when a proxy runs: how `az` is started, how its process tree is ended (and
 * proven ended), and how a kubeconfig is made private. Everything else about a proxy is the same code.
 */
export interface ProxyPlatform {
  readonly name: 'posix' | 'windows';
  /** How to start `az <args>`: never a shell string built from user data. */
  azInvocation(azPath: string, args: readonly string[]): Invocation;
  /** Ends the tree rooted at `pid` (az and the arcProxy child it leaves behind), then checks it is gone. */
  endTree(pid: number, ports: readonly number[]): Promise<void>;
  /** For deactivate(): start ending the tree now, without waiting. */
  endTreeNow(pid: number): void;
  /** True while any process of the tree may still run. */
  treeAlive(pid: number): boolean;
  /** Makes a file readable and writable by its owner only. */
  protectFile(file: string): Promise<void>;
}

export interface Invocation {
  file: string;
  args: string[];
  options: Pick<SpawnOptions, 'detached' | 'windowsHide' | 'windowsVerbatimArguments'>;
}

/** POSIX: az leads its own process group, and the group is signalled: arcProxy is in it. */
export const posixPlatform: ProxyPlatform = {
  name: 'posix',
  azInvocation: (azPath, args) => ({ file: azPath, args: [...args], options: { detached: true } }),
  async endTree(pid, ports) {
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 3000;
    while (groupAlive(pid) && Date.now() < deadline) await delay(100);
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
    await provenGone(() => groupAlive(pid), ports, () => l10n.t('process group {0} still runs', pid));
  },
  endTreeNow(pid) {
    signalGroup(pid, 'SIGTERM');
    setTimeout(() => groupAlive(pid) && signalGroup(pid, 'SIGKILL'), 1000).unref();
  },
  treeAlive: (pid) => groupAlive(pid),
  protectFile: (file) => fs.promises.chmod(file, 0o600),
};

/**
 * Windows: `az` is `az.cmd`, which Node will not spawn without a shell (CVE-2024-27980). The CLI's own python.exe
 * (`…\CLI2\python.exe`, beside `wbin\az.cmd`) is started with `-IBm azure.cli` and an argument array instead; only
 * where that layout is absent is cmd.exe used, with every argument quoted for it. The tree is python.exe → arcProxy:
 * `taskkill /T /F` ends it, then the root pid and the proxy's ports are checked. On the cmd.exe path a value holding
 * `%` is refused: cmd.exe expands it on its command line whatever the quoting.
 */
export function windowsPlatform(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = fs.existsSync): ProxyPlatform {
  const systemRoot = env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows';
  return {
    name: 'windows',
    azInvocation(azPath, args) {
      const hide = { windowsHide: true } as const;
      if (!/\.(cmd|bat)$/i.test(azPath)) return { file: azPath, args: [...args], options: hide };
      const python = path.win32.resolve(path.win32.dirname(azPath), '..', 'python.exe');
      if (exists(python)) return { file: python, args: ['-IBm', 'azure.cli', ...args], options: hide };
      // cmd.exe expands %…% on its command line whatever the quoting (and cmd.exe versions disagree on how): a value
      // with % is refused rather than risked. ARM names never hold one; a path might.
      const withPercent = [azPath, ...args].find((a) => a.includes('%'));
      if (withPercent !== undefined) {
        throw new Error(
          l10n.t({
            message: '"{0}" holds a %, which cannot pass through cmd.exe intact. Point {1} at the Azure CLI\'s own az.cmd ({2}, beside its python.exe), or use a path without %.',
            args: [withPercent, 'azureLocal.azPath', '…\\CLI2\\wbin\\az.cmd'],
            comment: '{0} is a path or argument, {1} a setting, {2} where the Azure CLI installs az.cmd',
          }),
        );
      }
      return {
        file: env.ComSpec ?? env.COMSPEC ?? path.win32.join(systemRoot, 'System32', 'cmd.exe'),
        args: ['/d', '/s', '/c', `"${[quoteCmdCommand(azPath), ...args.map((a) => quoteCmdArgument(a, true))].join(' ')}"`],
        options: { ...hide, windowsVerbatimArguments: true },
      };
    },
    async endTree(pid, ports) {
      await runTool(path.win32.join(systemRoot, 'System32', 'taskkill.exe'), taskkillArgs(pid), { timeoutMs: 15000 }).catch(() => undefined);
      await provenGone(() => processAlive(pid), ports, () => l10n.t('process {0} still runs', pid));
    },
    endTreeNow(pid) {
      void runTool(path.win32.join(systemRoot, 'System32', 'taskkill.exe'), taskkillArgs(pid), { timeoutMs: 15000 }).catch(() => undefined);
    },
    treeAlive: (pid) => processAlive(pid),
    async protectFile(file) {
      const sid = await currentUserSid();
      if (!sid) return;
      await runTool(path.win32.join(systemRoot, 'System32', 'icacls.exe'), icaclsArgs(file, sid), { timeoutMs: 15000 });
    },
  };
}

export function platformFor(platform: NodeJS.Platform = process.platform): ProxyPlatform {
  return platform === 'win32' ? windowsPlatform() : posixPlatform;
}

export const taskkillArgs = (pid: number) => ['/PID', String(pid), '/T', '/F'];

/** Removes inherited access and grants the user alone read and write: what mode 0600 means on NTFS. */
export const icaclsArgs = (file: string, sid: string) => [file, '/inheritance:r', '/grant:r', `*${sid}:(R,W)`];

/** The signed-in user's SID from `whoami /user /fo csv /nh` ("DOMAIN\\user","S-1-5-21-…"); undefined when unknown. */
async function currentUserSid(): Promise<string | undefined> {
  const result = await runTool('whoami', ['/user', '/fo', 'csv', '/nh'], { timeoutMs: 10000 }).catch(() => undefined);
  return result && result.code === 0 ? /"(S-1-[0-9-]+)"/.exec(result.stdout)?.[1] : undefined;
}

/**
 * One argument for a program started through `cmd.exe /d /s /c "…"`: quoted as the C runtime parses a command line
 * (backslashes before a quote doubled, the quote escaped), then every cmd.exe metacharacter escaped with `^` — twice
 * when the program is a batch file, whose `%*` passes the line through cmd.exe's parser once more.
 */
export function quoteCmdArgument(value: string, batch: boolean): string {
  const quoted = `"${value.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
  const once = quoted.replace(CMD_META, '^$1');
  return batch ? once.replace(CMD_META, '^$1') : once;
}

/**
 * The program's own path on that line, in plain quotes (a Windows path holds no `"`; cmd.exe, not a C runtime, reads
 * it, and a path with spaces is one word only in quotes).
 */
export function quoteCmdCommand(file: string): string {
  return `"${file}"`;
}

const CMD_META = /([()\][%!^"`<>&|;, *?])/g;

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** True while any process of the group still exists. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Waits (bounded) until nothing of the tree answers and no one listens on its ports; says what is left if not. */
async function provenGone(alive: () => boolean, ports: readonly number[], stillRuns: () => string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const held = [];
    for (const port of ports) if (await listening(port)) held.push(port);
    const running = alive();
    if (!running && !held.length) return;
    if (Date.now() > deadline) {
      const left = [running ? stillRuns() : undefined, held.length ? portsInUse(held) : undefined].filter(Boolean).join('; ');
      throw new Error(l10n.t({ message: 'The proxy did not end: {0}.', args: [left], comment: '{0} says what is left ("process 123 still runs; port 47011 still in use (…)")' }));
    }
    await delay(100);
  }
}

function portsInUse(held: readonly number[]): string {
  const [first, ...more] = held;
  return more.length
    ? l10n.t('port {0} and {1} still in use (an arcProxy process may be left; end it in Task Manager or with kill)', first, more.join(', '))
    : l10n.t('port {0} still in use (an arcProxy process may be left; end it in Task Manager or with kill)', first);
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
