import { systemClock, type Clock } from './clock';
import { Emitter, type Disposable } from './events';
import type { TaskStore } from './taskStore';
import { canKeepCopy } from './trackedTask';

/** How long before a link stops working the user hears of it. */
export const EXPIRY_WARNING_MS = 60 * 60_000;
/**
 * The longest single wait: timers stop while the machine sleeps, so the watch
 * looks again meanwhile — every 5 minutes once a warning is less than an hour
 * away, so a laptop that wakes just before it still warns in time.
 */
const LONGEST_WAIT_MS = 60 * 60_000;
const LONGEST_WAIT_NEAR_MS = 5 * 60_000;

/**
 * The one owner of "whose link is about to stop working": finished tasks
 * without a kept copy whose gateway-given `expiresAt` is less than
 * {@link EXPIRY_WARNING_MS} away. It has one timer, for the next link to come
 * near its end or to end, and looks again when the store changes — once per
 * turn of the event loop, not once per task of a sweep — and when the window
 * gets the focus (a machine that slept).
 */
export class ExpiryWatch implements Disposable {
  /** The links near their end, by task id, with when each ends: a fresh link from the gateway is told of again. */
  private nearLinks = new Map<string, number>();
  private handle: unknown;
  private soon: unknown;
  private readonly emitter = new Emitter<readonly string[]>();
  private readonly subscription: Disposable;

  /** Fires with the tasks whose links came near their end since the last look. */
  readonly onDidComeNear = this.emitter.event;

  constructor(
    private readonly store: TaskStore,
    private readonly clock: Clock = systemClock,
  ) {
    this.subscription = store.onDidChange(() => {
      this.soon ??= this.clock.setTimeout(() => {
        this.soon = undefined;
        this.check();
      }, 0);
    });
  }

  /** The tasks whose links stop working within the hour, with no copy kept. */
  get near(): readonly string[] {
    return [...this.nearLinks.keys()];
  }

  /** Looks now, and sets the one timer for the next link to come near its end. */
  check(): void {
    const now = this.clock.now();
    const expiring = this.store.all().flatMap((task) => {
      const expiresAt = task.snapshot?.expiresAt;
      return expiresAt !== undefined && canKeepCopy(task, now) ? [{ id: task.id, warnAt: expiresAt - EXPIRY_WARNING_MS, expiresAt }] : [];
    });
    const near = new Map(expiring.filter((task) => task.warnAt <= now).map((task) => [task.id, task.expiresAt]));
    const fresh = [...near].filter(([id, expiresAt]) => this.nearLinks.get(id) !== expiresAt).map(([id]) => id);
    this.nearLinks = near;
    this.stopTimer();
    // The next change: a link coming near its end, or one near it ending.
    const next = Math.min(...expiring.map((task) => (task.warnAt > now ? task.warnAt : task.expiresAt)));
    if (Number.isFinite(next)) {
      this.handle = this.clock.setTimeout(() => {
        this.handle = undefined;
        this.check();
      }, Math.min(next - now, next - now < LONGEST_WAIT_MS ? LONGEST_WAIT_NEAR_MS : LONGEST_WAIT_MS));
    }
    if (fresh.length > 0) {
      this.emitter.fire(fresh);
    }
  }

  dispose(): void {
    this.stopTimer();
    if (this.soon !== undefined) {
      this.clock.clearTimeout(this.soon);
      this.soon = undefined;
    }
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private stopTimer(): void {
    if (this.handle !== undefined) {
      this.clock.clearTimeout(this.handle);
      this.handle = undefined;
    }
  }
}
