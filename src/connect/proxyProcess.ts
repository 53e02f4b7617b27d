import { spawn, type ChildProcess } from 'node:child_process';
import { PROXY_READY_LINE } from './taskDefinition';

export interface ProxyProcessEvents {
  /** Output as it arrives (stdout and stderr, in order). */
  output(text: string): void;
  /** The ready line was printed: the kubeconfig is written and the proxy accepts requests. */
  ready(): void;
  /** `az` exited (its process group may still hold the arcProxy child until stop()). */
  exit(code: number | null, signal: NodeJS.Signals | null): void;
}

/**
 * `az connectedk8s proxy` as a process group. It prints "Proxy is listening on port N" before it is ready; only
 * "Press Ctrl+C to close proxy." means ready. It starts an `arcProxy_*` child that outlives `az` when only `az` is
 * killed, so stop() signals the whole group (az is spawned as a group leader).
 */
export class ProxyProcess {
  private child?: ChildProcess;
  private buffered = '';
  private isReady = false;
  private exited?: Promise<void>;

  constructor(
    private readonly azPath: string,
    private readonly args: readonly string[],
    private readonly events: ProxyProcessEvents,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get ready(): boolean {
    return this.isReady;
  }

  start(): void {
    const child = spawn(this.azPath, [...this.args], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: this.env, windowsHide: true });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.events.exit(code, signal);
        resolve();
      });
      child.once('error', (error) => {
        this.events.output(`${error.message}\n`);
        this.events.exit(null, null);
        resolve();
      });
    });
    const onData = (data: Buffer) => {
      const text = data.toString();
      this.events.output(text);
      this.watchForReady(text);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  }

  /** Ends az and everything it started; resolves once the group is gone (SIGKILL after `graceMs`). */
  async stop(graceMs = 3000): Promise<void> {
    const pid = this.child?.pid;
    if (!pid) return;
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
    await this.exited;
  }

  /** For deactivate(): no waiting, nothing left behind. */
  killNow(): void {
    const pid = this.child?.pid;
    if (!pid) return;
    signalGroup(pid, 'SIGTERM');
    setTimeout(() => groupAlive(pid) && signalGroup(pid, 'SIGKILL'), 1000).unref();
  }

  private watchForReady(text: string): void {
    if (this.isReady) return;
    this.buffered = (this.buffered + text).slice(-4096);
    if (this.buffered.includes(PROXY_READY_LINE)) {
      this.isReady = true;
      this.buffered = '';
      this.events.ready();
    }
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** True while any process of the group still exists (a zombie awaiting its parent's reap counts as gone soon after). */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
