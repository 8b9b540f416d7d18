import type { TaskSnapshot } from '../api/taskSnapshot';
import { errorMessage, type Logger } from '../log';
import { Emitter, type Disposable } from './events';
import { restoreTasks, serializeTasks } from './persistence';
import { isTerminalTask, type TaskProblem, type TrackedTask } from './trackedTask';

/** Where tracked tasks are kept between sessions; `globalState` in VS Code, a plain object in tests. */
export interface TaskStorage {
  read(): unknown;
  write(value: unknown): PromiseLike<void>;
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

/**
 * The one owner of tracked tasks. Everything else reads from it and listens
 * to {@link onDidChange}. Writes to storage happen only in {@link persist},
 * which the scheduler calls once per sweep and user actions call once each.
 */
export class TaskStore implements Disposable {
  private readonly tasks = new Map<string, TrackedTask>();
  private readonly changeEmitter = new Emitter<TaskChange>();
  private readonly finishEmitter = new Emitter<TaskFinished>();
  private dirty = false;

  readonly onDidChange = this.changeEmitter.event;
  readonly onDidFinish = this.finishEmitter.event;

  constructor(
    private readonly storage: TaskStorage,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    const { tasks, dropped } = restoreTasks(storage.read());
    for (const task of tasks) {
      this.tasks.set(task.id, task);
    }
    if (dropped > 0) {
      this.log.warn(`Dropped ${dropped} unreadable task entries from stored state.`);
    }
  }

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
   */
  add(ids: readonly string[]): AddResult {
    const existing = ids.filter((id) => this.tasks.has(id));
    const fresh = [...new Set(ids.filter((id) => !this.tasks.has(id)))];
    if (this.tasks.size + fresh.length > MAX_TRACKED_TASKS) {
      return { added: [], existing, overLimit: fresh.length };
    }
    for (const id of fresh) {
      this.tasks.set(id, { id, addedAt: this.now() });
    }
    if (fresh.length > 0) {
      this.changed(fresh, true);
      void this.persist();
    }
    return { added: fresh, existing, overLimit: 0 };
  }

  remove(ids: readonly string[]): string[] {
    const removed = ids.filter((id) => this.tasks.delete(id));
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
    const { label: _previous, ...rest } = task;
    this.tasks.set(id, trimmed === '' ? rest : { ...rest, label: trimmed });
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
    const updated: TrackedTask = {
      id,
      ...(task.label === undefined ? {} : { label: task.label }),
      ...(task.localVideo === undefined ? {} : { localVideo: task.localVideo }),
      addedAt: task.addedAt,
      snapshot,
      checkedAt: this.now(),
    };
    this.tasks.set(id, updated);
    this.dirty = true;
    if (task.problem !== undefined || !sameSnapshot(task.snapshot, snapshot)) {
      this.changed([id], false);
    }
    if (hadSnapshot && !wasFinished && isTerminalTask(updated)) {
      this.finishEmitter.fire({ task: updated });
    }
  }

  /** Records that the task's video was fetched from the gateway into global storage, under `file`. */
  recordLocalVideo(id: string, file: string): void {
    const task = this.tasks.get(id);
    if (!task || task.localVideo === file) {
      return;
    }
    this.tasks.set(id, { ...task, localVideo: file });
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
    this.tasks.set(id, { ...task, checkedAt: problem.at, problem });
    this.dirty = true;
    if (!same) {
      this.changed([id], false);
    }
  }

  /** Writes the tasks if anything changed since the last write. */
  async persist(): Promise<void> {
    if (!this.dirty) {
      return;
    }
    this.dirty = false;
    try {
      await this.storage.write(serializeTasks(this.tasks.values()));
    } catch (error) {
      this.dirty = true;
      this.log.error(`Could not save tracked tasks: ${errorMessage(error)}`);
    }
  }

  dispose(): void {
    this.changeEmitter.dispose();
    this.finishEmitter.dispose();
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
