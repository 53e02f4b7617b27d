import * as l10n from '@vscode/l10n';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubeconfigConflicts, mergeKubeconfigs, type ConflictChoice, type Kubeconfig } from './kubeconfigMerge';
import { platformFor } from './platform';
import { runTool } from './processes';

/**
 * Writes a file only its owner can read (kubeconfigs hold credentials): a new file opened 0600 beside the target, then
 * renamed over it, so the content is never readable by others, not even for a moment, and never half-written.
 */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await fs.promises.writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
    await fs.promises.chmod(temporary, 0o600);
    await fs.promises.rename(temporary, file);
    // Mode 0600 means nothing on NTFS: there the file's ACL is narrowed to the user instead.
    if (process.platform === 'win32') await platformFor('win32').protectFile(file).catch(() => undefined);
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
}

/**
 * The per-cluster kubeconfig folder is private (0700): created so, and tightened when it exists with access for
 * others (a 0777 folder would let anyone swap the files the proxy writes). Returns what was changed, to be said.
 * Windows has no POSIX modes; there the files live under the user's profile (see the README).
 */
export async function preparePrivateFolder(folder: string, platform: NodeJS.Platform = process.platform): Promise<string | undefined> {
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  if (platform === 'win32') return undefined;
  const stat = await fs.promises.lstat(folder);
  if (stat.isSymbolicLink()) throw new Error(l10n.t('The kubeconfig folder {0} is a symbolic link; set {1} to a plain folder.', folder, 'azureLocal.kubeconfigFolder'));
  if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) {
    throw new Error(l10n.t('The kubeconfig folder {0} belongs to another user; set {1} to a folder of yours.', folder, 'azureLocal.kubeconfigFolder'));
  }
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) === 0) return undefined;
  await fs.promises.chmod(folder, 0o700);
  return l10n.t({
    message: 'The kubeconfig folder {0} was open to others (mode {1}); it is now 0700, like the kubeconfigs in it.',
    args: [folder, mode.toString(8).padStart(4, '0')],
    comment: '{1} is the folder\'s old file mode in octal (0755)',
  });
}

/** How many backups of a merged kubeconfig are kept (they hold credentials too). */
export const KUBECONFIG_BACKUPS_KEPT = 3;

/** The kubeconfig kubectl uses by default: the first KUBECONFIG entry, else ~/.kube/config. */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = env.KUBECONFIG?.split(path.delimiter).find(Boolean);
  return first ?? path.join(os.homedir(), '.kube', 'config');
}

/** A kubeconfig as JSON, read by kubectl itself (no YAML parser here). Undefined when the file does not exist. */
export async function readKubeconfig(kubectl: string, file: string): Promise<Kubeconfig | undefined> {
  if (!fs.existsSync(file)) return undefined;
  const result = await runTool(kubectl, ['config', 'view', '--raw', '--output', 'json', '--kubeconfig', file]);
  if (result.code !== 0) throw new Error(l10n.t({ message: 'kubectl could not read {0}: {1}', args: [file, result.stderr.trim()], comment: '{1} is what kubectl said' }));
  return JSON.parse(result.stdout) as Kubeconfig;
}

export interface MergePlan {
  target: string;
  existing?: Kubeconfig;
  incoming: Kubeconfig;
  conflicts: string[];
}

export async function planMerge(kubectl: string, incomingFile: string, target = defaultKubeconfigPath()): Promise<MergePlan> {
  const [existing, incoming] = await Promise.all([readKubeconfig(kubectl, target), readKubeconfig(kubectl, incomingFile)]);
  if (!incoming) throw new Error(l10n.t('{0} does not exist.', incomingFile));
  return { target, existing, incoming, conflicts: existing ? kubeconfigConflicts(existing, incoming) : [] };
}

/**
 * Merges into the target: a backup of it first (0600, beside it), then the merged file written as YAML by kubectl
 * and renamed into place, so that the target is never half-written. Returns the backup's path.
 */
export async function applyMerge(kubectl: string, plan: MergePlan, choice: ConflictChoice): Promise<string | undefined> {
  const merged = plan.existing ? mergeKubeconfigs(plan.existing, plan.incoming, choice) : plan.incoming;
  // A symlinked ~/.kube/config (dotfiles) is written through its link, so the link stays a link.
  const target = await writableTarget(plan.target);
  const folder = path.dirname(target);
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  let backup: string | undefined;
  if (plan.existing) {
    backup = `${target}.backup-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.(\d+)Z$/, '$1')}`;
    await writePrivateFile(backup, await fs.promises.readFile(target, 'utf8'));
    await pruneBackups(target);
  }
  // Beside the target, so that relative certificate paths resolve as before; not flattened, so that files a
  // kubeconfig points to (minikube, kind) stay referenced rather than copied in.
  const json = path.join(folder, `.azure-local-merge-${process.pid}.json`);
  try {
    await writePrivateFile(json, JSON.stringify(merged));
    const result = await runTool(kubectl, ['config', 'view', '--raw', '--kubeconfig', json]);
    if (result.code !== 0) throw new Error(l10n.t({ message: 'kubectl could not write the merged kubeconfig: {0}', args: [result.stderr.trim()], comment: '{0} is what kubectl said' }));
    await writePrivateFile(target, result.stdout);
  } finally {
    await fs.promises.rm(json, { force: true });
  }
  return backup;
}

/** The file to replace: the target, or the file its symbolic link points to; a dangling link is refused. */
async function writableTarget(target: string): Promise<string> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.lstat(target);
  } catch {
    return target;
  }
  if (!stat.isSymbolicLink()) return target;
  try {
    return await fs.promises.realpath(target);
  } catch {
    throw new Error(l10n.t('{0} is a symbolic link to a file that does not exist; nothing was merged. Fix the link or merge by hand.', target));
  }
}

/** Keeps the newest KUBECONFIG_BACKUPS_KEPT backups of `target` (their names sort by time). */
export async function pruneBackups(target: string): Promise<string[]> {
  const folder = path.dirname(target);
  const prefix = `${path.basename(target)}.backup-`;
  const backups = (await fs.promises.readdir(folder)).filter((name) => name.startsWith(prefix)).sort();
  const removed = backups.slice(0, Math.max(0, backups.length - KUBECONFIG_BACKUPS_KEPT));
  for (const name of removed) await fs.promises.rm(path.join(folder, name), { force: true });
  return removed.map((name) => path.join(folder, name));
}
