import type { KeyLookup, KeyRefusal } from '../auth/keyLookup';

/**
 * A pause every window of the profile respects, whichever saw its cause: the
 * gateway rejected the key, or it does not serve the configured address.
 */
export interface SharedPause {
  readonly reason: 'auth' | 'config';
  readonly message: string;
}

/** Why nothing is polled right now; the tree shows it. */
export type PollerPause = KeyRefusal | SharedPause;

/**
 * The pause in force now, worked out afresh on every pass rather than kept:
 * a shared pause first (the gateway said so), then a key that may not be
 * sent — but only while there is something to poll, so an empty list never
 * complains about a missing key.
 */
export function currentPause(shared: SharedPause | undefined, lookup: KeyLookup, hasWork: boolean): PollerPause | undefined {
  if (shared !== undefined) {
    return shared;
  }
  return 'pause' in lookup && hasWork ? lookup.pause : undefined;
}

export function samePause(a: PollerPause | undefined, b: PollerPause | undefined): boolean {
  return a?.reason === b?.reason && a?.message === b?.message;
}
