import type { ApiErrorKind } from '../api/errors';
import { epochMs, field, isObject, numberField, stringField, withoutUndefined, type JsonObject } from '../api/fields';
import { normalizeStatus } from '../api/status';
import type { TaskSnapshot } from '../api/taskSnapshot';
import { localVideoName } from './contentCopies';
import type { TaskProblem, TrackedTask } from './trackedTask';

/** Longest friendly name kept for a task. */
export const MAX_LABEL_LENGTH = 100;

/** Bump when the stored shape changes, and teach {@link restoreTasks} the old one. */
const STORAGE_VERSION = 1;

export interface StoredTasks {
  readonly version: number;
  readonly tasks: readonly TrackedTask[];
}

export function serializeTasks(tasks: Iterable<TrackedTask>): StoredTasks {
  return { version: STORAGE_VERSION, tasks: [...tasks] };
}

/**
 * Reads what {@link serializeTasks} wrote, checking every field: stored state
 * may be from another version or damaged, and a bad entry must not take the
 * others with it. Returns the tasks kept and how many entries were dropped.
 */
export function restoreTasks(stored: unknown): { tasks: TrackedTask[]; dropped: number } {
  const entries = isObject(stored) && Array.isArray(field(stored, 'tasks')) ? (field(stored, 'tasks') as unknown[]) : [];
  const tasks: TrackedTask[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const task = isObject(entry) ? restoreTask(entry) : undefined;
    if (task && !seen.has(task.id)) {
      seen.add(task.id);
      tasks.push(task);
    }
  }
  return { tasks, dropped: entries.length - tasks.length };
}

function restoreTask(entry: JsonObject): TrackedTask | undefined {
  const id = stringField(entry, 'id');
  const addedAt = numberField(entry, 'addedAt');
  if (id === undefined || addedAt === undefined) {
    return undefined;
  }
  const snapshot = field(entry, 'snapshot');
  const problem = field(entry, 'problem');
  return withoutUndefined({
    id,
    label: stringField(entry, 'label')?.slice(0, MAX_LABEL_LENGTH),
    addedAt,
    snapshot: isObject(snapshot) ? restoreSnapshot(snapshot) : undefined,
    checkedAt: numberField(entry, 'checkedAt'),
    problem: isObject(problem) ? restoreProblem(problem) : undefined,
    // Only the name the extension gives a copy: stored state never points the preview at another file.
    localVideo: stringField(entry, 'localVideo') === localVideoName(id) ? localVideoName(id) : undefined,
  });
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
