import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { processAlive } from './platform';

/**
 * `az connectedk8s proxy` rewrites `~/.clientproxy/config.yml` on every start, so two proxies started at the same
 * moment — by two Connects, or two VS Code windows — race on it. Starts are serialised by a lock that works across
 * processes: a folder created atomically (`mkdir` fails when it exists, on every platform), holding its owner's pid.
 * A lock whose owner is gone, or that is older than `staleMs`, is taken over.
 */
export interface StartLockOptions {
  dir?: string;
  /** How long to wait for another start to finish. */
  waitMs?: number;
  /** A start never takes this long: past it the lock is stale. */
  staleMs?: number;
}

/**
 * On Windows a file another process has open (a waiter reading `owner`) is only marked for deletion, so removing the
 * folder can fail with ENOTEMPTY or EPERM for a moment: Node's rm retries exactly those.
 */
const REMOVE = { recursive: true, force: true, maxRetries: 10, retryDelay: 20 } as const;

export const START_LOCK_DIR = path.join(os.homedir(), '.clientproxy', 'azure-local-start.lock');

export async function acquireStartLock(options: StartLockOptions = {}): Promise<() => void> {
  const dir = options.dir ?? START_LOCK_DIR;
  const deadline = Date.now() + (options.waitMs ?? 60_000);
  await fs.promises.mkdir(path.dirname(dir), { recursive: true });
  for (;;) {
    try {
      await fs.promises.mkdir(dir);
      await fs.promises.writeFile(path.join(dir, 'owner'), `${process.pid} ${Date.now()}`);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          fs.rmSync(dir, REMOVE);
        } catch {
          // Left behind, it is taken over once stale; a release must never fail the start it ends.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await stale(dir, options.staleMs ?? 120_000)) {
      await fs.promises.rm(dir, REMOVE).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new Error(l10n.t({ message: 'Another proxy has been starting for over a minute (lock {0}); try again, or remove the folder if no proxy is starting.', args: [dir], comment: '{0} is the lock folder' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function stale(dir: string, staleMs: number): Promise<boolean> {
  let owner: string;
  try {
    owner = await fs.promises.readFile(path.join(dir, 'owner'), 'utf8');
  } catch {
    // Being created or removed this instant; a lock without an owner file for long is stale.
    const stat = await fs.promises.stat(dir).catch(() => undefined);
    return !!stat && Date.now() - stat.mtimeMs > 5_000;
  }
  const [pid, since] = owner.split(' ').map(Number);
  return !processAlive(pid) || Date.now() - since > staleMs;
}
