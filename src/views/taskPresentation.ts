import { isTerminalTask, displayState, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { relativeTime } from './relativeTime';

/** Longest text from the API shown in one line of the tree. */
const MAX_INLINE = 60;

/** A task's state in words, as the tree, the preview and notifications say it. */
export function statusLabel(task: TrackedTask): string {
  const state = displayState(task);
  switch (state) {
    case 'checking':
      return 'Not checked yet';
    case 'queued':
      return 'Queued';
    case 'running':
      return 'Running';
    case 'succeeded':
      return task.snapshot?.videoUrl ? 'Ready' : 'Done, but no video URL';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
    case 'unknown':
      return `Status “${truncate(task.snapshot?.rawStatus ?? '', 30)}”`;
    case 'notFound':
      return 'Not found';
    case 'error':
      return 'Could not check';
  }
}

/** The tree item's description: status, progress, model, and how fresh the status is. */
export function describeTask(task: TrackedTask, now: number): string {
  const parts = [statusLabel(task)];
  const snapshot = task.snapshot;
  if (snapshot?.progress !== undefined && !isTerminalTask(task)) {
    parts.push(`${snapshot.progress}%`);
  }
  if (snapshot?.model) {
    parts.push(truncate(snapshot.model, 30));
  }
  const updatedAt = snapshot?.updatedAt ?? task.checkedAt;
  if (updatedAt !== undefined) {
    parts.push(`updated ${relativeTime(updatedAt, now)}`);
  }
  if (task.problem && snapshot && displayState(task) !== 'notFound') {
    parts.push('last check failed');
  }
  return parts.join(' · ');
}

/** Unfinished tasks first (they change), then the most recently tracked. */
export function compareTasks(a: TrackedTask, b: TrackedTask): number {
  const group = sortGroup(a) - sortGroup(b);
  return group !== 0 ? group : b.addedAt - a.addedAt;
}

export function sortGroup(task: TrackedTask): number {
  const state: DisplayState = displayState(task);
  return isTerminalTask(task) || state === 'notFound' ? 1 : 0;
}

/** Cuts text to one line of at most `max` characters, with an ellipsis when cut. */
export function truncate(text: string, max: number = MAX_INLINE): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Local date and time, e.g. for "completed" in tooltips and the preview. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString();
}
