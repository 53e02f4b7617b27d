import * as fs from 'node:fs';
import { processAlive } from './platform';
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

/** What one process looks like to the cleanup: its group, start time and command line. */
export interface ProcessInfo {
  pid: number;
  pgid: number;
  started: string;
  args: string;
}

/**
 * Ends proxies a previous window left running (its extension host died before deactivate). A recorded tree is
 * touched only if the extension host that started it is gone (another window's proxies are that window's), and only
 * its own processes are: the root if it is still the very process recorded (same pid *and* start time, and an
 * `az … connectedk8s proxy`), and any arcProxy left in its group after az died (started no earlier than the root).
 * Another `connectedk8s proxy` that reused the pid — one started by hand in a terminal — is left alone. POSIX only:
 * on Windows a process's start time is not to be had without WMI or PowerShell, and nothing is guessed.
 */
export async function endStaleProxies(
  groups: readonly ProxyGroup[],
  isAlive: (pid: number) => boolean = processAlive,
  processes: () => Promise<ProcessInfo[]> = listProcesses,
): Promise<ProxyGroup[]> {
  if (process.platform === 'win32') return [];
  const stale = groups.filter((group) => !isAlive(group.owner) && group.started);
  if (!stale.length) return [];
  const table = await processes();
  const ended: ProxyGroup[] = [];
  for (const group of stale) {
    const members = table.filter((p) => p.pgid === group.pgid);
    const root = members.find((p) => p.pid === group.pgid);
    const ours = root
      ? root.started === group.started && /connectedk8s\s+proxy/.test(root.args)
        ? members
        : []
      : // az died and left its arcProxy child holding the ports.
        members.filter((p) => /(^|\/)arcProxy_/.test(p.args) && notBefore(p.started, group.started!));
    if (!ours.length) continue;
    for (const p of ours) {
      try {
        process.kill(p.pid, 'SIGTERM');
      } catch {
        // Gone meanwhile.
      }
    }
    ended.push(group);
  }
  return ended;
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
  if (process.platform === 'win32') return undefined;
  const fromProc = procStat(pid)?.started;
  if (fromProc) return fromProc;
  const result = await runTool('ps', ['-o', 'lstart=', '-p', String(pid)]).catch(() => undefined);
  return result?.code === 0 && result.stdout.trim() ? result.stdout.trim() : undefined;
}

/** Every process with its group and start time: /proc on Linux, `ps` elsewhere. */
export async function listProcesses(): Promise<ProcessInfo[]> {
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
