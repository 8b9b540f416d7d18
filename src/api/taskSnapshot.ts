import { l10n } from 'vscode';
import { ApiError } from './errors';
import { field, isObject, numberField, stringField, timeField, withoutUndefined, type JsonObject } from './fields';
import { normalizeStatus, type TaskStatus } from './status';

/** What one query told us about a task, normalized across backends. Times are epoch milliseconds. */
export interface TaskSnapshot {
  /** The id the server reports; may differ from the one queried (prefix added or dropped). */
  readonly serverId?: string;
  readonly rawStatus: string;
  readonly status: TaskStatus;
  /** 0–100 when the backend reports it. */
  readonly progress?: number;
  readonly videoUrl?: string;
  readonly thumbnailUrl?: string;
  /** With any Markdown code fence around it removed. */
  readonly enhancedPrompt?: string;
  readonly prompt?: string;
  readonly model?: string;
  readonly ratio?: string;
  /** The first non-empty failure reason the backend gave. */
  readonly error?: string;
  readonly createdAt?: number;
  readonly updatedAt?: number;
  readonly completedAt?: number;
}

/** Turns a parsed query response into a {@link TaskSnapshot}, or throws a `badResponse` {@link ApiError}. */
export function parseTaskSnapshot(body: unknown): TaskSnapshot {
  const task = unwrap(body);
  const rawStatus = stringField(task, 'status') ?? stringField(task, 'state');
  if (rawStatus === undefined) {
    throw new ApiError('badResponse', l10n.t('The gateway answered without a task status.'));
  }
  return withoutUndefined({
    serverId: stringField(task, 'id') ?? stringField(task, 'task_id'),
    rawStatus,
    status: normalizeStatus(rawStatus),
    progress: readProgress(task),
    videoUrl: stringField(task, 'video_url'),
    thumbnailUrl: stringField(task, 'thumbnail_url'),
    enhancedPrompt: stripCodeFence(stringField(task, 'enhanced_prompt')),
    prompt: stringField(task, 'prompt'),
    model: stringField(task, 'model'),
    ratio: stringField(task, 'ratio') ?? stringField(task, 'aspect_ratio'),
    error: readError(task),
    createdAt: timeField(task, 'created_at'),
    updatedAt: timeField(task, 'status_update_time') ?? timeField(task, 'updated_at'),
    completedAt: timeField(task, 'completed_at'),
  });
}

/** Some gateways wrap the task in `{ data: {...} }`. */
function unwrap(body: unknown): JsonObject {
  if (!isObject(body)) {
    throw new ApiError('badResponse', l10n.t('The gateway answered with something other than a task object.'));
  }
  const data = field(body, 'data');
  if (field(body, 'status') === undefined && isObject(data)) {
    return data;
  }
  return body;
}

function readProgress(task: JsonObject): number | undefined {
  let progress = numberField(task, 'progress');
  if (progress === undefined) {
    const detail = field(task, 'detail');
    const pct = isObject(detail) ? numberField(detail, 'progress_pct') : undefined;
    // Sora-style backends report a fraction (0.42) here rather than a percentage.
    progress = pct !== undefined && pct <= 1 ? pct * 100 : pct;
  }
  if (progress === undefined) {
    return undefined;
  }
  return Math.round(Math.min(100, Math.max(0, progress)));
}

function readError(task: JsonObject): string | undefined {
  const error = field(task, 'error');
  if (isObject(error)) {
    const message = stringField(error, 'message') ?? stringField(error, 'code');
    if (message !== undefined) {
      return message;
    }
  }
  return (
    stringField(task, 'error') ??
    stringField(task, 'fail_reason') ??
    stringField(task, 'error_message') ??
    stringField(task, 'failure_reason')
  );
}

const FENCE = /^```[^\n]*\n([\s\S]*?)\n?```$/;

/** Removes the Markdown code fence some backends wrap the enhanced prompt in. */
export function stripCodeFence(text: string | undefined): string | undefined {
  if (text === undefined) {
    return undefined;
  }
  const inner = FENCE.exec(text)?.[1]?.trim() ?? text;
  return inner === '' ? undefined : inner;
}
