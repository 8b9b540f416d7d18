import { Poller } from '../../../src/tasks/poller';
import type { TaskStore } from '../../../src/tasks/taskStore';
import type { FakeClock } from './fakeClock';
import { MemoryLogger, type ManualClient } from './fakes';
import { soloLease } from './soloLease';

/** A poller with a key, on a fake clock, asking a {@link ManualClient}: the set-up most scheduler tests share. */
export function manualPoller(store: TaskStore, client: ManualClient, clock: FakeClock, options: { intervalMs: number; maxConcurrent?: number }): Poller {
  return new Poller({
    store,
    client,
    apiKey: () => ({ key: 'k' }),
    settings: () => ({ intervalMs: options.intervalMs, maxConcurrent: options.maxConcurrent ?? 4 }),
    lease: soloLease(options.intervalMs, clock),
    log: new MemoryLogger(),
    clock,
  });
}
