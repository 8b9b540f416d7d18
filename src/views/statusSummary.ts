import { l10n } from '../l10n';
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

/** `stalled`: the ids of unfinished tasks that seem stuck (see `StallWatch`); they are listed first. */
export function summarizeTasks(tasks: readonly TrackedTask[], stalled: readonly string[] = []): StatusSummary | undefined {
  if (tasks.length === 0) {
    return undefined;
  }
  const stalledIds = new Set(stalled);
  const isStalled = (task: TrackedTask): boolean => stalledIds.has(task.id);
  const running = tasks.filter(needsPolling).sort((a, b) => Number(isStalled(b)) - Number(isStalled(a)));
  const listed = running.length > 0 ? running : tasks;
  const count = (n: number): string => (n === 1 ? l10n.t('1 video') : l10n.t('{0} videos', n));
  const lines = listed
    .slice(0, MAX_LISTED)
    .map((task) => l10n.t('{0}: {1}', truncate(task.id, 60), isStalled(task) ? l10n.t('{0}, stalled', statusLabel(task)) : statusLabel(task)));
  if (listed.length > MAX_LISTED) {
    lines.push(l10n.t('…and {0} more', listed.length - MAX_LISTED));
  }
  if (running.length === 0) {
    return { text: `$(check) ${count(tasks.length)}`, lines: [l10n.t('All {0} finished', count(tasks.length)), ...lines] };
  }
  const stuck = running.filter(isStalled).length;
  return stuck === 0
    ? { text: `$(sync~spin) ${count(running.length)}`, lines: [l10n.t('{0} in progress', count(running.length)), ...lines] }
    : {
        text: `$(sync~spin) ${count(running.length)} $(warning) ${stuck}`,
        lines: [l10n.t('{0} in progress, {1} stalled', count(running.length), stuck), ...lines],
      };
}
