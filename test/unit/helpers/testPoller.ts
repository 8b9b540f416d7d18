import type { KeyLookup } from '../../../src/auth/keyLookup';
import type { Clock } from '../../../src/tasks/clock';
import { Poller, type PollerOptions } from '../../../src/tasks/poller';
import type { PollerLease } from '../../../src/tasks/pollerLease';
import { MemoryLogger } from './fakes';
import { soloLease } from './soloLease';

/** What a test sets up a poller with; everything but the store, the client and the interval has a default. */
export interface TestPollerOptions extends Pick<PollerOptions, 'store' | 'client'> {
  readonly intervalMs: number;
  /** Queries at once; read on every pass, as the setting is. Default 4. */
  readonly maxConcurrent?: number | (() => number);
  /** The key, read on every pass; undefined means none is set. Default `'k'`. */
  readonly key?: () => string | undefined;
  /** The whole key lookup, for the pauses beyond "no key"; wins over `key`. */
  readonly apiKey?: () => KeyLookup;
  /** Default: the window is alone in its profile ({@link soloLease}). */
  readonly lease?: PollerLease;
  readonly log?: PollerOptions['log'];
  readonly clock?: Clock;
  readonly random?: () => number;
}

/** The one place tests build a {@link Poller}. */
export function testPoller(options: TestPollerOptions): Poller {
  const { maxConcurrent = 4, key = () => 'k' } = options;
  return new Poller({
    store: options.store,
    client: options.client,
    apiKey:
      options.apiKey ??
      (() => {
        const current = key();
        return current === undefined ? { pause: { reason: 'noKey', message: 'no key' } } : { key: current };
      }),
    settings: () => ({ intervalMs: options.intervalMs, maxConcurrent: typeof maxConcurrent === 'number' ? maxConcurrent : maxConcurrent() }),
    lease: options.lease ?? soloLease(options.intervalMs, options.clock),
    log: options.log ?? new MemoryLogger(),
    clock: options.clock,
    random: options.random,
  });
}
