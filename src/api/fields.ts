/**
 * Readers for fields of untrusted JSON. They look at own properties only, so
 * keys like `__proto__` or `constructor` in a response are plain data, and
 * they never turn an object into "[object Object]".
 */

/** Longest string kept from any API field; the rest of a hostile 1 MB string is dropped. */
export const MAX_FIELD_LENGTH = 20_000;

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** A non-empty string (numbers are accepted and printed), cut with an ellipsis at {@link MAX_FIELD_LENGTH}. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = field(object, key);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    return undefined;
  }
  return trimmed.length > MAX_FIELD_LENGTH ? `${trimmed.slice(0, MAX_FIELD_LENGTH - 1)}…` : trimmed;
}

/** A finite number, also from a numeric string such as `"42"`. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = field(object, key);
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : undefined;
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/**
 * Epoch milliseconds from a timestamp in seconds or milliseconds (decided by
 * magnitude: below 1e11 is seconds), a numeric string, or an ISO date string.
 */
export function timeField(object: JsonObject, key: string): number | undefined {
  const numeric = numberField(object, key);
  if (numeric !== undefined) {
    return epochMs(numeric < 1e11 ? numeric * 1000 : numeric);
  }
  const text = stringField(object, key);
  return text === undefined ? undefined : epochMs(Date.parse(text));
}

/** The latest time a `Date` can hold (year 275760); past it, `toISOString()` throws. */
const MAX_DATE_MS = 8.64e15;

/** `ms` if it is a time a `Date` can show (after 1970, before year 275760), else undefined: `1e20` is no time at all. */
export function epochMs(ms: number | undefined): number | undefined {
  return ms !== undefined && ms > 0 && ms <= MAX_DATE_MS ? ms : undefined;
}

/** Drops keys whose value is undefined, so parsed and restored objects are equal and small. */
export function withoutUndefined<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as T;
}
