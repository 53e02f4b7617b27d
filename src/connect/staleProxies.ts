import * as fs from 'node:fs';
import { platformFor, processAlive } from './platform';
import { runTool } from './processes';

/**
 * A proxy's process tree as recorded when it started: the pid of its root (`az`, a POSIX group leader), the root's
 * start time (so a reused pid is never mistaken for it), and the extension host that started it.
 */
export interface ProxyGroup {
  pgid: number;
  owner: number;
  /** The root's start time as the OS reports it; absent in records made before it was kept (never acted on then). */
  started?: string;
}

/** What one process looks like to the cleanup: its group (POSIX) or parent (Windows), start time and command line. */
export interface ProcessInfo {
  pid: number;
  pgid?: number;
  ppid?: number;
  started: string;
  args: string;
}

/**
 * Ends proxies a previous window left running (its extension host died before deactivate). A recorded tree is
 * touched only if the extension host that started it is gone (another window's proxies are that window's), and only
 * its own processes are: the root if it is still the very process recorded (same pid *and* start time, and an
 * `az … connectedk8s proxy`), and any arcProxy it left behind after az died — in its process group on POSIX, its
 * child on Windows — started no earlier than the root. Another `connectedk8s proxy` that reused the pid (one started
 * by hand in a terminal) is left alone, and so is a record without a start time: nothing is guessed.
 */
export async function endStaleProxies(
  groups: readonly ProxyGroup[],
  isAlive: (pid: number) => boolean = processAlive,
  processes: () => Promise<ProcessInfo[]> = () => listProcesses(),
  platform: NodeJS.Platform = process.platform,
): Promise<ProxyGroup[]> {
  const stale = groups.filter((group) => !isAlive(group.owner) && group.started);
  if (!stale.length) return [];
  const table = await processes();
  const windows = platform === 'win32';
  const ended: ProxyGroup[] = [];
  for (const group of stale) {
    const root = table.find((p) => p.pid === group.pgid);
    const isRoot = !!root && root.started === group.started && /connectedk8s\s+proxy/.test(root.args);
    // az died and left its arcProxy holding the ports: in the group (POSIX), or a child of the dead root (Windows).
    const orphans = root ? [] : table.filter((p) => (windows ? p.ppid === group.pgid : p.pgid === group.pgid) && /(^|[\\/])arcProxy_/i.test(p.args) && notBefore(p.started, group.started!));
    const ours = isRoot ? (windows ? [root] : table.filter((p) => p.pgid === group.pgid)) : orphans;
    if (!ours.length) continue;
    for (const p of ours) end(p.pid, windows);
    ended.push(group);
  }
  return ended;
}

/** POSIX: a signal to each of our processes. Windows: taskkill /T, which takes the tree below each. */
function end(pid: number, windows: boolean): void {
  if (windows) return platformFor('win32').endTreeNow(pid);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // Gone meanwhile.
  }
}

/** Linux start ticks compare as padded digits; `ps` start times as dates. */
function notBefore(started: string, root: string): boolean {
  return /^\d+$/.test(started) && /^\d+$/.test(root) ? started >= root : Date.parse(started) >= Date.parse(root);
}

/** Groups whose owner is gone: nothing will end them but endStaleProxies, and the record can forget them after. */
export function orphaned(groups: readonly ProxyGroup[], isAlive: (pid: number) => boolean = processAlive): ProxyGroup[] {
  return groups.filter((group) => !isAlive(group.owner));
}

/**
 * A process's start time, comparable as a string: Linux's /proc start ticks (zero-padded), elsewhere `ps`'s
 * elapsed-independent `lstart`. Undefined when it cannot be read (Windows, or the process is gone).
 */
export async function processStartTime(pid: number): Promise<string | undefined> {
  if (process.platform === 'win32') return (await windowsProcesses(`ProcessId=${pid}`))[0]?.started;
  const fromProc = procStat(pid)?.started;
  if (fromProc) return fromProc;
  const result = await runTool('ps', ['-o', 'lstart=', '-p', String(pid)]).catch(() => undefined);
  return result?.code === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

/** Every process with its group and start time: /proc on Linux, `ps` elsewhere, CIM through PowerShell on Windows. */
export async function listProcesses(): Promise<ProcessInfo[]> {
  if (process.platform === 'win32') return windowsProcesses();
  if (fs.existsSync('/proc/self/stat')) {
    return fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map((d) => procStat(Number(d)))
      .filter((p): p is ProcessInfo => !!p);
  }
  const result = await runTool('ps', ['-A', '-o', 'pid=,pgid=,lstart=,args=']).catch(() => undefined);
  return (result?.stdout ?? '')
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]+\s+\d{4})\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), pgid: Number(m[2]), started: m[3], args: m[4] }));
}

/**
 * Windows' process table with creation times, through PowerShell's CIM (wmic is off by default on Windows 11 24H2).
 * Empty where PowerShell is absent (Wine): then nothing is ended, since nothing can be identified.
 */
async function windowsProcesses(filter?: string): Promise<ProcessInfo[]> {
  const script = `Get-CimInstance Win32_Process${filter ? ` -Filter "${filter}"` : ''} | ForEach-Object { '{0}|{1}|{2}|{3}' -f $_.ProcessId, $_.ParentProcessId, $_.CreationDate.ToUniversalTime().ToString('o'), $_.CommandLine }`;
  const result = await runTool('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', script], { timeoutMs: 20000 }).catch(() => undefined);
  if (!result || result.code !== 0) return [];
  return parseWindowsProcesses(result.stdout);
}

/** "pid|ppid|ISO creation time|command line" lines. */
export function parseWindowsProcesses(text: string): ProcessInfo[] {
  return text
    .split(/\r?\n/)
    .map((line) => /^(\d+)\|(\d+)\|([^|]+)\|(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), started: m[3], args: m[4] }));
}

/** /proc/<pid>/stat: the group (field 5) and start ticks (field 22), after the parenthesised command. */
function procStat(pid: number): ProcessInfo | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return undefined;
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0+$/, '').replace(/\0/g, ' ');
    return { pid, pgid: Number(fields[2]), started: fields[19].padStart(20, '0'), args };
  } catch {
    return undefined;
  }
}
