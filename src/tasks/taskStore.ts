import { isTerminal } from '../api/status';
import type { TaskSnapshot } from '../api/taskSnapshot';
import { errorMessage, type Logger } from '../log';
import { Emitter, type Disposable } from './events';
import { restoreTasks, serializeTasks } from './persistence';
import { mergeTask } from './taskMerge';
import { isTerminalTask, type TaskOrigin, type TaskProblem, type TrackedTask } from './trackedTask';

/** Where tracked tasks are kept between sessions: `tasks.json`, which every window shares (see `TaskFile`); memory in tests. */
export interface TaskStorage {
  read(): unknown;
  write(value: unknown): PromiseLike<void>;
  /** False when nobody else wrote since this store last read or wrote: a merge can skip reading and parsing it all. */
  changedSinceSeen?(): boolean;
}

export interface TaskChange {
  /** Tasks whose state changed, or that were added or removed. */
  readonly ids: readonly string[];
  /** True when tasks were added or removed, not only updated. */
  readonly membership: boolean;
}

/**
 * The most tasks tracked at once. Ids arrive from pastes, files and links
 * that someone else wrote; without a ceiling, twenty links of 500 ids made
 * 10,000 tasks and 10,000 requests.
 */
export const MAX_TRACKED_TASKS = 2000;

/** What {@link TaskStore.add} did with the ids it was given. */
export interface AddResult {
  readonly added: string[];
  readonly existing: string[];
  /** New ids not tracked because they would pass {@link MAX_TRACKED_TASKS}; none or all of the new ones. */
  readonly overLimit: number;
}

/** A task the store saw go from unfinished to finished (not one restored or added finished). */
export interface TaskFinished {
  readonly task: TrackedTask;
}

/** A removal is remembered this long, so a window that slept through it cannot bring the task back. */
export const REMOVAL_MEMORY_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The one owner of tracked tasks. Everything else reads from it and listens
 * to {@link onDidChange}. Writes to storage happen only in {@link persist},
 * which the scheduler calls once per sweep and user actions call once each.
 * Every window of a profile shares the storage, so each write first merges
 * what is stored now (see {@link mergeStored}).
 */
export class TaskStore implements Disposable {
  private readonly restoredTasks = new Map<string, TrackedTask>();
  private restored = false;
  /** Removed ids and when: this window's and those read from storage. */
  private readonly removed = new Map<string, number>();
  private readonly changeEmitter = new Emitter<TaskChange>();
  private readonly finishEmitter = new Emitter<TaskFinished>();
  private dirty = false;

  readonly onDidChange = this.changeEmitter.event;
  readonly onDidFinish = this.finishEmitter.event;

  constructor(
    private readonly storage: TaskStorage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.tasks.size;
  }

  get(id: string): TrackedTask | undefined {
    return this.tasks.get(id);
  }

  all(): readonly TrackedTask[] {
    return [...this.tasks.values()];
  }

  /**
   * Tracks new ids; ids already tracked are reported back, not duplicated.
   * All of the new ids are tracked, or none when they would pass the limit.
   * `origin` is given by the create flow, for the one task it created.
   */
  add(ids: readonly string[], origin: TaskOrigin = {}): AddResult {
    const existing = ids.filter((id) => this.tasks.has(id));
    const fresh = [...new Set(ids.filter((id) => !this.tasks.has(id)))];
    if (this.tasks.size + fresh.length > MAX_TRACKED_TASKS) {
      return { added: [], existing, overLimit: fresh.length };
    }
    for (const id of fresh) {
      this.tasks.set(id, { id, addedAt: this.now(), changedAt: this.now(), ...origin });
      this.removed.delete(id);
    }
    if (fresh.length > 0) {
      this.changed(fresh, true);
      void this.persist();
    }
    return { added: fresh, existing, overLimit: 0 };
  }

  remove(ids: readonly string[]): string[] {
    const removed = ids.filter((id) => this.tasks.delete(id));
    for (const id of removed) {
      this.removed.set(id, this.now());
    }
    if (removed.length > 0) {
      this.changed(removed, true);
      void this.persist();
    }
    return removed;
  }

  /** Gives a task a friendly name, or takes it away with an empty one. */
  rename(id: string, label: string): void {
    const task = this.tasks.get(id);
    const trimmed = label.trim();
    if (!task || (task.label ?? '') === trimmed) {
      return;
    }
    const { label: _previous, labelAt: _previousAt, ...rest } = task;
    const labelAt = this.after(task.labelAt);
    this.tasks.set(id, trimmed === '' ? { ...rest, labelAt } : { ...rest, label: trimmed, labelAt });
    this.changed([id], false);
    void this.persist();
  }

  /** Records a successful query. Clears any earlier problem. */
  recordSnapshot(id: string, snapshot: TaskSnapshot): void {
    const task = this.tasks.get(id);
    if (!task) {
      return;
    }
    const wasFinished = isTerminalTask(task);
    const hadSnapshot = task.snapshot !== undefined;
    const news = task.problem !== undefined || !sameSnapshot(task.snapshot, snapshot);
    const moved = task.snapshot?.status !== snapshot.status || task.snapshot.progress !== snapshot.progress;
    const finishing = hadSnapshot && !wasFinished && isTerminal(snapshot.status);
    // Everything but the last answer and problem stays: the name (and when it was given), the copy, where the task came from.
    const { snapshot: _previous, problem: _problem, checkedAt: _checkedAt, changedAt: _changedAt, ...kept } = task;
    const updated: TrackedTask = {
      ...kept,
      ...(moved ? { movedAt: this.now() } : {}),
      ...(finishing ? { finishedAt: this.now() } : {}),
      snapshot,
      checkedAt: this.now(),
      // Only news moves the task's time: the same answer again must not outrank another window's change.
      changedAt: news ? this.after(task.changedAt) : task.changedAt,
    };
    this.tasks.set(id, updated);
    this.dirty = true;
    if (news) {
      this.changed([id], false);
    }
    if (finishing) {
      this.finishEmitter.fire({ task: updated });
    }
  }

  /** Records that the task's video is kept in global storage, under `file`, `bytes` long. */
  recordLocalVideo(id: string, file: string, bytes: number): void {
    const task = this.tasks.get(id);
    if (!task || (task.localVideo === file && task.localVideoBytes === bytes)) {
      return;
    }
    this.tasks.set(id, { ...task, localVideo: file, localVideoBytes: bytes, changedAt: this.after(task.changedAt) });
    this.changed([id], false);
    void this.persist();
  }

  /** Records a failed query. The last good snapshot stays: a finished task never regresses to an error. */
  recordProblem(id: string, problem: TaskProblem): void {
    const task = this.tasks.get(id);
    if (!task) {
      return;
    }
    const same = task.problem?.kind === problem.kind && task.problem.message === problem.message;
    this.tasks.set(id, { ...task, checkedAt: problem.at, problem, changedAt: same ? task.changedAt : this.after(task.changedAt) });
    this.dirty = true;
    if (!same) {
      this.changed([id], false);
    }
  }

  /**
   * Another window wrote the storage: folds its changes in (listeners hear of
   * them), and writes back at once if the storage lacks something this window
   * has — two windows that wrote at the same moment both end up with both.
   */
  sync(): void {
    if (!this.restored) {
      return; // The first read will find the file as the other window left it.
    }
    if (this.mergeStored()) {
      this.dirty = true;
      void this.persist();
    }
  }

  /** Writes the tasks if anything changed since the last write. */
  async persist(): Promise<void> {
    if (!this.dirty) {
      return;
    }
    this.dirty = false;
    try {
      this.mergeStored();
      await this.storage.write(serializeTasks(this.tasks.values(), this.removed));
    } catch (error) {
      this.dirty = true;
      this.log.error(`Could not save tracked tasks: ${errorMessage(error)}`);
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.finishEmitter.dispose();
  }

  /**
   * Folds in what other windows stored since this one read: tasks they
   * tracked or changed more recently, and their removals. A removal holds
   * against any later answer from a window that had not heard of it; only
   * tracking the id again (a newer `addedAt`) brings a task back. Listeners
   * hear of what this changed here, as of any other change. Returns whether
   * the storage lacks something this window knows.
   */
  private mergeStored(): boolean {
    this.restoreOnce();
    if (this.storage.changedSinceSeen?.() === false) {
      // The usual case at the end of a sweep: one `stat` instead of reading and parsing every task again.
      return false;
    }
    const stored = restoreTasks(this.storage.read());
    const now = this.now();
    let storageBehind = false;
    for (const [id, at] of stored.removed) {
      if (at > (this.removed.get(id) ?? 0)) {
        this.removed.set(id, at);
      }
    }
    const arrived: string[] = [];
    const updated: string[] = [];
    const storedIds = new Set<string>();
    for (const task of stored.tasks) {
      storedIds.add(task.id);
      const local = this.tasks.get(task.id);
      if (local === undefined) {
        if (task.addedAt > (this.removed.get(task.id) ?? -Infinity)) {
          this.tasks.set(task.id, task);
          arrived.push(task.id);
        }
      } else {
        storageBehind ||= mergeTask(task, local) !== task;
        const merged = mergeTask(local, task);
        if (merged !== local) {
          this.tasks.set(task.id, merged);
          updated.push(task.id);
        }
      }
    }
    const gone: string[] = [];
    for (const [id, at] of this.removed) {
      const task = this.tasks.get(id);
      if (task !== undefined && task.addedAt <= at) {
        this.tasks.delete(id);
        gone.push(id);
      } else if (task !== undefined || now - at > REMOVAL_MEMORY_MS) {
        this.removed.delete(id);
      }
    }
    for (const id of this.tasks.keys()) {
      storageBehind ||= !storedIds.has(id);
    }
    for (const [id, at] of this.removed) {
      storageBehind ||= at > (stored.removed.get(id) ?? 0);
    }
    if (arrived.length > 0 || gone.length > 0) {
      this.changeEmitter.fire({ ids: [...arrived, ...gone], membership: true });
    }
    if (updated.length > 0) {
      this.changeEmitter.fire({ ids: updated, membership: false });
    }
    return storageBehind;
  }

  /**
   * The time of a change that follows one made at `previous`: now, but never
   * the same millisecond, so a window's later change always wins the merge
   * against its own earlier one.
   */
  private after(previous: number | undefined): number {
    return Math.max(this.now(), (previous ?? 0) + 1);
  }

  /**
   * The tasks, read from storage on first use rather than at construction:
   * reading and checking 1,500 stored tasks took tens of milliseconds, and
   * the store is built while VS Code waits for `activate` to return.
   */
  private get tasks(): Map<string, TrackedTask> {
    this.restoreOnce();
    return this.restoredTasks;
  }

  /** Reads the stored tasks and removals, the first time anything needs them. */
  private restoreOnce(): void {
    if (this.restored) {
      return;
    }
    this.restored = true;
    const { tasks, removed, dropped } = restoreTasks(this.storage.read());
    for (const task of tasks) {
      this.restoredTasks.set(task.id, task);
    }
    for (const [id, at] of removed) {
      this.removed.set(id, at);
    }
    if (dropped > 0) {
      this.log.warn(`Dropped ${dropped} unreadable task entries from stored state.`);
    }
  }

  private changed(ids: readonly string[], membership: boolean): void {
    this.dirty = true;
    this.changeEmitter.fire({ ids, membership });
  }
}

function sameSnapshot(a: TaskSnapshot | undefined, b: TaskSnapshot): boolean {
  if (a === undefined) {
    return false;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TaskSnapshot>;
  for (const key of keys) {
    if (a[key] !== b[key]) {
      return false;
    }
  }
  return true;
}
