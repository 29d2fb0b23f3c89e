import { utilityProcess, type UtilityProcess } from 'electron';
import { failure } from '../shared/envelope';
import type { PathPurpose } from '../core/procedures';
import type { BridgeResult } from './bridge-types';
import type { CoreToMain, MainToCore, StartupProblem } from './core-protocol';

// The main process's side of the core utility process: starts it, routes replies
// to callers by id, restarts it after a crash, and closes it cleanly at quit.

export interface CoreHostOptions {
  modulePath: string;
  /** The core process's whole environment (desktop-paths.ts: coreEnvironment). */
  env: Record<string, string>;
  onReady(workspace: string | null, problems: StartupProblem[]): void;
  /** The core cannot run (missing addon) or keeps crashing: the app should tell the user and quit. */
  onFatal(message: string): void;
}

interface Pending {
  name: string;
  resolve(body: string): void;
}

const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

/** A failure envelope as JSON text, the form replies travel in. */
export const failureBody = (code: string, message: string, params: Record<string, string | number> = {}): string =>
  JSON.stringify(failure(code, message, params));

export class CoreHost {
  private child: UtilityProcess | null = null;
  private alive = false;
  private stopping = false;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly crashes: number[] = [];
  private closedWaiter: (() => void) | null = null;

  constructor(private readonly options: CoreHostOptions) {}

  start(): void {
    if (this.child || this.stopping) return;
    let child: UtilityProcess;
    try {
      child = utilityProcess.fork(this.options.modulePath, [], {
        serviceName: 'Kartoteka core',
        stdio: 'inherit',
        env: this.options.env,
      });
    } catch (e) {
      this.stopping = true;
      this.options.onFatal(`The core process could not start: ${e instanceof Error ? e.message : String(e)}`);
      return;
    }
    this.child = child;
    this.alive = true;
    child.on('message', (message: CoreToMain) => this.onMessage(message));
    child.on('exit', (code) => this.onExit(child, code));
  }

  /** Resolves to the JSON envelope; never rejects. */
  invoke(name: string, inputJson: string): Promise<string> {
    return this.request(name, (id) => ({ type: 'invoke', id, name, input: inputJson }));
  }

  /**
   * Registers a path the user chose in a native dialog and resolves to its token, the
   * only form in which the page may name it; null if the core refused or is down.
   */
  async grantPath(purpose: PathPurpose, path: string): Promise<string | null> {
    const reply = JSON.parse(await this.request('grant', (id) => ({ type: 'grant', id, purpose, path }))) as BridgeResult;
    if (reply.ok) return (reply.result as { token: string }).token;
    console.error(`[main] the core refused a chosen path: ${reply.error.message}`);
    return null;
  }

  private request(name: string, message: (id: number) => MainToCore): Promise<string> {
    if (this.stopping) return Promise.resolve(failureBody('workspace.closed', 'The app is closing'));
    if (!this.child) this.start();
    if (!this.child) return Promise.resolve(failureBody('internal', 'The core process is not running'));
    const id = this.nextId++;
    return new Promise<string>((resolve) => {
      this.pending.set(id, { name, resolve });
      this.post(message(id));
    });
  }

  /** Asks the core to checkpoint and close the workspace; kills it after timeoutMs. */
  async shutdown(timeoutMs: number): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || !this.alive) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        console.error(`[main] the core did not close the workspace within ${timeoutMs} ms; stopping it`);
        done();
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.closedWaiter = null;
        resolve();
      };
      this.closedWaiter = done;
      this.post({ type: 'shutdown' });
    });
    if (this.alive) child.kill();
  }

  private post(message: MainToCore): void {
    // Never post to a child that has exited (posting from its 'exit' path has crashed Electron).
    if (this.child && this.alive) this.child.postMessage(message);
  }

  private onMessage(message: CoreToMain): void {
    switch (message.type) {
      case 'reply': {
        const p = this.pending.get(message.id);
        if (!p) return;
        this.pending.delete(message.id);
        p.resolve(message.body);
        return;
      }
      case 'ready':
        this.options.onReady(message.workspace, message.problems);
        return;
      case 'fatal':
        this.stopping = true; // do not restart: it would fail the same way
        this.options.onFatal(message.message);
        return;
      case 'closed':
        this.closedWaiter?.();
        return;
    }
  }

  private onExit(child: UtilityProcess, code: number): void {
    if (this.child !== child) return;
    this.alive = false;
    this.child = null;
    const failed = [...this.pending.values()];
    this.pending.clear();
    for (const p of failed) {
      p.resolve(failureBody('internal', `The core process stopped (exit code ${code}) while running ${p.name}`));
    }
    if (this.closedWaiter) {
      this.closedWaiter();
      return;
    }
    if (this.stopping) return;
    console.error(`[main] the core process exited unexpectedly (code ${code})`);
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0]! > CRASH_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length >= MAX_CRASHES) {
      this.stopping = true;
      this.options.onFatal(`The core process stopped ${this.crashes.length} times within a minute (last exit code ${code}).`);
      return;
    }
    // Restart at once so the workspace is open again before the next call.
    setTimeout(() => this.start(), 0);
  }
}
