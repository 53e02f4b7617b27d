/**
 * Long-running operation engine. Each operation has an Azure-AsyncOperation status URL and a Location URL:
 *   {base}/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationStatuses/{opId}?api-version=...
 *   {base}/subscriptions/{sub}/providers/{ns}/locations/{loc}/operationResults/{opId}?api-version=...
 * Polls of either URL count toward completion: the first `pollsToComplete` polls report InProgress, the next one
 * completes the operation (Succeeded or Failed, as decided when the operation started).
 */
import { randomUUID } from 'node:crypto';
import type { LroOutcome } from './faults';
import { ArmError, json, type ArmResponse, type Router, SEG } from './http';

export type LroKind = 'put' | 'delete' | 'action';

export interface LroOperation {
  id: string;
  kind: LroKind;
  subscriptionId: string;
  namespace: string;
  location: string;
  apiVersion: string;
  resourceId: string;
  status: 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';
  outcome: LroOutcome;
  error?: { code: string; message: string };
  pollsRemaining: number;
  startTime: string;
  endTime?: string;
  /** Applied when the operation succeeds. */
  onSucceeded?: () => void;
  /** Applied when the operation fails. */
  onFailed?: (error: { code: string; message: string }) => void;
  /** Final result for `action` operations (e.g. ListCredentialResponse). */
  result?: () => unknown;
}

export interface StartLroOptions {
  kind: LroKind;
  subscriptionId: string;
  namespace: string;
  apiVersion: string;
  resourceId: string;
  location?: string;
  outcome?: LroOutcome;
  error?: { code: string; message: string };
  onSucceeded?: () => void;
  onFailed?: (error: { code: string; message: string }) => void;
  result?: () => unknown;
}

export class LroEngine {
  private readonly operations = new Map<string, LroOperation>();

  constructor(private readonly pollsToComplete: () => number) {}

  start(options: StartLroOptions): LroOperation {
    const op: LroOperation = {
      id: randomUUID(),
      kind: options.kind,
      subscriptionId: options.subscriptionId,
      namespace: options.namespace,
      location: options.location ?? 'eastus',
      apiVersion: options.apiVersion,
      resourceId: options.resourceId,
      status: 'InProgress',
      outcome: options.outcome ?? 'Succeeded',
      error: options.error,
      pollsRemaining: Math.max(0, this.pollsToComplete()),
      startTime: new Date().toISOString(),
      onSucceeded: options.onSucceeded,
      onFailed: options.onFailed,
      result: options.result,
    };
    this.operations.set(op.id.toLowerCase(), op);
    return op;
  }

  get(id: string): LroOperation | undefined {
    return this.operations.get(id.toLowerCase());
  }

  /** Counts one poll; completes the operation when its polls are used up. */
  poll(id: string): LroOperation | undefined {
    const op = this.get(id);
    if (!op || op.status !== 'InProgress') return op;
    if (op.pollsRemaining > 0) {
      op.pollsRemaining--;
      return op;
    }
    this.complete(op);
    return op;
  }

  /** Completes an operation immediately (used when polls are configured to 0 or by tests). */
  complete(op: LroOperation): void {
    if (op.status !== 'InProgress') return;
    op.endTime = new Date().toISOString();
    if (op.outcome === 'Failed' || op.outcome === 'Canceled') {
      op.status = op.outcome;
      op.error = op.error ?? { code: 'OperationFailed', message: `The operation on '${op.resourceId}' failed.` };
      op.onFailed?.(op.error);
    } else {
      op.status = 'Succeeded';
      op.onSucceeded?.();
    }
  }

  clear(): void {
    this.operations.clear();
  }

  private base(baseUrl: string, op: LroOperation): string {
    return `${baseUrl}/subscriptions/${op.subscriptionId}/providers/${op.namespace}/locations/${op.location}`;
  }

  asyncOperationUrl(baseUrl: string, op: LroOperation): string {
    return `${this.base(baseUrl, op)}/operationStatuses/${op.id}?api-version=${encodeURIComponent(op.apiVersion)}`;
  }

  locationUrl(baseUrl: string, op: LroOperation): string {
    return `${this.base(baseUrl, op)}/operationResults/${op.id}?api-version=${encodeURIComponent(op.apiVersion)}`;
  }

  /** Body of an operation-status GET. */
  statusBody(op: LroOperation): Record<string, unknown> {
    const body: Record<string, unknown> = {
      id: `/subscriptions/${op.subscriptionId}/providers/${op.namespace}/locations/${op.location}/operationStatuses/${op.id}`,
      name: op.id,
      resourceId: op.resourceId,
      status: op.status,
      startTime: op.startTime,
    };
    if (op.endTime) body.endTime = op.endTime;
    if ((op.status === 'Failed' || op.status === 'Canceled') && op.error) body.error = op.error;
    if (op.status === 'Succeeded' && op.kind === 'action' && op.result) {
      const result = op.result() as Record<string, unknown>;
      if (result && typeof result === 'object' && 'properties' in result) body.properties = result.properties;
    }
    return body;
  }
}


/** Operation-status and operation-result (Location) polling routes; they are not swagger operations. */
export function registerLroRoutes(router: Router): void {
  const prefix = `/subscriptions/${SEG}/providers/${SEG}/locations/${SEG}`;
  router.add('GET', `${prefix}/operationStatuses/${SEG}`, [], (ctx, [, , , opId]) => {
    const op = ctx.lro.poll(opId);
    if (!op) throw new ArmError(404, 'OperationNotFound', `The operation '${opId}' was not found.`);
    const headers: Record<string, string> = {};
    if (op.status === 'InProgress') headers['Retry-After'] = String(ctx.config.retryAfterSeconds);
    return json(200, ctx.lro.statusBody(op), headers);
  }, true);
  router.add('GET', `${prefix}/operationResults/${SEG}`, [], (ctx, [, , , opId]): ArmResponse => {
    const op = ctx.lro.poll(opId);
    if (!op) throw new ArmError(404, 'OperationNotFound', `The operation '${opId}' was not found.`);
    if (op.status === 'InProgress') {
      return json(202, undefined, {
        Location: ctx.lro.locationUrl(ctx.baseUrl, op),
        'Retry-After': String(ctx.config.retryAfterSeconds),
      });
    }
    if (op.status === 'Failed' || op.status === 'Canceled') {
      const error = op.error ?? { code: 'OperationFailed', message: 'The operation failed.' };
      throw new ArmError(400, error.code, error.message);
    }
    if (op.kind === 'delete') return json(204);
    if (op.kind === 'action') return json(200, op.result ? op.result() : undefined);
    const resource = ctx.world.get(op.resourceId);
    return resource ? json(200, resource) : json(204);
  }, true);
}
