import { l10n } from '../l10n';
import { field, isObject, stringField } from './fields';

const MAX_MESSAGE_LENGTH = 300;
/** An error page's `<title>` sits near its top; nothing past this is searched. */
const TITLE_SEARCH_LENGTH = 8 * 1024;

/** What an error body says, if anything readable: a gateway's JSON message, or an HTML page's title. */
export function describeErrorBody(text: string, contentType: string | undefined): string | undefined {
  const json = tryParseJson(text);
  if (json !== undefined) {
    return messageFromJson(json);
  }
  if (looksLikeHtml(text, contentType)) {
    const title = htmlTitle(text);
    const cleaned = title === undefined ? '' : clean(title);
    return cleaned === '' ? l10n.t('an HTML error page (probably from a proxy or CDN)') : l10n.t('an HTML page: “{0}”', cleaned);
  }
  const cleaned = clean(text.slice(0, TITLE_SEARCH_LENGTH));
  return cleaned === '' ? undefined : cleaned;
}

/**
 * The text of the first `<title>` element in the page's first few KiB. Found
 * with `indexOf`, not a regular expression: a hostile page of repeated
 * `<title` made the old pattern backtrack for minutes and froze the host.
 */
export function htmlTitle(page: string): string | undefined {
  const head = page.slice(0, TITLE_SEARCH_LENGTH).toLowerCase();
  const open = head.indexOf('<title');
  const openEnd = open === -1 ? -1 : head.indexOf('>', open);
  const close = openEnd === -1 ? -1 : head.indexOf('</title', openEnd);
  return close === -1 ? undefined : page.slice(openEnd + 1, close);
}

/** The `code` of a JSON error body (e.g. `task_not_exist`), wherever the gateway put it. */
export function errorCodeFromBody(text: string): string | undefined {
  const json = tryParseJson(text);
  if (!isObject(json)) {
    return undefined;
  }
  const error = field(json, 'error');
  return stringField(json, 'code') ?? (isObject(error) ? stringField(error, 'code') : undefined);
}

export function looksLikeHtml(text: string, contentType: string | undefined): boolean {
  return (contentType ?? '').includes('text/html') || /^<(!doctype|html)/i.test(text.slice(0, 1024).trimStart());
}

export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageFromJson(json: unknown): string | undefined {
  if (!isObject(json)) {
    return undefined;
  }
  const error = field(json, 'error');
  const message =
    (isObject(error) ? stringField(error, 'message') : stringField(json, 'error')) ??
    stringField(json, 'message') ??
    stringField(json, 'msg') ??
    // FastAPI-style services (Luma): `{"detail": "Invalid API key is provided"}`.
    stringField(json, 'detail') ??
    stringField(json, 'code');
  return message === undefined ? undefined : clean(message);
}

/** One line of plain text, control characters removed, short enough for a notification. */
function clean(text: string): string {
  const line = text
    // Only the start can be shown; cleaning a whole 1 MiB body would be wasted work.
    .slice(0, MAX_MESSAGE_LENGTH * 4)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : line;
}
