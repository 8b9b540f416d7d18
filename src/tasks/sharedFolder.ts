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
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (error) {
    // Tasks are then kept in memory only; every failed write says so in the log.
    log.error(`Could not create the extension's storage folder: ${errorMessage(error)}`);
  }
  const taskFile = new SharedFile(path.join(folder, 'tasks.json'), log);
  const leaseFile = new SharedFile(path.join(folder, 'poller.json'), log);
  const store = new TaskStore(new TaskFile(taskFile, legacy), log);
  // Unique among the extension hosts sharing the folder, which all run on this machine.
  const lease = new PollerLease({ file: leaseFile, windowId: `${process.pid}-${Date.now().toString(36)}`, intervalMs, log });
  const disposables = new DisposableStore();
  disposables.add(taskFile.watch(() => store.sync()));
  disposables.add(leaseFile.watch(() => lease.reread()));
  disposables.add(lease);
  disposables.add(store);
  return {
    store,
    lease,
    rawAnswersFolder: path.join(folder, 'answers'),
    videosFolder: path.join(folder, 'videos'),
    dispose: () => disposables.dispose(),
  };
}
