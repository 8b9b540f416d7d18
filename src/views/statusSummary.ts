import { needsPolling, type TrackedTask } from '../tasks/trackedTask';
import { statusLabel, truncate } from './taskPresentation';

/** At most this many tasks are listed in the status bar's tooltip. */
const MAX_LISTED = 10;

/** What the status bar item shows: nothing when no task is tracked. */
export interface StatusSummary {
  /** With a codicon: `$(sync~spin) 2 videos` while any runs, `$(check) 5 videos` when all are done. */
  readonly text: string;
  /** One line per unfinished task (or per task, when all are done), then how many more. */
  readonly lines: readonly string[];
}

export function summarizeTasks(tasks: readonly TrackedTask[]): StatusSummary | undefined {
  if (tasks.length === 0) {
    return undefined;
  }
  const running = tasks.filter(needsPolling);
  const listed = running.length > 0 ? running : tasks;
  const count = (n: number): string => (n === 1 ? '1 video' : `${n} videos`);
  const lines = listed.slice(0, MAX_LISTED).map((task) => `${truncate(task.id, 60)}: ${statusLabel(task)}`);
  if (listed.length > MAX_LISTED) {
    lines.push(`…and ${listed.length - MAX_LISTED} more`);
  }
  return running.length > 0
    ? { text: `$(sync~spin) ${count(running.length)}`, lines: [`${count(running.length)} in progress`, ...lines] }
    : { text: `$(check) ${count(tasks.length)}`, lines: [`All ${count(tasks.length)} finished`, ...lines] };
}
