import { l10n } from '../l10n';
import type { Logger } from '../log';
import { parseBaseUrl } from './baseUrl';
import { LazyDispatcher } from './dispatcher';
import { describeErrorBody, errorCodeFromBody, looksLikeHtml } from './errorBody';
import { ApiError } from './errors';
import { field, isObject, stringField } from './fields';
import type { ProxySettings } from './proxySettings';
import { parseRetryAfter } from './retryAfter';
import { checkTaskId } from './taskId';
import { parseTaskSnapshot, type TaskSnapshot } from './taskSnapshot';

/** Bodies above this are refused: a task status is a few kilobytes at most. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HttpSettings {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly proxy: ProxySettings;
}

/** The body of `POST /v1/video/create`: `model` and `prompt`, plus what the model takes. */
export interface CreateVideoRequest {
  readonly model: string;
  readonly prompt: string;
  readonly aspect_ratio?: string;
  readonly size?: string;
  readonly images?: readonly string[];
  readonly enhance_prompt?: boolean;
  readonly enable_upsample?: boolean;
  readonly duration?: number;
  readonly orientation?: string;
}

/** Anything that can query a task; the scheduler depends on this, not on HTTP. */
export interface TaskQueryClient {
  query(taskId: string, apiKey: string, signal?: AbortSignal): Promise<TaskSnapshot>;
}

interface RawResponse {
  readonly origin: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly retryAfter: string | undefined;
  readonly text: string;
}

/** A query's answer as it arrived, for Show Raw Response; `apiKey` is what was sent, so it can be kept out of what is stored. */
export type AnswerListener = (taskId: string, httpStatus: number, text: string, apiKey: string) => void;

/** The unified video API over undici, with one keep-alive dispatcher. */
export class VideoApiClient implements TaskQueryClient {
  private readonly dispatcher = new LazyDispatcher();

  constructor(
    private readonly settings: () => HttpSettings,
    private readonly log: Logger,
    private readonly onAnswer?: AnswerListener,
  ) {}

  async query(taskId: string, apiKey: string, signal?: AbortSignal): Promise<TaskSnapshot> {
    const url = new URL('/v1/video/query', parseBaseUrl(this.settings().baseUrl));
    url.searchParams.set('id', taskId);
    const response = await this.send('GET', url, apiKey, undefined, signal, taskId);
    return parseTaskSnapshot(parseJsonBody(response));
  }

  /** `POST /v1/video/create`; resolves with the id to track. */
  async create(request: CreateVideoRequest, apiKey: string, signal?: AbortSignal): Promise<string> {
    const url = new URL('/v1/video/create', parseBaseUrl(this.settings().baseUrl));
    const response = await this.send('POST', url, apiKey, JSON.stringify(request), signal);
    const id = createdTaskId(parseJsonBody(response));
    if (id === undefined) {
      throw new ApiError('badResponse', l10n.t('The gateway accepted the request but sent no task id back.'), { httpStatus: response.status });
    }
    // The id is shown in notifications and links later: it passes the same check as a typed one.
    if (checkTaskId(id) !== undefined) {
      throw new ApiError('badResponse', l10n.t('The gateway accepted the request but sent back something that is not a task id.'), {
        httpStatus: response.status,
      });
    }
    return id;
  }

  dispose(): void {
    this.dispatcher.dispose();
  }

  private async send(
    method: 'GET' | 'POST',
    url: URL,
    apiKey: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
    taskId?: string,
  ): Promise<RawResponse> {
    const { timeoutMs, proxy } = this.settings();
    const { undici, dispatcher } = await this.dispatcher.get(proxy, url);
    const timeout = AbortSignal.timeout(timeoutMs);
    const started = Date.now();
    const where = `${method} ${url.pathname}${url.search}`;
    let response: RawResponse;
    try {
      const { statusCode, headers, body: responseBody } = await undici.request(url, {
        method,
        body,
        dispatcher,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        headers: {
          authorization: `Bearer ${apiKey}`,
          accept: 'application/json',
          'content-type': 'application/json',
        },
      });
      response = {
        origin: url.origin,
        status: statusCode,
        contentType: headerValue(headers['content-type']),
        retryAfter: headerValue(headers['retry-after']),
        text: await readCapped(responseBody),
      };
    } catch (error) {
      const failure = toApiError(error, timeout.aborted, timeoutMs, url);
      this.log.warn(`${where} failed after ${Date.now() - started} ms: ${failure.message}${causeOf(error)}`);
      throw failure;
    }
    this.log.info(`${where} ${response.status} ${Date.now() - started} ms`);
    if (taskId !== undefined) {
      this.onAnswer?.(taskId, response.status, response.text, apiKey);
    }
    throwForStatus(response);
    return response;
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      body.destroy();
      throw new ApiError('badResponse', l10n.t('The gateway sent more than {0} MiB for one task; it was ignored.', MAX_BODY_BYTES / 1024 / 1024));
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function throwForStatus(response: RawResponse): void {
  const { status } = response;
  if (status >= 200 && status < 300) {
    if (errorCodeFromBody(response.text) === 'task_not_exist') {
      throw new ApiError('notFound', l10n.t('The gateway does not know this task id.'), { httpStatus: status });
    }
    return;
  }
  const said = describeErrorBody(response.text, response.contentType);
  const suffix = said === undefined ? '' : `: ${said}`;
  const details = { httpStatus: status, retryAfterMs: parseRetryAfter(response.retryAfter, Date.now()) };
  if (status === 401 || status === 403) {
    throw new ApiError('auth', l10n.t('The gateway rejected the API key (HTTP {0}){1}', status, suffix), details);
  }
  if (status === 404 && isMissingRoute(response, said)) {
    throw new ApiError(
      'noRoute',
      l10n.t('The gateway at {0} does not serve this request (HTTP {1}){2}. Check anyapiVideo.baseUrl: it should be the origin of a gateway with the unified video API.', response.origin, status, suffix),
      details,
    );
  }
  if (status === 404 || errorCodeFromBody(response.text) === 'task_not_exist') {
    throw new ApiError('notFound', l10n.t('The gateway does not know this task id (HTTP {0}){1}', status, suffix), details);
  }
  if (status === 429) {
    throw new ApiError('rateLimited', l10n.t('The gateway is rate limiting requests (HTTP 429){0}', suffix), details);
  }
  if (status >= 500) {
    throw new ApiError('unavailable', l10n.t('The gateway had an error (HTTP {0}){1}', status, suffix), details);
  }
  if (status >= 300 && status < 400) {
    // Redirects are not followed: the key must not travel to another origin.
    throw new ApiError('rejected', l10n.t('The gateway redirected the request (HTTP {0}); check anyapiVideo.baseUrl.', status), details);
  }
  throw new ApiError('rejected', l10n.t('The gateway refused the request (HTTP {0}){1}', status, suffix), details);
}

/**
 * A 404 that is about the path, not the task: new-api's `Invalid URL (GET
 * /v1/video/query)`, FastAPI's bare `Not Found`, Express's `Cannot GET
 * /v1/video/query`, or a web server's HTML page (a gateway's task answers
 * are JSON).
 */
function isMissingRoute(response: RawResponse, said: string | undefined): boolean {
  return /^(Invalid URL \(|Cannot (GET|POST) \/|Not Found$)/.test(said ?? '') || looksLikeHtml(response.text, response.contentType);
}

function parseJsonBody(response: RawResponse): unknown {
  if (response.text.trim() === '') {
    throw new ApiError('badResponse', l10n.t('The gateway sent an empty answer.'), { httpStatus: response.status });
  }
  try {
    return JSON.parse(response.text);
  } catch {
    const what = looksLikeHtml(response.text, response.contentType)
      ? describeErrorBody(response.text, response.contentType)
      : l10n.t('a body that is not valid JSON (truncated or garbled)');
    throw new ApiError('badResponse', l10n.t('The gateway sent {0} instead of a task status.', what ?? ''), {
      httpStatus: response.status,
    });
  }
}

function createdTaskId(body: unknown): string | undefined {
  if (!isObject(body)) {
    return undefined;
  }
  const data = field(body, 'data');
  return stringField(body, 'id') ?? stringField(body, 'task_id') ?? (isObject(data) ? stringField(data, 'id') ?? stringField(data, 'task_id') : undefined);
}

function toApiError(error: unknown, timedOut: boolean, timeoutMs: number, url: URL): ApiError {
  if (error instanceof ApiError) {
    return error;
  }
  if (timedOut) {
    return new ApiError('timeout', l10n.t('The gateway did not answer within {0} s.', Math.round(timeoutMs / 1000)));
  }
  const code = errorCode(error);
  return new ApiError(
    'network',
    code
      ? l10n.t('Could not reach the gateway at {0} ({1}). Check the network, proxy settings and anyapiVideo.baseUrl.', url.origin, code)
      : l10n.t('Could not reach the gateway at {0}. Check the network, proxy settings and anyapiVideo.baseUrl.', url.origin),
  );
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR_')) {
      return code;
    }
    if (current.name === 'AbortError') {
      return 'aborted';
    }
    current = current.cause;
  }
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string'
    ? String((error as { code?: unknown }).code)
    : undefined;
}

function causeOf(error: unknown): string {
  return error instanceof Error && error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
