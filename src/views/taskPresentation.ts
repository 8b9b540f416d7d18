import { displayLanguage, l10n } from '../l10n';
import type { TaskTiming } from '../tasks/taskTimings';
import { displayState, hasPlayableVideo, isTerminalTask, type DisplayState, type TrackedTask } from '../tasks/trackedTask';
import { duration, relativeTime } from './relativeTime';

/** Longest text from the API shown in one line of the tree. */
const MAX_INLINE = 60;

/** A task's state in words, as the tree, the preview and notifications say it. */
export function statusLabel(task: TrackedTask): string {
  const state = displayState(task);
  if (state === 'succeeded' && !hasPlayableVideo(task)) {
    return l10n.t('Done, but no video URL');
  }
  return state === 'unknown' ? l10n.t('Status “{0}”', truncate(task.snapshot?.rawStatus ?? '', 30)) : stateLabel(state);
}

/** A display state in words; on its own (a status group's name) an unknown status has no word of its own. */
export function stateLabel(state: DisplayState): string {
  switch (state) {
    case 'checking':
      return l10n.t('Not checked yet');
    case 'queued':
      return l10n.t('Queued');
    case 'running':
      return l10n.t('Running');
    case 'succeeded':
      return l10n.t('Ready');
    case 'failed':
      return l10n.t('Failed');
    case 'cancelled':
      return l10n.t('Cancelled');
    case 'unknown':
      return l10n.t('Unknown status');
    case 'notFound':
      return l10n.t('Not found');
    case 'error':
      return l10n.t('Could not check');
  }
}

/** A codicon and the theme colour it is drawn in. */
export interface TaskIcon {
  readonly id: string;
  readonly color?: string;
}

/** Exported for the preview's build, which must ship every one of these (see scripts/codiconSprite.js). */
export const STATUS_ICONS: Readonly<Record<DisplayState, TaskIcon>> = {
  checking: { id: 'clock' },
  queued: { id: 'clock' },
  running: { id: 'sync~spin' },
  succeeded: { id: 'pass', color: 'testing.iconPassed' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  cancelled: { id: 'circle-slash' },
  unknown: { id: 'warning', color: 'list.warningForeground' },
  notFound: { id: 'error', color: 'list.errorForeground' },
  error: { id: 'warning', color: 'list.warningForeground' },
};

/** The task's icon: never a spinner for a task that will not change on its own, nor for one that seems stuck. */
export function taskIcon(task: TrackedTask, timing?: TaskTiming): TaskIcon {
  if (timing?.kind === 'stalled') {
    return STATUS_ICONS.unknown;
  }
  const state = displayState(task);
  return state === 'succeeded' && !hasPlayableVideo(task) ? STATUS_ICONS.unknown : STATUS_ICONS[state];
}

/** The tree item's description: status, progress, how long is left or how long it is stuck, model, and how fresh the status is. */
export function describeTask(task: TrackedTask, now: number, timing?: TaskTiming): string {
  const parts = [statusLabel(task)];
  const snapshot = task.snapshot;
  if (snapshot?.progress !== undefined && !isTerminalTask(task)) {
    parts.push(`${snapshot.progress}%`);
  }
  const timed = timingText(timing);
  if (timed !== undefined) {
    parts.push(timed);
  }
  if (snapshot?.model) {
    parts.push(truncate(snapshot.model, 30));
  }
  const expiry = expiryText(task, now);
  if (expiry !== undefined) {
    parts.push(expiry);
  }
  const updatedAt = snapshot?.updatedAt ?? task.checkedAt;
  if (updatedAt !== undefined) {
    parts.push(l10n.t('updated {0}', relativeTime(updatedAt, now)));
  }
  if (task.problem && snapshot && displayState(task) !== 'notFound') {
    parts.push(l10n.t('last check failed'));
  }
  return parts.join(' · ');
}

/** "about 2 min left", "taking longer than usual", "stalled: no change for 45 min". */
export function timingText(timing: TaskTiming | undefined): string | undefined {
  switch (timing?.kind) {
    case 'estimate':
      return l10n.t('about {0} left', duration(timing.remainingMs));
    case 'overdue':
      return l10n.t('taking longer than usual');
    case 'stalled':
      return l10n.t('stalled: no change for {0}', duration(timing.stillForMs));
    case undefined:
      return undefined;
  }
}

/**
 * "link expires in 3 h" or "link expired", for a video whose link the gateway
 * said would expire (`expires_at`) and that has no copy kept here.
 */
export function expiryText(task: TrackedTask, now: number): string | undefined {
  const expiresAt = task.snapshot?.expiresAt;
  if (expiresAt === undefined || task.localVideo !== undefined || !hasPlayableVideo(task)) {
    return undefined;
  }
  return expiresAt <= now ? l10n.t('link expired') : l10n.t('link expires in {0}', duration(expiresAt - now));
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

/** Labelled lines of the tooltip, each cut to a readable length; `sourceName` names the task this one was generated again from. */
export function tooltipLines(task: TrackedTask, sourceName?: string): [label: string, value: string][] {
  const snapshot = task.snapshot;
  const time = (epochMs: number | undefined): string | undefined => (epochMs === undefined ? undefined : formatTime(epochMs));
  const lines: [string, string | undefined, number][] = [
    [l10n.t('Name'), task.label, 100],
    [l10n.t('Task'), task.id, 200],
    [l10n.t('Status'), statusLabel(task), 80],
    [l10n.t('Server id'), snapshot?.serverId !== task.id ? snapshot?.serverId : undefined, 200],
    [l10n.t('Prompt'), snapshot?.prompt ?? snapshot?.enhancedPrompt, 300],
    [l10n.t('Model'), snapshot?.model, 80],
    [l10n.t('Ratio'), snapshot?.ratio, 80],
    [l10n.t('Progress'), snapshot?.progress === undefined ? undefined : `${snapshot.progress}%`, 80],
    [l10n.t('Created'), time(snapshot?.createdAt), 80],
    [l10n.t('Updated'), time(snapshot?.updatedAt), 80],
    [l10n.t('Completed'), time(snapshot?.completedAt), 80],
    [l10n.t('Link expires'), time(snapshot?.expiresAt), 80],
    [l10n.t('Tracked since'), formatTime(task.addedAt), 80],
    [l10n.t('Generated again from'), sourceName, 100],
    [l10n.t('Reason'), snapshot?.error, 300],
    [l10n.t('Last check failed'), task.problem?.message, 300],
  ];
  return lines
    .filter((line): line is [string, string, number] => line[1] !== undefined && line[1] !== '')
    .map(([label, value, max]) => [label, truncate(value, max)]);
}

/**
 * Cuts text to one line of at most `max` characters, with an ellipsis when
 * cut. Control and bidirectional-override characters are dropped, so API
 * text cannot break the line or make itself read backwards.
 */
export function truncate(text: string, max: number = MAX_INLINE): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Date and time in VS Code's display language, e.g. for "completed" in tooltips and the preview. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(displayLanguage());
}
