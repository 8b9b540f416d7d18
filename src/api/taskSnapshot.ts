import { l10n } from '../l10n';
import { ApiError } from './errors';
import { field, isObject, numberField, stringField, timeField, withoutUndefined, type JsonObject } from './fields';
import { isTerminal, normalizeStatus, type TaskStatus } from './status';
import { asHttpUrl, findVideoUrl } from './videoLocation';

/**
 * How a query answer is read, from the real gateway answers in
 * test/fixtures/gateways. The rules apply in this order, and an earlier one
 * is never overruled by a later one:
 *
 * 1. **The task** is the answer itself, or its `data`, or its `output` —
 *    the first that carries a status word (or a Veo-style `done` flag).
 *    `code`, `message` and `success` around it describe the HTTP call, not
 *    the task: a "success" wrapper can hold a failed task. No task in the
 *    answer (`data: null`, a list) is a bad answer, not a verdict.
 * 2. **The status word** is the task's own `status`, `state` or
 *    `task_status` (Sora-style gateways: `detail.status`), in any case, from
 *    any vocabulary in `status.ts`; a word nobody has listed stays `unknown`
 *    (shown raw, polled slowly), never guessed. An upstream provider's body
 *    nested inside (`data.data`, `pending_info`) never overrules it. A
 *    status word meaning "no such task" is read as a not-found answer.
 * 3. **Error fields do not make a failure**: only the status word does. A
 *    reason is read for failed and cancelled tasks only, where gateways put
 *    it — `error` (text or `.message`), `fail_reason`, `failure_reason`,
 *    `error_message`, `task_status_msg`, the task's `message`, `detail.*error*`
 *    — so an empty error object while running, `error: {code: 0}` on
 *    success or a stale error of an earlier retry is never shown.
 * 4. **The video** is read for succeeded tasks only (see `videoLocation.ts`):
 *    queued answers carry placeholder URLs, and inputs and thumbnails are
 *    never taken for it.
 * 5. **Progress** is a number, a numeric string or `"50%"` under `progress`,
 *    or a fraction under `detail.progress_pct`; it is clamped to 0–100. A
 *    failed task may say 100%; the status word still decides.
 * 6. **The id** the answer carries is kept as `serverId`; the task stays
 *    keyed by the id the user tracked.
 */

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
  /** Why a failed or cancelled task ended; never set for other states. */
  readonly error?: string;
  readonly createdAt?: number;
  readonly updatedAt?: number;
  readonly completedAt?: number;
  /** When the gateway says the video (its URL or its content) stops being available (`expires_at`). */
  readonly expiresAt?: number;
}

/** Status words that mean the gateway has no such task: the same as a 404. */
const NOT_FOUND_WORDS = new Set(['not_found', 'notfound', 'task_not_exist', 'task_not_found']);

/** Turns a parsed query response into a {@link TaskSnapshot}, or throws a `badResponse` (or `notFound`) {@link ApiError}. */
export function parseTaskSnapshot(body: unknown): TaskSnapshot {
  if (!isObject(body)) {
    throw new ApiError('badResponse', l10n.t('The gateway answered with something other than a task object.'));
  }
  const task = findTask(body);
  const rawStatus = task === undefined ? undefined : statusWord(task);
  if (task === undefined || rawStatus === undefined) {
    throw new ApiError('badResponse', l10n.t('The gateway answered without a task status.'));
  }
  if (NOT_FOUND_WORDS.has(rawStatus.toLowerCase())) {
    const said = stringField(task, 'message');
    throw new ApiError('notFound', said === undefined ? l10n.t('The gateway does not know this task id.') : l10n.t('The gateway does not know this task id: {0}', said));
  }
  const status = normalizeStatus(rawStatus);
  return withoutUndefined({
    // new-api's task records carry a numeric database `id` beside the real `task_id`.
    serverId: textField(task, 'id') ?? stringField(task, 'task_id') ?? stringField(task, 'id'),
    rawStatus,
    status,
    progress: readProgress(task),
    videoUrl: status === 'succeeded' ? findVideoUrl(task) : undefined,
    thumbnailUrl: asHttpUrl(field(task, 'thumbnail_url')),
    enhancedPrompt: stripCodeFence(stringField(task, 'enhanced_prompt')),
    prompt: stringField(task, 'prompt'),
    model: stringField(task, 'model'),
    ratio: stringField(task, 'ratio') ?? stringField(task, 'aspect_ratio'),
    error: isTerminal(status) && status !== 'succeeded' ? readReason(task) : undefined,
    createdAt: timeField(task, 'created_at'),
    updatedAt: timeField(task, 'status_update_time') ?? timeField(task, 'updated_at'),
    completedAt: timeField(task, 'completed_at') ?? timeField(task, 'finished_at') ?? timeField(task, 'finish_time'),
    expiresAt: expiry(task),
  });
}

/** The earliest `expires_at` that reads as a date: a duration (3600) would read as 1970 and hide the video as expired. */
const EARLIEST_EXPIRY = Date.UTC(2001, 0, 1);

/**
 * When the video stops being available: `expires_at` on the task, or on its
 * first output (`data[0]`, `output[0]`), where some gateways put the video
 * with its expiry. Never before the task was created.
 */
function expiry(task: JsonObject): number | undefined {
  const firsts = [field(task, 'data'), field(task, 'output')].map((list: unknown) => (Array.isArray(list) ? (list[0] as unknown) : undefined));
  const candidates = [task, ...firsts.filter(isObject)].map((object) => timeField(object, 'expires_at'));
  const expiresAt = candidates.find((time) => time !== undefined);
  const createdAt = timeField(task, 'created_at') ?? EARLIEST_EXPIRY;
  return expiresAt !== undefined && expiresAt >= Math.max(createdAt, EARLIEST_EXPIRY) ? expiresAt : undefined;
}

/**
 * Rule 1: the answer, its `data` or its `output`, whichever carries the
 * task's status. A wrapper may have a `status` of its own about the call
 * (`"success"`, `200`): when the answer names no task (`id`, `task_id`) and
 * an inner object has a status word, the inner one is the task.
 */
function findTask(body: JsonObject): JsonObject | undefined {
  const inner = [field(body, 'data'), field(body, 'output')].find((candidate): candidate is JsonObject => isObject(candidate) && statusWord(candidate) !== undefined);
  const namesTask = textField(body, 'id') !== undefined || textField(body, 'task_id') !== undefined;
  if (inner !== undefined && !namesTask) {
    return inner;
  }
  return statusWord(body) !== undefined ? body : inner;
}

/** Rule 2: the task's own status word; a Veo operation's `done` flag reads as `done` or `running`. */
function statusWord(task: JsonObject): string | undefined {
  const detail = field(task, 'detail');
  const word =
    textField(task, 'status') ?? textField(task, 'state') ?? textField(task, 'task_status') ?? (isObject(detail) ? textField(detail, 'status') : undefined);
  if (word !== undefined) {
    return word;
  }
  const done = field(task, 'done');
  if (typeof done === 'boolean') {
    // Go-style gateways send `"error": null` on success: only an actual error makes a done operation failed.
    return done ? (errorText(field(task, 'error')) === undefined ? 'done' : 'failed') : 'running';
  }
  return undefined;
}

/** A status word is text: a number such as `-1` or `200` there is no word anyone has defined. */
function textField(object: JsonObject, key: string): string | undefined {
  return typeof field(object, key) === 'string' ? stringField(object, key) : undefined;
}

/** Rule 5. */
function readProgress(task: JsonObject): number | undefined {
  const detail = field(task, 'detail');
  let progress = percentField(task, 'progress');
  if (progress === undefined && isObject(detail)) {
    const fraction = numberField(detail, 'progress_pct');
    // Sora-style backends report a fraction (0.42) here rather than a percentage.
    progress = fraction !== undefined && fraction <= 1 ? fraction * 100 : fraction;
  }
  return progress === undefined ? undefined : Math.round(Math.min(100, Math.max(0, progress)));
}

/** A number, a numeric string, or a percent string such as `"50%"`. */
function percentField(task: JsonObject, key: string): number | undefined {
  const value = field(task, key);
  if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*%\s*$/.test(value)) {
    return Number.parseFloat(value);
  }
  return numberField(task, key);
}

/** Rule 3: where real gateways put the reason of a failed or cancelled task. */
function readReason(task: JsonObject): string | undefined {
  const detail = field(task, 'detail');
  return (
    errorText(field(task, 'error')) ??
    nonUrlText(task, 'fail_reason') ??
    stringField(task, 'failure_reason') ??
    stringField(task, 'error_message') ??
    stringField(task, 'task_status_msg') ??
    notASuccessWord(stringField(task, 'message')) ??
    (isObject(detail) ? (errorText(field(detail, 'error')) ?? stringField(detail, 'error_message') ?? stringField(detail, 'failure_reason')) : undefined)
  );
}

/** An error as text: a string, or an object's `message` (or its `code`, when that is all there is). */
function errorText(error: unknown): string | undefined {
  if (typeof error === 'string') {
    return error.trim() === '' ? undefined : error.trim();
  }
  return isObject(error) ? (stringField(error, 'message') ?? textField(error, 'code')) : undefined;
}

/** A `message` of `"success"` or `"SUCCEED"` describes the call (Kling's raw bodies), not why a task failed. */
function notASuccessWord(text: string | undefined): string | undefined {
  return text !== undefined && /^(ok|success|succeed|succeeded)$/i.test(text) ? undefined : text;
}

/** Older new-api versions put the video URL in `fail_reason`; a URL is no reason. */
function nonUrlText(task: JsonObject, key: string): string | undefined {
  const text = stringField(task, key);
  return text === undefined || asHttpUrl(text) !== undefined ? undefined : text;
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
