/** Fault injection rules for the ARM emulator. Rules are matched per request, in insertion order. */

export type LroOutcome = 'Succeeded' | 'Failed';

export interface ArmErrorBody {
  error: { code: string; message: string; target?: string; details?: unknown[]; additionalInfo?: unknown[] };
}

export interface FaultRule {
  /** HTTP method to match (case-insensitive); any method when omitted. */
  method?: string;
  /** Regular expression source, matched case-insensitively against the URL path (no query string). */
  path: string;
  /** Respond with this status (and `body`, or a generated ARM error body). */
  status?: number;
  body?: object;
  /** Retry-After header value (seconds) for a `status` fault; 429/503 default to the emulator's retryAfterSeconds. */
  retryAfter?: number;
  /** Delay before the request is handled (combined with the other effects, or alone). */
  delayMs?: number;
  /** Destroy the socket without a response. */
  reset?: boolean;
  /** Answer 401 AuthenticationFailed (once per use) even with a valid token. */
  unauthorizedOnce?: boolean;
  /** Outcome of the long-running operation started by a matching PUT/DELETE/POST. */
  lroOutcome?: LroOutcome;
  /** Error reported by a Failed LRO. */
  error?: { code: string; message: string };
  /** How many matching requests the rule applies to; default 1; 0 = forever. */
  times?: number;
}

export interface ActiveFaultRule extends FaultRule {
  id: number;
  /** Number of times the rule has been applied. */
  hits: number;
}

export class FaultRegistry {
  private rules: ActiveFaultRule[] = [];
  private nextId = 1;

  /** Adds a rule; throws on an invalid rule (bad regex or no path). */
  add(rule: FaultRule): ActiveFaultRule {
    if (!rule || typeof rule.path !== 'string' || rule.path.length === 0) {
      throw new Error('A fault rule needs a "path" (regular expression source).');
    }
    new RegExp(rule.path, 'i'); // validate
    if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 0)) {
      throw new Error('"times" must be a non-negative integer.');
    }
    if (rule.lroOutcome !== undefined && rule.lroOutcome !== 'Succeeded' && rule.lroOutcome !== 'Failed') {
      throw new Error('"lroOutcome" must be "Succeeded" or "Failed".');
    }
    const active: ActiveFaultRule = { ...rule, times: rule.times ?? 1, id: this.nextId++, hits: 0 };
    this.rules.push(active);
    return active;
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Immediate faults (status, delay, reset, 401): the first matching rule without `lroOutcome` is consumed. */
  takeImmediate(method: string, path: string): ActiveFaultRule | undefined {
    return this.take(method, path, (r) => r.lroOutcome === undefined);
  }

  /** LRO outcome rules: consumed by the handler that starts a long-running operation. */
  takeLroOutcome(method: string, path: string): ActiveFaultRule | undefined {
    return this.take(method, path, (r) => r.lroOutcome !== undefined);
  }

  private take(method: string, path: string, filter: (r: ActiveFaultRule) => boolean): ActiveFaultRule | undefined {
    for (const rule of this.rules) {
      if (!filter(rule)) continue;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!new RegExp(rule.path, 'i').test(path)) continue;
      rule.hits++;
      if (rule.times !== 0 && rule.hits >= (rule.times ?? 1)) {
        this.rules = this.rules.filter((r) => r !== rule);
      }
      return { ...rule };
    }
    return undefined;
  }
}
