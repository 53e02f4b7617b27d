import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { kubeconfigConflicts, mergeKubeconfigs, type ConflictChoice, type Kubeconfig } from './kubeconfigMerge';
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
  } finally {
    await fs.promises.rm(temporary, { force: true });
  }
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
    await writePrivateFile(backup, await fs.promises.readFile(plan.target, 'utf8'));
  }
  // Beside the target, so that relative certificate paths resolve as before; not flattened, so that files a
  // kubeconfig points to (minikube, kind) stay referenced rather than copied in.
  const json = path.join(folder, `.azure-local-merge-${process.pid}.json`);
  try {
    await writePrivateFile(json, JSON.stringify(merged));
    const result = await runTool(kubectl, ['config', 'view', '--raw', '--kubeconfig', json]);
    if (result.code !== 0) throw new Error(`kubectl could not write the merged kubeconfig: ${result.stderr.trim()}`);
    await writePrivateFile(plan.target, result.stdout);
  } finally {
    await fs.promises.rm(json, { force: true });
  }
  return backup;
}
