import { ApiError, isApiError } from '../api/errors';
import type { TaskSnapshot } from '../api/taskSnapshot';
import type { TaskQueryClient } from '../api/videoApiClient';
import type { KeyLookup } from '../auth/keyLookup';
import { DisposableStore } from '../disposableStore';
import { errorMessage, type Logger } from '../log';
import { systemClock, type Clock } from './clock';
import { Emitter, type Disposable } from './events';
import type { PollerLease } from './pollerLease';
import { currentPause, samePause, type PollerPause } from './pollPause';
import { PollPlan } from './pollPlan';
import { nextCheckDelay } from './pollSchedule';
import type { TaskChange, TaskStore } from './taskStore';
import { needsPolling } from './trackedTask';
import { WakeTimer } from './wakeTimer';

export interface PollerSettings {
  readonly intervalMs: number;
  readonly maxConcurrent: number;
}

export interface PollerOptions {
  readonly store: TaskStore;
  readonly client: TaskQueryClient;
  /** The key to send now, or why none may be sent. */
  readonly apiKey: () => KeyLookup;
  readonly settings: () => PollerSettings;
  /** Which window of the profile polls, and the hold and pause they all respect. */
  readonly lease: PollerLease;
  readonly log: Logger;
  readonly clock?: Clock;
  readonly random?: () => number;
}

/** While the window is not focused, every interval is this many times longer. */
export const UNFOCUSED_FACTOR = 3;

/**
 * Runs the queries in the one window that holds the lease; the other windows
 * see the answers through the shared store. Every event (an answer, a store
 * change, a lease change, a setting, focus, the key) updates the plan and
 * then calls {@link reconsider}, the one place that decides what runs: at
 * most `maxConcurrent` queries, never two for one task, none while paused
 * or held. When no query is in flight any more, the store writes once.
 */
export class Poller implements Disposable {
  private readonly plan = new PollPlan();
  private readonly inFlight = new Map<string, AbortController>();
  /** Refreshes asked for while another window polled; run once this one does. */
  private readonly refreshWhenOwner = new Set<string>();
  private readonly pauseEmitter = new Emitter<PollerPause | undefined>();
  private readonly announceEmitter = new Emitter<PollerPause>();
  private readonly disposables = new DisposableStore();
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timer: WakeTimer;
  private pause: PollerPause | undefined;
  /** The pause this window last announced, or one another window announced before this one took over. */
  private announced: PollerPause | undefined;
  private owner = false;
  private focused = true;
  private started = false;
  private disposed = false;

  /** Fires when polling pauses (with the reason) or resumes (undefined). */
  readonly onDidChangePause = this.pauseEmitter.event;
  /**
   * Fires once per pause, in the polling window only: the one notification
   * the user gets for it. Fires when this window starts polling during a
   * key pause too, but not for a shared pause another window announced.
   */
  readonly onDidAnnouncePause = this.announceEmitter.event;

  constructor(private readonly options: PollerOptions) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timer = new WakeTimer(this.clock, () => this.reconsider(), (error) => this.options.log.error(`Scheduling failed: ${errorMessage(error)}`));
    this.disposables.add(options.store.onDidChange((change) => this.onStoreChange(change)));
    this.disposables.add(options.lease.onDidChange(() => this.onLeaseChange()));
    this.disposables.add(this.pauseEmitter);
    this.disposables.add(this.announceEmitter);
  }

  get paused(): PollerPause | undefined {
    return this.pause;
  }

  /** Whether this window is the one that polls for the profile. */
  get polls(): boolean {
    return this.owner;
  }

  /** How many queries are in flight; for tests and the benchmark. */
  get activeRequests(): number {
    return this.inFlight.size;
  }

  /** Whether a wake-up is planned; false means the poller costs nothing. */
  get hasPendingTimer(): boolean {
    return this.timer.pending;
  }

  /** Starts taking part: claims the lease when focused or free, and polls while holding it. */
  start(): void {
    this.started = true;
    this.options.lease.start(this.focused);
    this.reconsider();
  }

  /**
   * Queries now: the given tasks even when finished, or every unfinished task.
   * Lifts the rate-limit hold and a shared pause, so the user can retry; in a
   * window that does not poll, takes polling over first.
   */
  refresh(ids?: readonly string[]): void {
    const now = this.clock.now();
    const targets = ids ?? this.options.store.all().filter(needsPolling).map((task) => task.id);
    this.options.lease.lift();
    for (const id of targets) {
      if (!this.options.store.get(id) || this.inFlight.has(id)) {
        continue;
      }
      if (this.owner) {
        this.plan.retryNow(id, now);
      } else {
        this.refreshWhenOwner.add(id);
      }
    }
    if (!this.owner && this.started) {
      this.options.lease.claim();
    }
    this.reconsider();
  }

  /** The key changed: a rejected-key pause is over, and everything waiting is tried at once. */
  keyChanged(): void {
    if (this.options.lease.pause?.reason === 'auth') {
      this.options.lease.setPause(undefined);
    }
    this.plan.allNow(this.clock.now());
    this.reconsider();
  }

  /** Settings changed: a pause for a bad setting is over, and a shorter interval applies at once. */
  settingsChanged(): void {
    if (this.options.lease.pause?.reason === 'config') {
      this.options.lease.setPause(undefined);
    }
    this.plan.tighten(this.interval());
    this.reconsider();
  }

  /** A focused window polls (at the full rate): the user is looking at it. */
  setFocused(focused: boolean): void {
    if (this.focused === focused) {
      return;
    }
    this.focused = focused;
    if (focused && this.started) {
      this.options.lease.claim();
      this.plan.tighten(this.interval());
    }
    this.reconsider();
  }

  dispose(): void {
    this.disposed = true;
    this.timer.clear();
    for (const controller of this.inFlight.values()) {
      controller.abort();
    }
    this.inFlight.clear();
    this.disposables.dispose();
  }

  /** Decides, from the plan, the lease and the key as they are now, what runs and when to look again. */
  private reconsider(): void {
    if (this.disposed || !this.started) {
      this.timer.clear();
      return;
    }
    const lease = this.options.lease;
    const hasWork = this.hasWork();
    const lookup = this.options.apiKey();
    const pause = currentPause(lease.pause, lookup, hasWork);
    // Held while paused by the gateway (a live lease tells a new window the pause is current), not while this window lacks a key.
    lease.setWanted(hasWork && !('pause' in lookup && pause === lookup.pause));
    this.setPause(pause);
    this.announce(pause);
    if (pause !== undefined || !this.owner || !('key' in lookup) || !lease.confirm()) {
      this.timer.clear();
      return;
    }
    const now = this.clock.now();
    if (now < lease.holdUntil) {
      this.timer.wakeAt(lease.holdUntil);
      return;
    }
    const slots = Math.max(1, this.options.settings().maxConcurrent);
    for (const id of this.plan.take(now, slots - this.inFlight.size)) {
      void this.run(id, lookup.key);
    }
    const next = this.plan.earliest();
    if (next === undefined || this.inFlight.size >= slots) {
      this.timer.clear();
    } else {
      this.timer.wakeAt(Math.max(next, now));
    }
  }

  /** Whether anything waits to be polled: a missing key is worth a word only then. */
  private hasWork(): boolean {
    return this.owner ? this.plan.size > 0 || this.inFlight.size > 0 : this.options.store.all().some(needsPolling);
  }

  private onLeaseChange(): void {
    const owner = this.options.lease.isOwner;
    if (owner && !this.owner) {
      this.takeOver();
    } else if (!owner && this.owner) {
      // The new owner asks again from the last recorded check; an answer arriving here now could only
      // overwrite its newer one (a finished task shown running again) and say "ready" a second time.
      this.plan.clear();
      for (const controller of this.inFlight.values()) {
        controller.abort();
      }
      this.inFlight.clear();
      this.options.log.info('Another window now checks the tasks.');
    }
    this.owner = owner;
    this.reconsider();
  }

  /** Plans every unfinished task from its last check, and the refreshes asked for meanwhile. */
  private takeOver(): void {
    const now = this.clock.now();
    this.plan.resumeFrom(
      this.options.store.all().filter((task) => needsPolling(task) && !this.inFlight.has(task.id)),
      now,
      this.interval(),
    );
    for (const id of this.refreshWhenOwner) {
      if (this.options.store.get(id) && !this.inFlight.has(id)) {
        this.plan.retryNow(id, now);
      }
    }
    this.refreshWhenOwner.clear();
    this.announced = this.options.lease.pause;
    this.options.log.info('This window now checks the tasks for every window.');
  }

  private onStoreChange(change: TaskChange): void {
    if (!this.started) {
      return;
    }
    if (!change.membership) {
      // Another window's news can make a task pollable again here (an answer merged late), or leave nothing to poll there.
      if (!this.owner || this.planNews(change.ids)) {
        this.reconsider();
      }
      return;
    }
    for (const id of change.ids) {
      const task = this.options.store.get(id);
      if (task === undefined) {
        this.plan.forget(id);
        this.inFlight.get(id)?.abort();
        this.refreshWhenOwner.delete(id);
      } else if (this.owner && needsPolling(task) && !this.inFlight.has(id)) {
        this.plan.planBy(id, this.clock.now());
      }
    }
    this.reconsider();
  }

  /** Plans the changed tasks that need polling and are neither planned nor in flight; returns whether there were any. */
  private planNews(ids: readonly string[]): boolean {
    let planned = false;
    for (const id of ids) {
      const task = this.options.store.get(id);
      if (task && needsPolling(task) && !this.plan.has(id) && !this.inFlight.has(id)) {
        this.plan.planBy(id, Math.max(this.clock.now(), (task.checkedAt ?? 0) + this.interval()));
        planned = true;
      }
    }
    return planned;
  }

  private async run(id: string, apiKey: string): Promise<void> {
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    try {
      const snapshot = await this.options.client.query(id, apiKey, controller.signal);
      if (!controller.signal.aborted) {
        this.onAnswer(id, snapshot);
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        this.onFailure(id, error, apiKey);
      }
    } finally {
      if (this.inFlight.get(id) === controller) {
        this.inFlight.delete(id);
      }
      this.afterSettled();
    }
  }

  private afterSettled(): void {
    if (this.disposed) {
      return;
    }
    try {
      this.reconsider();
    } catch (error) {
      this.options.log.error(`Scheduling failed: ${errorMessage(error)}`);
    }
    if (this.inFlight.size === 0) {
      void this.options.store.persist();
    }
  }

  private onAnswer(id: string, snapshot: TaskSnapshot): void {
    this.options.store.recordSnapshot(id, snapshot);
    const task = this.options.store.get(id);
    if (task === undefined) {
      this.plan.forget(id);
      return;
    }
    const now = this.clock.now();
    this.plan.answered(id, now, needsPolling(task) ? now + nextCheckDelay(task, snapshot, now, this.interval()) : undefined);
  }

  private onFailure(id: string, error: unknown, apiKey: string): void {
    const apiError = isApiError(error) ? error : new ApiError('badResponse', errorMessage(error));
    if (!isApiError(error)) {
      this.options.log.error(error instanceof Error ? error : `Unexpected failure: ${errorMessage(error)}`);
    }
    const now = this.clock.now();
    if (!this.options.store.get(id)) {
      this.plan.forget(id);
      return;
    }
    if (apiError.kind === 'auth' || apiError.kind === 'config' || apiError.kind === 'noRoute') {
      this.plan.planBy(id, now);
      // A key changed while this request was in flight gets its own chance.
      const current = this.options.apiKey();
      if (apiError.kind !== 'auth' || ('key' in current && current.key === apiKey)) {
        // No such endpoint is the gateway's answer for every task: one pause and one message, like a bad setting.
        this.options.lease.setPause({ reason: apiError.kind === 'auth' ? 'auth' : 'config', message: apiError.message });
      }
      return;
    }
    this.options.store.recordProblem(id, { kind: apiError.kind, message: apiError.message, at: now });
    const task = this.options.store.get(id);
    if (!task || !needsPolling(task)) {
      return;
    }
    const retryAfter = apiError.details.retryAfterMs ?? 0;
    this.plan.failed(id, now, this.interval(), retryAfter, this.random);
    if (apiError.kind === 'rateLimited') {
      // The limit is per key, not per task and not per window: every task in every window waits.
      this.options.lease.holdFor(now + Math.max(retryAfter, this.interval()));
    }
  }

  private interval(): number {
    return this.options.settings().intervalMs * (this.focused ? 1 : UNFOCUSED_FACTOR);
  }

  private announce(pause: PollerPause | undefined): void {
    if (pause === undefined) {
      this.announced = undefined;
    } else if (this.owner && !samePause(pause, this.announced)) {
      this.announced = pause;
      this.announceEmitter.fire(pause);
    }
  }

  private setPause(pause: PollerPause | undefined): void {
    if (samePause(this.pause, pause)) {
      return;
    }
    this.pause = pause;
    if (pause) {
      this.options.log.warn(`Polling paused: ${pause.message}`);
    }
    this.pauseEmitter.fire(pause);
  }
}
