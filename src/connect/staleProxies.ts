import { runTool } from './processes';

/** A proxy's process group and the extension host that started it (windows share the record). */
export interface ProxyGroup {
  pgid: number;
  owner: number;
}

/**
 * Ends proxies a previous window left running (its extension host died before deactivate): a recorded group is
 * signalled only if the extension host that started it is gone (another window's proxies are that window's) and its
 * leader is still an `az … connectedk8s proxy` (a reused pid is never touched). Returns the groups that were ended.
 */
export async function endStaleProxies(groups: readonly ProxyGroup[], isAlive: (pid: number) => boolean = processAlive): Promise<ProxyGroup[]> {
  if (process.platform === 'win32') return [];
  const ended: ProxyGroup[] = [];
  for (const group of groups) {
    if (isAlive(group.owner)) continue;
    const leader = await runTool('ps', ['-o', 'args=', '-p', String(group.pgid)]).catch(() => undefined);
    if (!leader || leader.code !== 0 || !/connectedk8s\s+proxy/.test(leader.stdout)) continue;
    try {
      process.kill(-group.pgid, 'SIGTERM');
      ended.push(group);
    } catch {
      // Gone meanwhile.
    }
  }
  return ended;
}

/** Groups whose owner is gone: nothing will end them but endStaleProxies, and the record can forget them after. */
export function orphaned(groups: readonly ProxyGroup[], isAlive: (pid: number) => boolean = processAlive): ProxyGroup[] {
  return groups.filter((group) => !isAlive(group.owner));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
