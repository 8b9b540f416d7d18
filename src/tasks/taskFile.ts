import type { SharedFile } from './sharedFile';
import type { TaskStorage } from './taskStore';

/** The part of VS Code's `Memento` that held the tasks before 0.9. */
export interface LegacyState {
  get(key: string): unknown;
}

/** Where 0.6 to 0.8 kept the tracked tasks. */
const LEGACY_KEY = 'anyapiVideo.tasks';

/**
 * The tracked tasks, in `tasks.json` in the extension's global storage
 * folder, which every window of the profile shares. Not in `globalState`:
 * that is one value per extension, written whole by each window, so a write
 * of another key in one window could undo a task tracked in another, and it
 * has no change event. Until this folder has its first `tasks.json`, the
 * tasks an earlier version kept in `globalState` are read from there. They
 * are left there: `globalState` follows the profile to every machine, while
 * this folder is per machine (a remote window's is on the remote), so each
 * place starts from them once.
 */
export class TaskFile implements TaskStorage {
  constructor(
    private readonly file: SharedFile,
    private readonly legacy: LegacyState,
  ) {}

  read(): unknown {
    return this.file.read() ?? this.legacy.get(LEGACY_KEY);
  }

  write(value: unknown): Promise<void> {
    return this.file.write(value);
  }

  changedSinceSeen(): boolean {
    return this.file.changedSinceSeen();
  }
}
