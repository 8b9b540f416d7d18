import { l10n } from 'vscode';
import { parseBaseUrl } from '../api/baseUrl';
import type { PollerPause } from '../tasks/poller';

/** The key to send, or why none may be sent now. */
export type KeyLookup = { readonly key: string } | { readonly pause: PollerPause };

/**
 * The key is sent only to the origin it was given for. When the base URL
 * points somewhere else, nothing is sent until the user confirms.
 */
export function lookUpKey(key: string | undefined, approvedOrigin: string | undefined, baseUrl: string): KeyLookup {
  if (key === undefined) {
    return { pause: { reason: 'noKey', message: l10n.t('No API key is set, so tasks are not checked.') } };
  }
  let origin: string;
  try {
    origin = parseBaseUrl(baseUrl).origin;
  } catch {
    // The request itself reports the bad setting; no key leaves with it.
    return { key };
  }
  if (approvedOrigin !== undefined && approvedOrigin !== origin) {
    return {
      pause: {
        reason: 'keyOrigin',
        message: l10n.t(
          'Your API key was set for {0}, but anyapiVideo.baseUrl is now {1}. Checks are paused until you allow sending the key there.',
          approvedOrigin,
          origin,
        ),
        origin,
      },
    };
  }
  return { key };
}
