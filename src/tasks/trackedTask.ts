import type { ApiErrorKind } from '../api/errors';
import { isTerminal, type TaskStatus } from '../api/status';
import type { TaskSnapshot } from '../api/taskSnapshot';

/** The last failed attempt to query a task. It never replaces the last good snapshot. */
export interface TaskProblem {
  readonly kind: ApiErrorKind;
  readonly message: string;
  readonly at: number;
}

/** A task the user tracks, keyed by the id they entered. */
export interface TrackedTask {
  readonly id: string;
  /** A friendly name the user gave the task; shown instead of the id. */
  readonly label?: string;
  readonly addedAt: number;
  /** The last successful answer, if any. */
  readonly snapshot?: TaskSnapshot;
  readonly checkedAt?: number;
  readonly problem?: TaskProblem;
  /** When a window last changed the task's state (tracked, a new answer or problem, a copy); see `taskMerge.ts`. */
  readonly changedAt?: number;
  /** When the task was last renamed; merged on its own, see `taskMerge.ts`. */
  readonly labelAt?: number;
  /**
   * The file name, in the extension's global storage, of the task's video
   * kept here: fetched from the gateway's `/v1/videos/{id}/content` for a
   * task that finished without a URL (OpenAI-style video objects carry none),
   * or by Keep a Copy before the gateway's link expires.
   */
  readonly localVideo?: string;
  /** The size of that copy, when it was fetched by this version. */
  readonly localVideoBytes?: number;
  /**
   * What was sent to create this task, when it was created here: Generate
   * Again starts from it, and checks it again before use (see `requestToRepeat`).
   */
  readonly request?: object;
  /** The id of the task this one was generated again from. */
  readonly from?: string;
  /** When the gateway's answer last moved on: a new status or progress (see `taskTimings.ts`). */
  readonly movedAt?: number;
  /** When a window saw the task finish; absent for a task tracked once it had finished. */
  readonly finishedAt?: number;
}

/** Where a task created here came from: set once, when it is tracked. */
export type TaskOrigin = Pick<TrackedTask, 'request' | 'from'>;

/** How a task is shown: its status, or why it has none. */
export type DisplayState = TaskStatus | 'checking' | 'notFound' | 'error';

export function displayState(task: TrackedTask): DisplayState {
  if (task.problem?.kind === 'notFound' && !isTerminalTask(task)) {
    return 'notFound';
  }
  if (task.snapshot) {
    return task.snapshot.status;
  }
  return task.problem && task.problem.kind !== 'auth' && task.problem.kind !== 'config' ? 'error' : 'checking';
}

/** Finished for good: the scheduler leaves it alone unless the user asks. */
export function isTerminalTask(task: TrackedTask): boolean {
  return task.snapshot !== undefined && isTerminal(task.snapshot.status);
}

/** Whether the scheduler should keep querying this task on its own. */
export function needsPolling(task: TrackedTask): boolean {
  return !isTerminalTask(task) && task.problem?.kind !== 'notFound';
}

/** Whether Generate Again has a request or a model and prompt to start from (checked again when used). */
export function mayGenerateAgain(task: TrackedTask): boolean {
  return task.request !== undefined || (task.snapshot?.model !== undefined && task.snapshot.prompt !== undefined);
}

/**
 * Whether a copy of the task's video could be kept here now: it finished with
 * a link of its own, none is kept yet, and the gateway did not say the link
 * has expired.
 */
export function canKeepCopy(task: TrackedTask, now: number): boolean {
  const snapshot = task.snapshot;
  return snapshot?.status === 'succeeded' && snapshot.videoUrl !== undefined && task.localVideo === undefined && !(snapshot.expiresAt !== undefined && snapshot.expiresAt <= now);
}

/** Whether the gateway gave the task a video URL (it is vetted again before use). */
export function hasVideo(task: TrackedTask): boolean {
  return task.snapshot?.videoUrl !== undefined;
}

/** Whether the task's video can be played: from its URL, or from the copy fetched from the gateway. */
export function hasPlayableVideo(task: TrackedTask): boolean {
  return hasVideo(task) || task.localVideo !== undefined;
}
