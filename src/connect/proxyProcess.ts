import { spawn, type ChildProcess } from 'node:child_process';
import { platformFor, type ProxyPlatform } from './platform';
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
 * `az connectedk8s proxy` as a process tree. It prints "Proxy is listening on port N" before it is ready; only
 * "Press Ctrl+C to close proxy." means ready. It starts an `arcProxy_*` child that outlives `az` when only `az` is
 * killed, so stop() ends the whole tree the platform's way (a POSIX process group; taskkill /T on Windows) and checks
 * that it is gone, its ports included.
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
    private readonly platform: ProxyPlatform = platformFor(),
    /** The ports the proxy holds once ready (the API port and the one below it): free again after stop(). */
    private readonly ports: readonly number[] = [],
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get ready(): boolean {
    return this.isReady;
  }

  start(): void {
    const invocation = this.platform.azInvocation(this.azPath, this.args);
    const child = spawn(invocation.file, invocation.args, { ...invocation.options, stdio: ['ignore', 'pipe', 'pipe'], env: this.env });
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

  /** Ends az and everything it started; resolves once the tree is gone (and its ports free, if it got them). */
  async stop(): Promise<void> {
    const pid = this.child?.pid;
    if (!pid) return;
    try {
      await this.platform.endTree(pid, this.isReady ? this.ports : []);
    } finally {
      await this.exited;
    }
  }

  /** For deactivate(): no waiting, nothing left behind. */
  killNow(): void {
    const pid = this.child?.pid;
    if (pid) this.platform.endTreeNow(pid);
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
