import { systemClock, type Clock } from './clock';
import { Emitter, type Disposable } from './events';
import { timingOf, typicalDurations, type TaskTiming } from './taskTimings';
import type { TaskStore } from './taskStore';
import { needsPolling } from './trackedTask';

/** How often the unfinished tasks are held against their models' typical times. */
export const STALL_CHECK_MS = 60_000;

/**
 * The one owner of "how long, and is it stuck": each model's typical time,
 * learned from the finished tasks in the store, and which unfinished tasks
 * are stalled now. An answer that says nothing new changes nothing in the
 * store, yet moves a task closer to stalled, so the watch looks again every
 * minute — only while some unfinished task has a model with a typical time;
 * with nothing to time there is no timer. Changes to the store are looked at
 * once per turn of the event loop, not once per task of a sweep.
 */
export class StallWatch implements Disposable {
  private typical: Map<string, number> | undefined;
  private stalledIds = new Set<string>();
  private handle: unknown;
  private soon: unknown;
  private readonly emitter = new Emitter<readonly string[]>();
  private readonly subscription: Disposable;

  /** Fires with the ids that became stalled or stopped being so. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly store: TaskStore,
    private readonly stallFactor: () => number,
    private readonly clock: Clock = systemClock,
  ) {
    this.subscription = store.onDidChange((change) => {
      const finished = change.ids.some((id) => {
        const task = store.get(id);
        return task !== undefined && !needsPolling(task);
      });
      if (change.membership || finished) {
        this.typical = undefined; // Tasks came, went or finished: the typical times may have moved.
      }
      this.soon ??= this.clock.setTimeout(() => {
        this.soon = undefined;
        this.check();
      }, 0);
    });
  }

  /** The task's estimate or stall, now; undefined without a typical time for its model. */
  timing(id: string): TaskTiming | undefined {
    const task = this.store.get(id);
    return task === undefined ? undefined : timingOf(task, this.typicalTimes(), this.clock.now(), this.stallFactor());
  }

  get stalled(): readonly string[] {
    return [...this.stalledIds];
  }

  /** Looks now (the store's first read, a setting that changed) and keeps looking while there is something to time. */
  check(): void {
    const typical = this.typicalTimes();
    const now = this.clock.now();
    const timed = this.store.all().filter((task) => task.snapshot?.model !== undefined && typical.has(task.snapshot.model) && needsPolling(task));
    const stalled = new Set(timed.filter((task) => timingOf(task, typical, now, this.stallFactor())?.kind === 'stalled').map((task) => task.id));
    const changed = [...stalled].filter((id) => !this.stalledIds.has(id)).concat([...this.stalledIds].filter((id) => !stalled.has(id)));
    this.stalledIds = stalled;
    this.stopTimer();
    if (timed.length > 0) {
      this.handle = this.clock.setTimeout(() => {
        this.handle = undefined;
        this.check();
      }, STALL_CHECK_MS);
    }
    if (changed.length > 0) {
      this.emitter.fire(changed);
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

  private typicalTimes(): Map<string, number> {
    return (this.typical ??= typicalDurations(this.store.all()));
  }

  private stopTimer(): void {
    if (this.handle !== undefined) {
      this.clock.clearTimeout(this.handle);
      this.handle = undefined;
    }
  }
}
