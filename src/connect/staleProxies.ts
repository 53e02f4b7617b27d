import { runTool } from './processes';

/**
 * Ends proxies a previous window left running (its extension host crashed before deactivate): each recorded process
 * group is signalled only if its leader is still an `az … connectedk8s proxy`, so a reused pid is never touched.
 * Returns the groups that were ended.
 */
export async function endStaleProxies(pgids: readonly number[]): Promise<number[]> {
  if (process.platform === 'win32') return [];
  const ended: number[] = [];
  for (const pgid of pgids) {
    const leader = await runTool('ps', ['-o', 'args=', '-p', String(pgid)]).catch(() => undefined);
    if (!leader || leader.code !== 0 || !/connectedk8s\s+proxy/.test(leader.stdout)) continue;
    try {
      process.kill(-pgid, 'SIGTERM');
      ended.push(pgid);
    } catch {
      // Gone meanwhile.
    }
  }
  return ended;
}
