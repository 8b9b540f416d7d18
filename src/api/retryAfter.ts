/** Longest wait we accept from a server; anything beyond is likely a mistake. */
const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Parses a `Retry-After` header (delay in seconds, or an HTTP date) into
 * milliseconds from `now`. Returns undefined when absent or unreadable.
 */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) {
    return undefined;
  }
  const value = header.trim();
  if (value === '') {
    return undefined;
  }
  let delayMs: number;
  if (/^\d+(\.\d+)?$/.test(value)) {
    delayMs = Number(value) * 1000;
  } else {
    // An HTTP date always has a day or month name; this keeps "-5" from parsing as a year.
    const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(date)) {
      return undefined;
    }
    delayMs = date - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(delayMs)));
}
