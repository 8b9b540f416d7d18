import * as fs from 'node:fs';
import * as path from 'node:path';
import { DisposableStore } from '../disposableStore';
import { errorMessage, type Logger } from '../log';
import type { Disposable } from './events';
import { PollerLease } from './pollerLease';
import { SharedFile } from './sharedFile';
import { TaskFile, type LegacyState } from './taskFile';
import { TaskStore } from './taskStore';

/** What every window of the profile shares through the extension's global storage folder. */
export interface SharedFolder extends Disposable {
  readonly store: TaskStore;
  readonly lease: PollerLease;
  readonly rawAnswersFolder: string;
  readonly videosFolder: string;
}

/**
 * Opens the tasks (`tasks.json`) and the polling lease (`poller.json`) in
 * `folder`, and keeps this window's copies in step with the other windows'
 * writes. See the README's design notes.
 */
export function openSharedFolder(folder: string, legacy: LegacyState, intervalMs: () => number, log: Logger): SharedFolder {
  // Made without blocking activation: writes wait for it, and the watches start once it is there.
  const created = fs.promises.mkdir(folder, { recursive: true }).then(
    () => undefined,
    (error: unknown) => {
      // Tasks are then kept in memory only; every failed write says so in the log.
      log.error(`Could not create the extension's storage folder: ${errorMessage(error)}`);
    },
  );
  const taskFile = new SharedFile(path.join(folder, 'tasks.json'), log, created);
  const leaseFile = new SharedFile(path.join(folder, 'poller.json'), log, created);
  const store = new TaskStore(new TaskFile(taskFile, legacy), log);
  // Unique among the extension hosts sharing the folder, which all run on this machine.
  const lease = new PollerLease({ file: leaseFile, windowId: `${process.pid}-${Date.now().toString(36)}`, intervalMs, log });
  const disposables = new DisposableStore();
  disposables.add(lease);
  disposables.add(store);
  let closed = false;
  void created.then(() => {
    if (closed) {
      return;
    }
    const onTasksWritten = (): void => store.sync();
    const onLeaseWritten = (): void => lease.reread();
    disposables.add(taskFile.watch(onTasksWritten));
    disposables.add(leaseFile.watch(onLeaseWritten));
    // Another window may have written before the watches began.
    if (taskFile.changedSinceSeen()) {
      onTasksWritten();
    }
    if (leaseFile.changedSinceSeen()) {
      onLeaseWritten();
    }
  });
  return {
    store,
    lease,
    rawAnswersFolder: path.join(folder, 'answers'),
    videosFolder: path.join(folder, 'videos'),
    dispose: () => {
      closed = true;
      disposables.dispose();
    },
  };
}
