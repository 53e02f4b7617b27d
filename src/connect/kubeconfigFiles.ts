import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubeconfigConflicts, mergeKubeconfigs, type ConflictChoice, type Kubeconfig } from './kubeconfigMerge';
import { runTool } from './processes';

/** Writes a file only its owner can read (kubeconfigs hold credentials), in a folder only its owner can enter. */
export async function writePrivateFile(file: string, content: string): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.promises.writeFile(file, content, { mode: 0o600 });
  // writeFile keeps the mode of an existing file, and umask applies to new ones: set it explicitly.
  await fs.promises.chmod(file, 0o600);
}

/** The kubeconfig kubectl uses by default: the first KUBECONFIG entry, else ~/.kube/config. */
export function defaultKubeconfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const first = env.KUBECONFIG?.split(path.delimiter).find(Boolean);
  return first ?? path.join(os.homedir(), '.kube', 'config');
}

/** A kubeconfig as JSON, read by kubectl itself (no YAML parser here). Undefined when the file does not exist. */
export async function readKubeconfig(kubectl: string, file: string): Promise<Kubeconfig | undefined> {
  if (!fs.existsSync(file)) return undefined;
  const result = await runTool(kubectl, ['config', 'view', '--raw', '--output', 'json', '--kubeconfig', file]);
  if (result.code !== 0) throw new Error(`kubectl could not read ${file}: ${result.stderr.trim()}`);
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
  if (!incoming) throw new Error(`${incomingFile} does not exist.`);
  return { target, existing, incoming, conflicts: existing ? kubeconfigConflicts(existing, incoming) : [] };
}

/**
 * Merges into the target: a backup of it first (0600, beside it), then the merged file written as YAML by kubectl
 * and renamed into place, so that the target is never half-written. Returns the backup's path.
 */
export async function applyMerge(kubectl: string, plan: MergePlan, choice: ConflictChoice): Promise<string | undefined> {
  const merged = plan.existing ? mergeKubeconfigs(plan.existing, plan.incoming, choice) : plan.incoming;
  const folder = path.dirname(plan.target);
  await fs.promises.mkdir(folder, { recursive: true, mode: 0o700 });
  let backup: string | undefined;
  if (plan.existing) {
    backup = `${plan.target}.backup-${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}`;
    await fs.promises.copyFile(plan.target, backup, fs.constants.COPYFILE_EXCL);
    await fs.promises.chmod(backup, 0o600);
  }
  const json = path.join(folder, `.azure-local-merge-${process.pid}.json`);
  const yaml = `${plan.target}.azure-local-${process.pid}.tmp`;
  try {
    await writePrivateFile(json, JSON.stringify(merged));
    const result = await runTool(kubectl, ['config', 'view', '--raw', '--flatten', '--kubeconfig', json]);
    if (result.code !== 0) throw new Error(`kubectl could not write the merged kubeconfig: ${result.stderr.trim()}`);
    await writePrivateFile(yaml, result.stdout);
    await fs.promises.rename(yaml, plan.target);
  } finally {
    await fs.promises.rm(json, { force: true });
    await fs.promises.rm(yaml, { force: true });
  }
  return backup;
}
