import { l10n } from 'vscode';
import { field, isObject, stringField } from './fields';

const MAX_MESSAGE_LENGTH = 300;

/** What an error body says, if anything readable: a gateway's JSON message, or an HTML page's title. */
export function describeErrorBody(text: string, contentType: string | undefined): string | undefined {
  const json = tryParseJson(text);
  if (json !== undefined) {
    return messageFromJson(json);
  }
  if (looksLikeHtml(text, contentType)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    const cleaned = title === undefined ? '' : clean(title);
    return cleaned === '' ? l10n.t('an HTML error page (probably from a proxy or CDN)') : l10n.t('an HTML page: “{0}”', cleaned);
  }
  const cleaned = clean(text);
  return cleaned === '' ? undefined : cleaned;
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
  return (contentType ?? '').includes('text/html') || /^\s*<(!doctype|html)/i.test(text);
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
    stringField(json, 'code');
  return message === undefined ? undefined : clean(message);
}

/** One line of plain text, control characters removed, short enough for a notification. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > MAX_MESSAGE_LENGTH ? `${line.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : line;
}
