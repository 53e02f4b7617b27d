import * as vscode from 'vscode';
import { ArmError } from '../azure/armError';
import { errorSummary } from '../errors';
import { MessageNode } from './messageNode';
import type { TreeContext, TreeNode } from './treeNode';

type LoadState =
  | { kind: 'idle' }
  | { kind: 'loading'; done: Promise<void>; previous?: TreeNode[] }
  | { kind: 'loaded'; children: TreeNode[] }
  | { kind: 'error'; error: unknown };

/**
 * A node whose children come from Azure: the first expansion shows "Loading…" and starts the load; when it ends the
 * node is redrawn with its children, an empty-state item or an error item that retries on click. A refresh keeps the
 * old children on screen until the new ones arrive, so that VS Code keeps what was expanded under them. A refresh also
 * cancels the load it supersedes: its requests stop instead of finishing for nothing.
 */
export abstract class LazyParentNode implements TreeNode {
  private state: LoadState = { kind: 'idle' };
  /** A refresh during a load makes that load's result stale. */
  private generation = 0;
  private inFlight?: AbortController;

  constructor(protected readonly tree: TreeContext) {}

  abstract getTreeItem(): vscode.TreeItem;
  /** `signal` aborts when a refresh supersedes this load. */
  protected abstract loadChildren(signal: AbortSignal): Promise<TreeNode[]>;
  protected abstract readonly emptyLabel: string;

  getChildren(): TreeNode[] {
    switch (this.state.kind) {
      case 'idle':
        this.startLoad();
        return [MessageNode.loading()];
      case 'loading':
        return this.state.previous ?? [MessageNode.loading()];
      case 'loaded':
        return this.state.children.length ? this.state.children : [MessageNode.empty(this.emptyLabel)];
      case 'error':
        return [MessageNode.error(errorLabel(this.state.error), this)];
    }
  }

  refresh(): void {
    this.generation++;
    this.inFlight?.abort();
    const shown = this.state.kind === 'loaded' ? this.state.children : this.state.kind === 'loading' ? this.state.previous : undefined;
    const previous = shown?.length ? shown : undefined;
    this.state = { kind: 'idle' };
    if (previous) this.startLoad(previous);
    else this.tree.changed(this);
  }

  /** The children if loaded, without starting a load. */
  loadedChildren(): TreeNode[] {
    return this.state.kind === 'loaded' ? this.state.children : [];
  }

  /** Resolves when the current load has ended (loads it first if needed); for callers that need the children. */
  async loaded(): Promise<TreeNode[]> {
    if (this.state.kind === 'idle') this.startLoad();
    if (this.state.kind === 'loading') await this.state.done;
    return this.getChildren();
  }

  private startLoad(previous?: TreeNode[]): void {
    const generation = this.generation;
    const controller = (this.inFlight = new AbortController());
    const done = this.loadChildren(controller.signal).then(
      (children) => {
        if (generation === this.generation) this.state = { kind: 'loaded', children };
      },
      (error: unknown) => {
        if (generation === this.generation) this.state = { kind: 'error', error };
      },
    );
    this.state = { kind: 'loading', done: done.then(() => this.tree.changed(this)), previous };
  }
}

/** The error row's text: a throttled read says so plainly, since retrying later is all there is to do. */
function errorLabel(error: unknown): string {
  if (error instanceof ArmError && error.status === 429) return vscode.l10n.t('Throttled by Resource Manager — click to retry later ({0})', errorSummary(error));
  return errorSummary(error);
}
