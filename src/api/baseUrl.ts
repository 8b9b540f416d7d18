import { l10n } from '../l10n';
import { ApiError } from './errors';

/** `anyapiVideo.baseUrl`'s default (package.json says the same): AnyAPI's own gateway. */
export const DEFAULT_BASE_URL = 'https://www.anyapi.vip';

/**
 * The gateway origin from the `anyapiVideo.baseUrl` setting. Only an http(s)
 * origin is accepted: a path or query would silently change which endpoint
 * receives the API key.
 */
export function parseBaseUrl(raw: string): URL {
  const text = raw.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(raw, l10n.t('it is not a URL'));
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(raw, l10n.t('it must start with https:// (or http://)'));
  }
  if (url.username !== '' || url.password !== '') {
    throw invalid(raw, l10n.t('it must not contain a user name or password'));
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw invalid(raw, l10n.t('it must be an origin only, without a path or query'));
  }
  return url;
}

function invalid(raw: string, reason: string): ApiError {
  const shown = raw.length > 100 ? `${raw.slice(0, 99)}…` : raw;
  return new ApiError('config', l10n.t('The setting anyapiVideo.baseUrl (“{0}”) is invalid: {1}.', shown, reason));
}
