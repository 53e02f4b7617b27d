import * as vscode from 'vscode';
import type { AzureSession } from '../auth/azureSession';
import { portalUrlForResource } from '../auth/clouds';
import type { TreeNode } from '../tree/treeNode';
import { requireResource } from './copyResourceId';

/** Opens the resource in the portal of the cloud the user is signed in to (public or sovereign). */
export async function openInPortal(session: AzureSession, node: TreeNode | undefined): Promise<void> {
  const resource = requireResource(node);
  await vscode.env.openExternal(vscode.Uri.parse(portalUrlForResource(session.cloud, resource.id, session.tenantId), true));
}
