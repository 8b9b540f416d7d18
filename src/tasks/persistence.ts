import type { ApiErrorKind } from '../api/errors';
import { epochMs, field, isObject, numberField, stringField, withoutUndefined, type JsonObject } from '../api/fields';
import { normalizeStatus } from '../api/status';
import { checkTaskId } from '../api/taskId';
import type { TaskSnapshot } from '../api/taskSnapshot';
import { localVideoName } from './contentCopies';
import type { TaskProblem, TrackedTask } from './trackedTask';

/** Longest friendly name kept for a task. */
export const MAX_LABEL_LENGTH = 100;

/**
 * Bump when the stored shape changes, and teach {@link restoreTasks} the old
 * one. 2 added `removed` and each task's `changedAt`, so several windows can
 * merge their lists; 1 (0.6) reads as a list with no removals.
 */
const STORAGE_VERSION = 2;

export interface StoredTasks {
  readonly version: number;
  readonly tasks: readonly TrackedTask[];
  /** When each recently removed id was removed, so a window that still has it cannot bring it back. */
  readonly removed: Readonly<Record<string, number>>;
}

export function serializeTasks(tasks: Iterable<TrackedTask>, removed: ReadonlyMap<string, number> = new Map()): StoredTasks {
  return { version: STORAGE_VERSION, tasks: [...tasks], removed: Object.fromEntries(removed) };
}

/**
 * Reads what {@link serializeTasks} wrote, checking every field: stored state
 * may be from another version or damaged, and a bad entry must not take the
 * others with it. Returns the tasks kept and how many entries were dropped.
 */
export function restoreTasks(stored: unknown): { tasks: TrackedTask[]; removed: Map<string, number>; dropped: number } {
  const entries = isObject(stored) && Array.isArray(field(stored, 'tasks')) ? (field(stored, 'tasks') as unknown[]) : [];
  const removals = isObject(stored) ? field(stored, 'removed') : undefined;
  const removed = new Map<string, number>();
  for (const [id, at] of isObject(removals) ? Object.entries(removals) : []) {
    if (typeof at === 'number' && epochMs(at) !== undefined) {
      removed.set(id, at);
    }
  }
  const tasks: TrackedTask[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const task = isObject(entry) ? restoreTask(entry) : undefined;
    if (task && !seen.has(task.id)) {
      seen.add(task.id);
      tasks.push(task);
    }
  }
  return { tasks, removed, dropped: entries.length - tasks.length };
}

function restoreTask(entry: JsonObject): TrackedTask | undefined {
  const id = stringField(entry, 'id');
  const addedAt = numberField(entry, 'addedAt');
  if (id === undefined || addedAt === undefined) {
    return undefined;
  }
  const snapshot = field(entry, 'snapshot');
  const problem = field(entry, 'problem');
  const from = stringField(entry, 'from');
  const request = field(entry, 'request');
  return withoutUndefined({
    id,
    label: stringField(entry, 'label')?.slice(0, MAX_LABEL_LENGTH),
    addedAt,
    snapshot: isObject(snapshot) ? restoreSnapshot(snapshot) : undefined,
    checkedAt: numberField(entry, 'checkedAt'),
    problem: isObject(problem) ? restoreProblem(problem) : undefined,
    // Only the name the extension gives a copy: stored state never points the preview at another file.
    localVideo: stringField(entry, 'localVideo') === localVideoName(id) ? localVideoName(id) : undefined,
    localVideoBytes: storedBytes(entry, id),
    changedAt: epochMs(numberField(entry, 'changedAt')),
    labelAt: epochMs(numberField(entry, 'labelAt')),
    // Kept as stored; Generate Again checks it like any request from outside before offering it.
    request: isObject(request) ? request : undefined,
    from: from !== undefined && from !== id && checkTaskId(from) === undefined ? from : undefined,
    movedAt: epochMs(numberField(entry, 'movedAt')),
    finishedAt: epochMs(numberField(entry, 'finishedAt')),
  });
}

/** A copy's size, only beside a copy, and only a size a file can have. */
function storedBytes(entry: JsonObject, id: string): number | undefined {
  const bytes = numberField(entry, 'localVideoBytes');
  return stringField(entry, 'localVideo') === localVideoName(id) && bytes !== undefined && Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : undefined;
}

function restoreSnapshot(stored: JsonObject): TaskSnapshot | undefined {
  const rawStatus = stringField(stored, 'rawStatus');
  if (rawStatus === undefined) {
    return undefined;
  }
  return withoutUndefined({
    serverId: stringField(stored, 'serverId'),
    rawStatus,
    // Recomputed so a newer status table applies to old state too.
    status: normalizeStatus(rawStatus),
    progress: numberField(stored, 'progress'),
    videoUrl: stringField(stored, 'videoUrl'),
    thumbnailUrl: stringField(stored, 'thumbnailUrl'),
    enhancedPrompt: stringField(stored, 'enhancedPrompt'),
    prompt: stringField(stored, 'prompt'),
    model: stringField(stored, 'model'),
    ratio: stringField(stored, 'ratio'),
    error: stringField(stored, 'error'),
    createdAt: epochMs(numberField(stored, 'createdAt')),
    updatedAt: epochMs(numberField(stored, 'updatedAt')),
    completedAt: epochMs(numberField(stored, 'completedAt')),
    expiresAt: epochMs(numberField(stored, 'expiresAt')),
  });
}

const PROBLEM_KINDS: readonly ApiErrorKind[] = [
  'auth',
  'notFound',
  'rateLimited',
  'unavailable',
  'rejected',
  'network',
  'timeout',
  'badResponse',
  'config',
];

function restoreProblem(stored: JsonObject): TaskProblem | undefined {
  const kind = PROBLEM_KINDS.find((known) => known === field(stored, 'kind'));
  const message = stringField(stored, 'message');
  const at = numberField(stored, 'at');
  return kind && message !== undefined && at !== undefined ? { kind, message, at } : undefined;
}
