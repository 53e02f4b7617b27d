/** Small text helpers shared by the tree and the wizard. Pure. */

/** "1 logical network", "2 logical networks". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Kubernetes versions written one way everywhere: "v1.29.4" (the services send "1.29.4" and "v1.29.4" alike). */
export function formatKubernetesVersion(version: string | undefined): string | undefined {
  if (typeof version !== 'string' || !version.trim()) return undefined;
  return `v${version.trim().replace(/^v/i, '')}`;
}
