import { parseBaseUrl } from '../api/baseUrl';
import { isClearTextRemote } from '../api/hosts';
import { l10n } from '../l10n';

/** Why the key may not be sent now. */
export interface KeyRefusal {
  readonly reason: 'noKey' | 'keyOrigin';
  readonly message: string;
  /** With `keyOrigin`: the gateway origin the key would be sent to. */
  readonly origin?: string;
  /** With `keyOrigin`: that origin is plain http off this machine, so the key would travel unencrypted. */
  readonly clearText?: boolean;
}

/** The key to send, or why none may be sent now. */
export type KeyLookup = { readonly key: string } | { readonly pause: KeyRefusal };

/**
 * The key is sent only to the origin it was given for: the one the user saw
 * when setting it, or allowed later by name. When the base URL points
 * anywhere else, nothing is sent until the user confirms; for a plain
 * `http://` gateway off this machine the question says "in clear text".
 */
export function lookUpKey(key: string | undefined, approvedOrigin: string | undefined, baseUrl: string): KeyLookup {
  if (key === undefined) {
    return { pause: { reason: 'noKey', message: l10n.t('No API key is set, so tasks are not checked.') } };
  }
  let url: URL;
  try {
    url = parseBaseUrl(baseUrl);
  } catch {
    // The request itself reports the bad setting; no key leaves with it.
    return { key };
  }
  const origin = url.origin;
  if (approvedOrigin === origin) {
    return { key };
  }
  const clearText = isClearTextRemote(url);
  const set = approvedOrigin ?? l10n.t('another gateway');
  const message = clearText
    ? l10n.t(
        'Your API key was set for {0}, but anyapiVideo.baseUrl is now {1}, which is not encrypted: the key would travel in clear text. Checks are paused until you allow it.',
        set,
        origin,
      )
    : l10n.t('Your API key was set for {0}, but anyapiVideo.baseUrl is now {1}. Checks are paused until you allow sending the key there.', set, origin);
  return { pause: { reason: 'keyOrigin', message, origin, clearText } };
}
