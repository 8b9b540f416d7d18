import type { TrackedTask } from './trackedTask';

/** A task's name where it is shown: the label the user gave it, else its id. */
export function taskName(task: TrackedTask): string {
  return task.label ?? task.id;
}

/** One end of a "generated again" link, as the tooltip and the preview name it. */
export interface RelatedTask {
  readonly id: string;
  readonly name: string;
  /** Whether it is still tracked (a removed source is named by its id only). */
  readonly tracked: boolean;
}

/** The task `task` was generated again from, if any. */
export function sourceOf(task: TrackedTask, get: (id: string) => TrackedTask | undefined): RelatedTask | undefined {
  if (task.from === undefined) {
    return undefined;
  }
  const source = get(task.from);
  return { id: task.from, name: source === undefined ? task.from : taskName(source), tracked: source !== undefined };
}

/** The tracked tasks generated again from `id`, oldest first. */
export function generatedFrom(id: string, all: readonly TrackedTask[]): RelatedTask[] {
  return all
    .filter((task) => task.from === id)
    .sort((a, b) => a.addedAt - b.addedAt)
    .map((task) => ({ id: task.id, name: taskName(task), tracked: true }));
}
