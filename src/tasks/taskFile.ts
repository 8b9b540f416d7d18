import type { SharedFile } from './sharedFile';
import type { TaskStorage } from './taskStore';

/** The part of VS Code's `Memento` that held the tasks before 0.9. */
export interface LegacyState {
  get(key: string): unknown;
  update(key: string, value: undefined): PromiseLike<void>;
}

/** Where 0.6 to 0.8 kept the tracked tasks. */
const LEGACY_KEY = 'anyapiVideo.tasks';

/**
 * The tracked tasks, in `tasks.json` in the extension's global storage
 * folder, which every window of the profile shares. Not in `globalState`:
 * that is one value per extension, written whole by each window, so a lease
 * renewal in one window could undo a task tracked in another, and it has no
 * change event. Until the first write, tasks kept in `globalState` by an
 * earlier version are read from there; after it they are removed there.
 */
export class TaskFile implements TaskStorage {
  constructor(
    private readonly file: SharedFile,
    private readonly legacy: LegacyState,
  ) {}

  read(): unknown {
    return this.file.read() ?? this.legacy.get(LEGACY_KEY);
  }

  async write(value: unknown): Promise<void> {
    await this.file.write(value);
    if (this.legacy.get(LEGACY_KEY) !== undefined) {
      await this.legacy.update(LEGACY_KEY, undefined);
    }
  }
}
