import type { Clock } from '../../../src/tasks/clock';
import { PollerLease } from '../../../src/tasks/pollerLease';
import { MemoryLogger, MemoryStorage } from './fakes';

/** The lease of a window alone in its profile: it polls from `start()` on when focused, at once after it when not. */
export function soloLease(intervalMs: number, clock?: Clock): PollerLease {
  return new PollerLease({ file: new MemoryStorage(), windowId: 'alone', intervalMs: () => intervalMs, log: new MemoryLogger(), clock, random: () => 0, settleMs: 0 });
}
