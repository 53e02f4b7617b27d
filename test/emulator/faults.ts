/** Fault injection rules for the ARM emulator. Rules are matched per request, in insertion order. */

/** Canceled ends like Failed (the resource is marked Failed by its route), with status Canceled. */
export type LroOutcome = 'Succeeded' | 'Failed' | 'Canceled';

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
  /**
   * Record the exchanges this rule answers apart, in `<trafficDir>-<tag>`: bodies served on purpose (Microsoft's
   * published examples, which break their own schemas in known places) stay out of the oav-clean traffic.
   */
  trafficTag?: string;
  /** Skip the first `nth - 1` matching requests: the rule applies from the nth on (default 1). */
  nth?: number;
  /** Extra response headers for a `status` fault (e.g. a 307's Location). */
  headers?: Record<string, string>;
  /** A raw (non-JSON) body for a `status` fault, e.g. an HTML error page from a proxy. */
  rawBody?: string;
  /** Never answer: the socket stays open until the client gives up. */
  hang?: boolean;
  /** Handle the request (the world changes), then destroy the socket: ARM accepted, the answer was lost. */
  resetAfterAccept?: boolean;
  /** Handle the request (the world changes), then answer this status instead (a gateway's 504 after ARM accepted). */
  statusAfterAccept?: number;
  /** With an accepted PUT: the resource reads 404 for its next N GETs (ARM shows new resources with a lag). */
  hideForReads?: number;
  /** Rewrite the normal answer: where its nextLink points, or the origin of its operation URLs. */
  rewrite?: {
    /** 'self': the same URL again; 'endless': a new $skiptoken every time; else an origin to point it at. */
    nextLink?: 'self' | 'endless' | string;
    asyncOperationOrigin?: string;
    locationOrigin?: string;
    /** Replace an operation-status body's `status` (e.g. "Succeeded " with a trailing space) on a real poll. */
    operationStatus?: unknown;
    /** Drop the Azure-AsyncOperation header, so that a client polls Location. */
    dropAsyncOperation?: boolean;
  };
}

export interface ActiveFaultRule extends FaultRule {
  id: number;
  /** Number of times the rule has been applied. */
  hits: number;
  /** Matching requests seen (including those skipped by `nth`). */
  seen: number;
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
    if (rule.nth !== undefined && (!Number.isInteger(rule.nth) || rule.nth < 1)) throw new Error('"nth" must be an integer >= 1.');
    if (rule.lroOutcome !== undefined && !['Succeeded', 'Failed', 'Canceled'].includes(rule.lroOutcome)) {
      throw new Error('"lroOutcome" must be "Succeeded", "Failed" or "Canceled".');
    }
    const active: ActiveFaultRule = { ...rule, times: rule.times ?? 1, id: this.nextId++, hits: 0, seen: 0 };
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
      rule.seen++;
      if (rule.seen < (rule.nth ?? 1)) continue;
      rule.hits++;
      if (rule.times !== 0 && rule.hits >= (rule.times ?? 1)) {
        this.rules = this.rules.filter((r) => r !== rule);
      }
      return { ...rule };
    }
    return undefined;
  }
}
