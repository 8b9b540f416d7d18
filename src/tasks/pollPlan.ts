import { backoffDelay } from './backoff';
import type { TrackedTask } from './trackedTask';

/**
 * When each waiting task is next due. Synchronous and clock-free (the poller
 * passes the time in), so every rule here is a plain unit test: a task is
 * planned again only after its query settled, errors back off, and a shorter
 * interval brings waiting tasks forward.
 */
export class PollPlan {
  private readonly dueAt = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly lastSettledAt = new Map<string, number>();

  get size(): number {
    return this.dueAt.size;
  }

  has(id: string): boolean {
    return this.dueAt.has(id);
  }

  /** Plans a query at `at`, or sooner if one is already planned sooner. */
  planBy(id: string, at: number): void {
    this.dueAt.set(id, Math.min(at, this.dueAt.get(id) ?? Infinity));
  }

  /** Plans a query now and forgets earlier errors: the user asked, or the cause of a pause went away. */
  retryNow(id: string, now: number): void {
    this.dueAt.set(id, now);
    this.failures.delete(id);
  }

  /**
   * Starts over from the tasks' last checks, which the store shares: a window
   * taking polling over asks no sooner than the previous one would have.
   */
  resumeFrom(tasks: readonly TrackedTask[], now: number, intervalMs: number): void {
    this.clear();
    for (const task of tasks) {
      this.dueAt.set(task.id, Math.max(now, (task.checkedAt ?? 0) + intervalMs));
    }
  }

  /** Everything waiting is due now. */
  allNow(now: number): void {
    for (const id of this.dueAt.keys()) {
      this.dueAt.set(id, now);
    }
  }

  forget(id: string): void {
    this.dueAt.delete(id);
    this.failures.delete(id);
    this.lastSettledAt.delete(id);
  }

  clear(): void {
    this.dueAt.clear();
    this.failures.clear();
    this.lastSettledAt.clear();
  }

  /** Takes up to `limit` tasks that are due, the longest waiting first; they leave the plan until they settle. */
  take(now: number, limit: number): string[] {
    const ready = [...this.dueAt].filter(([, at]) => at <= now).sort((a, b) => a[1] - b[1]);
    const taken = ready.slice(0, Math.max(0, limit)).map(([id]) => id);
    for (const id of taken) {
      this.dueAt.delete(id);
    }
    return taken;
  }

  /** The earliest due time, if anything waits. */
  earliest(): number | undefined {
    let earliest: number | undefined;
    for (const at of this.dueAt.values()) {
      earliest = earliest === undefined ? at : Math.min(earliest, at);
    }
    return earliest;
  }

  /** A query settled with an answer; `nextAt` is when to ask again, if the task still needs it. */
  answered(id: string, now: number, nextAt: number | undefined): void {
    this.failures.delete(id);
    this.lastSettledAt.set(id, now);
    if (nextAt !== undefined) {
      this.dueAt.set(id, nextAt);
    }
  }

  /** A query failed; plans the retry with backoff (never sooner than `retryAfterMs`) and returns the delay. */
  failed(id: string, now: number, intervalMs: number, retryAfterMs: number, random: () => number): number {
    const failures = (this.failures.get(id) ?? 0) + 1;
    this.failures.set(id, failures);
    this.lastSettledAt.set(id, now);
    const delay = Math.max(retryAfterMs, backoffDelay(failures, intervalMs, random));
    this.dueAt.set(id, now + delay);
    return delay;
  }

  /** Brings due times planned under a longer interval forward to `intervalMs` after their last answer; backoffs stay. */
  tighten(intervalMs: number): void {
    for (const [id, at] of this.dueAt) {
      const settled = this.lastSettledAt.get(id);
      if (settled !== undefined && !this.failures.has(id)) {
        this.dueAt.set(id, Math.min(at, settled + intervalMs));
      }
    }
  }
}
