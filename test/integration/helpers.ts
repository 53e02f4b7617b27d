// Shared by the extension-host suites: the extension's API, the emulator's control API, and tree navigation.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AzureLocalApi } from '../../src/extension';
import type { TreeNode } from '../../src/tree/treeNode';
import { DEV_TOKEN } from '../../src/auth/loopback';
import { ScriptedPrompter } from './scriptedPrompter';

export function emulatorUrl(): string {
  const url = process.env.ARM_EMULATOR_URL;
  assert.ok(url, 'ARM_EMULATOR_URL is not set');
  return url;
}

export async function control<T = unknown>(path: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/_emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `emulator control ${method} ${path}: ${response.status}`);
  return (await response.json()) as T;
}

export interface RecordedRequest {
  method: string;
  url: string;
  status: number;
  polling: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the recorded request's JSON body, read as deep paths
  body?: any;
}

/** The ARM requests the emulator has seen since the last reset or clear, polling excluded unless asked. */
export async function armRequests(options: { polling?: boolean } = {}): Promise<RecordedRequest[]> {
  const { requests } = await control<{ requests: RecordedRequest[] }>('requests', 'GET');
  return requests.filter((r) => options.polling || !r.polling);
}

export async function extensionApi(): Promise<AzureLocalApi> {
  const extension = vscode.extensions.getExtension<AzureLocalApi>('azure-local-tools.azure-local-tools');
  assert.ok(extension);
  const api = await extension.activate();
  ScriptedPrompter.cancellation = () => api.cancellation();
  return api;
}

export const label = (node: TreeNode) => {
  const item = node.getTreeItem();
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
};
export const description = (node: TreeNode) => String(node.getTreeItem().description ?? '');

/** Children once loaded: lazy nodes first show "Loading…". */
export async function children(node: TreeNode): Promise<TreeNode[]> {
  const lazy = node as TreeNode & { loaded?: () => Promise<TreeNode[]> };
  return lazy.loaded ? lazy.loaded() : (await node.getChildren?.()) ?? [];
}

export async function child(node: TreeNode | TreeNode[], name: string): Promise<TreeNode> {
  const list = Array.isArray(node) ? node : await children(node);
  const found = list.find((n) => label(n) === name);
  assert.ok(found, `no "${name}" among: ${list.map(label).join(', ')}`);
  return found;
}

/** The root's subscriptions once there are `count` (activation and setting changes refresh asynchronously). */
export async function roots(api: AzureLocalApi, count = 2): Promise<TreeNode[]> {
  let nodes: TreeNode[] = [];
  for (let i = 0; i < 100; i++) {
    nodes = await api.tree.loadedRoot();
    if (nodes.length === count) return nodes;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the tree showed ${nodes.map(label).join(', ') || 'nothing'} instead of ${count} subscriptions`);
}

/** The demo world's production cluster, as the tree shows it. */
export async function prodCluster(api: AzureLocalApi): Promise<TreeNode> {
  return child(await child(await child(await child(await roots(api), 'Contoso Edge Production'), 'seattle-hci'), 'AKS Arc clusters'), 'aks-seattle-prod01');
}

/**
 * Each test starts from the demo world with no recorded requests (and, with `refreshTree`, a tree that reads it
 * anew); after each, no fault and no test override is left behind.
 */
export function freshWorldEachTest(api: () => AzureLocalApi, options: { refreshTree?: boolean } = {}): void {
  setup(async () => {
    await resetWorld(options.refreshTree ? api() : undefined);
    await control('requests', 'DELETE');
  });
  teardown(async () => {
    await control('faults', 'DELETE');
    // What a fault made the tree show must not outlive the test (the next suite reads the same tree).
    if (options.refreshTree) api().tree.refreshAll();
    api().setTestOverrides(undefined);
  });
}

/** From now on (20 reads), GET of the cluster's instance answers with the instance as it is, but in `state`. */
export async function instanceReadsAs(instanceId: string, state: string): Promise<void> {
  const response = await fetch(`${emulatorUrl()}${instanceId}?api-version=2024-01-01`, { headers: { authorization: `Bearer ${DEV_TOKEN}` } });
  assert.strictEqual(response.status, 200, `GET ${instanceId}`);
  const instance = (await response.json()) as { properties: Record<string, unknown> };
  instance.properties.provisioningState = state;
  await control('faults', 'POST', { method: 'GET', path: 'provisionedClusterInstances/default$', status: 200, body: instance, times: 20 });
}

/**
 * The emulator without Resource Graph (as a custom or sovereign endpoint may be): the inventory falls back to each
 * subscription's own ARM lists, the path whose list-level faults and bodies these suites inject.
 */
export async function perSubscriptionLists(api: AzureLocalApi): Promise<void> {
  await control('config', 'POST', { graphEnabled: false });
  api.tree.refreshAll();
}

/**
 * The emulator's world back to the demo (its config too); with `api`, the extension forgets what it had read, as it
 * would on Refresh, since a reset changes Azure behind its back.
 */
export async function resetWorld(api?: AzureLocalApi): Promise<void> {
  await control('reset', 'POST');
  api?.tree.refreshAll();
}

/** Waits until `predicate` holds (the extension's work is asynchronous), failing with `what`. */
export async function until(predicate: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100 && !predicate(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(predicate(), what);
}
