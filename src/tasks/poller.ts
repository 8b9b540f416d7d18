import { ApiError } from '../api/errors';
import type { TaskSnapshot } from '../api/taskSnapshot';
import type { TaskQueryClient } from '../api/videoApiClient';
import type { KeyLookup } from '../auth/keyLookup';
import { errorMessage, type Logger } from '../log';
import { backoffDelay } from './backoff';
import { systemClock, type Clock } from './clock';
import { Emitter, type Disposable } from './events';
import { runningInterval } from './pollSchedule';
import type { TaskChange, TaskStore } from './taskStore';
import { needsPolling } from './trackedTask';
import { WakeTimer } from './wakeTimer';

export interface PollerSettings {
  readonly intervalMs: number;
  readonly maxConcurrent: number;
}

/** Why nothing is polled right now; the tree shows it. */
export interface PollerPause {
  readonly reason: 'noKey' | 'keyOrigin' | 'auth' | 'config';
  readonly message: string;
  /** With `keyOrigin`: the gateway origin the key would be sent to. */
  readonly origin?: string;
  /** With `keyOrigin`: that origin is plain http off this machine, so the key would travel unencrypted. */
  readonly clearText?: boolean;
}

export interface PollerOptions {
  readonly store: TaskStore;
  readonly client: TaskQueryClient;
  /** The key to send now, or why none may be sent. */
  readonly apiKey: () => KeyLookup;
  readonly settings: () => PollerSettings;
  readonly log: Logger;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/** While the window is not focused, every interval is this many times longer. */
export const UNFOCUSED_FACTOR = 3;
/** A status word nobody has seen before is polled this many times more slowly. */
const UNKNOWN_STATUS_FACTOR = 3;

/**
 * Plans and runs the queries. Each waiting task has its own due time; one
 * timer wakes the scheduler at the earliest. A task's next query is planned
 * only after its previous one settled, so queries for one task never overlap,
 * and at most `maxConcurrent` run at once. When no query is in flight any
 * more the sweep is over and the store writes once.
 */
export class Poller implements Disposable {
  private readonly dueAt = new Map<string, number>();
  private readonly inFlight = new Map<string, AbortController>();
  private readonly failures = new Map<string, number>();
  private readonly lastSettledAt = new Map<string, number>();
  private readonly pauseEmitter = new Emitter<PollerPause | undefined>();
  private readonly subscription: Disposable;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timer: WakeTimer;
  private holdUntil = 0;
  private pause: PollerPause | undefined;
  private focused = true;
  private started = false;
  private disposed = false;

  /** Fires when polling pauses (with the reason) or resumes (undefined). */
  readonly onDidChangePause = this.pauseEmitter.event;

  constructor(private readonly options: PollerOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timer = new WakeTimer(this.clock, () => this.pump(), (error) => this.options.log.error(`Scheduling failed: ${errorMessage(error)}`));
    this.subscription = options.store.onDidChange((change) => this.onStoreChange(change));
  }

  get paused(): PollerPause | undefined {
    return this.pause;
  }

  /** How many queries are in flight; for tests and the benchmark. */
  get activeRequests(): number {
    return this.inFlight.size;
  }

  /** Whether a wake-up is planned; false means the poller costs nothing. */
  get hasPendingTimer(): boolean {
    return this.timer.pending;
  }

  /** Plans an immediate query for every task that is not finished. */
  start(): void {
    this.started = true;
    for (const task of this.options.store.all()) {
      if (needsPolling(task)) {
        this.dueAt.set(task.id, this.clock.now());
      }
    }
    this.pump();
  }

  /**
   * Queries now: the given tasks even when finished, or every unfinished task.
   * Also lifts a pause caused by a rejected key, so the user can retry.
   */
  refresh(ids?: readonly string[]): void {
    const now = this.clock.now();
    const targets = ids ?? this.options.store.all().filter(needsPolling).map((task) => task.id);
    for (const id of targets) {
      if (this.options.store.get(id) && !this.inFlight.has(id)) {
        this.dueAt.set(id, now);
        this.failures.delete(id);
      }
    }
    this.holdUntil = 0;
    this.resume();
  }

  /** The key or the settings changed: lift any pause and query what waits at once. */
  restart(): void {
    const now = this.clock.now();
    for (const id of this.dueAt.keys()) {
      this.dueAt.set(id, now);
    }
    this.resume();
  }

  /**
   * Settings changed: a pause for a bad setting is lifted, as is a key pause
   * the new settings no longer call for (the base URL went back to the key's
   * origin, say); a shorter interval applies at once.
   */
  settingsChanged(): void {
    const pause = this.pause;
    if (pause?.reason === 'config') {
      this.setPause(undefined);
    } else if (pause !== undefined && pause.reason !== 'auth') {
      const lookup = this.options.apiKey();
      if (!('pause' in lookup) || lookup.pause.message !== pause.message) {
        this.setPause(undefined);
      }
    }
    this.tighten();
  }

  setFocused(focused: boolean): void {
    if (this.focused === focused) {
      return;
    }
    this.focused = focused;
    if (focused) {
      this.tighten();
    }
  }

  /** Brings due times planned under a longer interval forward to the current one. */
  tighten(): void {
    const interval = this.interval();
    for (const [id, at] of this.dueAt) {
      const settled = this.lastSettledAt.get(id);
      if (settled !== undefined && !this.failures.has(id)) {
        this.dueAt.set(id, Math.min(at, settled + interval));
      }
    }
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.timer.clear();
    for (const controller of this.inFlight.values()) {
      controller.abort();
    }
    this.inFlight.clear();
    this.subscription.dispose();
    this.pauseEmitter.dispose();
  }

  private resume(): void {
    this.setPause(undefined);
    this.pump();
  }

  private onStoreChange(change: TaskChange): void {
    if (!change.membership || !this.started) {
      return;
    }
    for (const id of change.ids) {
      const task = this.options.store.get(id);
      if (task === undefined) {
        this.dueAt.delete(id);
        this.failures.delete(id);
        this.lastSettledAt.delete(id);
        this.inFlight.get(id)?.abort();
      } else if (needsPolling(task) && !this.inFlight.has(id)) {
        this.dueAt.set(id, this.clock.now());
      }
    }
    this.pump();
  }

  private pump(): void {
    if (this.disposed || !this.started || this.pause) {
      this.timer.clear();
      return;
    }
    const now = this.clock.now();
    if (now < this.holdUntil) {
      this.timer.wakeAt(this.holdUntil);
      return;
    }
    const lookup = this.options.apiKey();
    if ('pause' in lookup) {
      if (this.dueAt.size > 0) {
        this.setPause(lookup.pause);
      }
      return;
    }
    const apiKey = lookup.key;
    const { maxConcurrent } = this.options.settings();
    const ready = [...this.dueAt].filter(([, at]) => at <= now).sort((a, b) => a[1] - b[1]);
    for (const [id] of ready) {
      if (this.inFlight.size >= Math.max(1, maxConcurrent)) {
        break;
      }
      this.dueAt.delete(id);
      void this.run(id, apiKey);
    }
    this.planWakeUp(now);
  }

  private async run(id: string, apiKey: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      const snapshot = await this.options.client.query(id, apiKey, controller.signal);
      if (!controller.signal.aborted) {
        this.onSuccess(id, snapshot);
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        this.onFailure(id, error, apiKey);
      }
    } finally {
      if (this.inFlight.get(id) === controller) {
        this.inFlight.delete(id);
      }
      if (this.options.store.get(id)) {
        this.lastSettledAt.set(id, this.clock.now());
      }
      this.afterSettled();
    }
  }

  private afterSettled(): void {
    if (this.disposed) {
      return;
    }
    try {
      this.pump();
    } catch (error) {
      this.options.log.error(`Scheduling failed: ${errorMessage(error)}`);
    }
    if (this.inFlight.size === 0) {
      void this.options.store.persist();
    }
  }

  private onSuccess(id: string, snapshot: TaskSnapshot): void {
    this.failures.delete(id);
    this.options.store.recordSnapshot(id, snapshot);
    const task = this.options.store.get(id);
    if (task && needsPolling(task)) {
      const now = this.clock.now();
      const age = now - (snapshot.createdAt ?? task.addedAt);
      const interval = runningInterval(this.interval(), age, snapshot.progress !== undefined);
      const factor = snapshot.status === 'unknown' ? UNKNOWN_STATUS_FACTOR : 1;
      this.dueAt.set(id, now + interval * factor);
    }
  }

  private onFailure(id: string, error: unknown, apiKey: string): void {
    const apiError = error instanceof ApiError ? error : new ApiError('badResponse', errorMessage(error));
    if (!(error instanceof ApiError)) {
      this.options.log.error(error instanceof Error ? error : `Unexpected failure: ${errorMessage(error)}`);
    }
    const now = this.clock.now();
    if (!this.options.store.get(id)) {
      return;
    }
    if (apiError.kind === 'auth' || apiError.kind === 'config' || apiError.kind === 'noRoute') {
      this.dueAt.set(id, now);
      // A key changed while this request was in flight gets its own chance.
      const current = this.options.apiKey();
      if (apiError.kind !== 'auth' || ('key' in current && current.key === apiKey)) {
        // No such endpoint is the gateway's answer for every task: one pause and one message, like a bad setting.
        this.setPause({ reason: apiError.kind === 'auth' ? 'auth' : 'config', message: apiError.message });
      }
      return;
    }
    this.options.store.recordProblem(id, { kind: apiError.kind, message: apiError.message, at: now });
    const task = this.options.store.get(id);
    if (!task || !needsPolling(task)) {
      return;
    }
    const failures = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, failures);
    const retryAfter = apiError.details.retryAfterMs ?? 0;
    const delay = Math.max(retryAfter, backoffDelay(failures, this.interval(), this.random));
    if (apiError.kind === 'rateLimited') {
      // The limit is per key, not per task: every task waits.
      this.holdUntil = Math.max(this.holdUntil, now + Math.max(retryAfter, this.interval()));
    }
    this.dueAt.set(id, now + delay);
  }

  private interval(): number {
    return this.options.settings().intervalMs * (this.focused ? 1 : UNFOCUSED_FACTOR);
  }

  private setPause(pause: PollerPause | undefined): void {
    if (this.pause?.reason === pause?.reason && this.pause?.message === pause?.message) {
      return;
    }
    this.pause = pause;
    if (pause) {
      this.timer.clear();
      this.options.log.warn(`Polling paused: ${pause.message}`);
    }
    this.pauseEmitter.fire(pause);
  }

  /** Sets one timer for the earliest waiting task; none when nothing waits or every slot is busy. */
  private planWakeUp(now: number): void {
    const { maxConcurrent } = this.options.settings();
    if (this.dueAt.size === 0 || this.inFlight.size >= Math.max(1, maxConcurrent)) {
      this.timer.clear();
      return;
    }
    let earliest = Infinity;
    for (const at of this.dueAt.values()) {
      earliest = Math.min(earliest, at);
    }
    this.timer.wakeAt(Math.max(earliest, now));
  }
}
