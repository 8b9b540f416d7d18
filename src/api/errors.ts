/**
 * What went wrong with a request, in the terms the scheduler and the user
 * care about: whether to retry, when, and what to do about it.
 */
export type ApiErrorKind =
  /** 401/403: the key is missing or wrong. Polling pauses until it changes. */
  | 'auth'
  /** 404 or `task_not_exist`: the gateway does not know this id. */
  | 'notFound'
  /** `404 Invalid URL (GET /v1/video/query)`: the gateway has no such endpoint at all, for any task. */
  | 'noRoute'
  /** 429: slow down, ideally until `retryAfterMs` has passed. */
  | 'rateLimited'
  /** 5xx, or a proxy error page: the gateway is having trouble. */
  | 'unavailable'
  /** Any other 4xx: the request itself was refused. */
  | 'rejected'
  /** Refused, reset or dropped connections, DNS failures. */
  | 'network'
  /** No complete answer within `requestTimeoutSeconds`. */
  | 'timeout'
  /** A 2xx whose body is not a task: HTML, truncated, oversized, not JSON. */
  | 'badResponse'
  /** The extension's settings make a request impossible (e.g. a bad base URL). */
  | 'config';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly details: { readonly httpStatus?: number; readonly retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Whether a failure is an {@link ApiError}. Each bundle (dist/client.js,
 * dist/features.js) holds its own copy of the class, so `instanceof` would
 * miss an error thrown by another: it is recognized by its name and kind.
 */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof Error && error.name === 'ApiError' && typeof (error as Partial<ApiError>).kind === 'string';
}
