import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorMessage, type Logger } from '../log';
import type { Disposable } from './events';

/** Which version of the file a window last read or wrote: a rename always brings a new inode. */
interface FileIdentity {
  readonly ino: number;
  readonly mtimeMs: number;
  readonly size: number;
}

/** Changes arriving closer together than this are reported once. */
const SETTLE_MS = 30;

/**
 * A JSON file in the extension's global storage folder, which every window of
 * the profile shares. A write goes to a temporary file renamed over the old
 * one, so no reader ever sees half a file, and one window's writes land in
 * the order it made them. {@link watch} reports writes by other windows:
 * one directory watch, and a `stat` per change to skip this window's own.
 */
export class SharedFile {
  private seen: FileIdentity | undefined;
  private writes = 0;
  /** This window's writes not landed yet. */
  private pending = 0;
  private queue: Promise<void>;

  /** `folderReady` settles once the folder exists (or could not be made); writes wait for it. */
  constructor(
    readonly file: string,
    private readonly log: Logger,
    folderReady: Promise<void> = Promise.resolve(),
  ) {
    this.queue = folderReady;
  }

  /** The parsed content; undefined when there is no file yet or it cannot be read. */
  read(): unknown {
    let descriptor: number | undefined;
    try {
      descriptor = fs.openSync(this.file, 'r');
      this.seen = identity(fs.fstatSync(descriptor));
      return JSON.parse(fs.readFileSync(descriptor, 'utf8')) as unknown;
    } catch (error) {
      if (error instanceof SyntaxError && this.seen !== undefined) {
        this.setAside(error.message, this.seen);
      } else if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.log.warn(`Could not read ${path.basename(this.file)}: ${errorMessage(error)}`);
      }
      return undefined;
    } finally {
      if (descriptor !== undefined) {
        fs.closeSync(descriptor);
      }
    }
  }

  /** Replaces the content; rejects when the write failed (the old content stays whole). */
  write(value: unknown): Promise<void> {
    const text = JSON.stringify(value);
    const written = this.queue.then(() => this.replace(text));
    this.pending++;
    this.queue = written.then(
      () => void this.pending--,
      () => void this.pending--,
    );
    return written;
  }

  /** Whether a write of this window's is on its way: until it lands, the file is older than what this window wrote. */
  get writing(): boolean {
    return this.pending > 0;
  }

  /** The same, at once: for a window that is closing and may not live to see a promise settle. */
  writeNow(value: unknown): void {
    const temporary = this.temporaryName();
    try {
      const descriptor = fs.openSync(temporary, 'wx');
      try {
        fs.writeFileSync(descriptor, JSON.stringify(value), 'utf8');
        fs.fsyncSync(descriptor);
      } finally {
        fs.closeSync(descriptor);
      }
      const written = identity(fs.statSync(temporary));
      retrySync(() => fs.renameSync(temporary, this.file));
      this.seen = written;
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      this.log.warn(`Could not write ${path.basename(this.file)}: ${errorMessage(error)}`);
    }
  }

  /** Calls `listener` after another window wrote the file (this window's own writes are skipped). */
  watch(listener: () => void): Disposable {
    let timer: NodeJS.Timeout | undefined;
    const changed = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (this.changedSinceSeen()) {
          listener();
        }
      }, SETTLE_MS);
    };
    const name = path.basename(this.file);
    let watcher: fs.FSWatcher | undefined;
    try {
      // The folder, not the file: each write renames a new file into place, which a watch on the old one would miss.
      watcher = fs.watch(path.dirname(this.file), { persistent: false }, (_event, file) => {
        if (file === null || file.toString() === name) {
          changed();
        }
      });
      watcher.on('error', (error) => {
        watcher?.close();
        watcher = undefined;
        this.pollForChanges(name, error, changed);
      });
    } catch (error) {
      this.pollForChanges(name, error, changed);
    }
    return {
      dispose: () => {
        clearTimeout(timer);
        watcher?.close();
        fs.unwatchFile(this.file, changed);
      },
    };
  }

  /** Out of inotify watches, say, or the watch failed: look every two seconds instead, one `stat` each time. */
  private pollForChanges(name: string, reason: unknown, changed: () => void): void {
    this.log.warn(`Watching ${name} by polling: ${errorMessage(reason)}`);
    fs.watchFile(this.file, { persistent: false, interval: 2000 }, changed);
  }

  private async replace(text: string): Promise<void> {
    const temporary = this.temporaryName();
    try {
      const handle = await fs.promises.open(temporary, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        // On disk before it replaces the old file: a crash right after the rename must not leave an empty file.
        await handle.sync();
      } finally {
        await handle.close();
      }
      // Taken before the rename (which keeps inode and mtime), so a write by another window right after is never mistaken for ours.
      const written = identity(await fs.promises.stat(temporary));
      await retry(() => fs.promises.rename(temporary, this.file));
      this.seen = written;
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /**
   * A damaged file is kept for a person to look at, and out of the way: the
   * next write starts a whole one. Only the very file that was read: another
   * window may have written a good one since.
   */
  private setAside(reason: string, damaged: FileIdentity): void {
    const name = path.basename(this.file);
    const aside = `${this.file}.damaged-${Date.now()}`;
    try {
      if (!sameFile(identity(fs.statSync(this.file)), damaged)) {
        return;
      }
      fs.renameSync(this.file, aside);
      this.log.error(`${name} was damaged (${reason}) and was moved to ${path.basename(aside)}.`);
    } catch (error) {
      this.log.error(`${name} is damaged (${reason}) and could not be moved aside: ${errorMessage(error)}`);
    }
  }

  /** Whether another window wrote the file since this one last read or wrote it: one `stat`. */
  changedSinceSeen(): boolean {
    let now: FileIdentity;
    try {
      now = identity(fs.statSync(this.file));
    } catch {
      return false;
    }
    return this.seen === undefined || !sameFile(this.seen, now);
  }

  private temporaryName(): string {
    return `${this.file}.${process.pid}.${(this.writes++).toString(36)}.tmp`;
  }
}

function identity(stats: fs.Stats): FileIdentity {
  return { ino: stats.ino, mtimeMs: stats.mtimeMs, size: stats.size };
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;
}

/**
 * On Windows, replacing a file another process has open (a virus scanner, the
 * indexer, another window reading it) fails for a moment with one of these.
 */
const BUSY = new Set(['EPERM', 'EACCES', 'EBUSY']);
const ATTEMPTS = 5;

async function retry(action: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= ATTEMPTS || !BUSY.has((error as NodeJS.ErrnoException).code ?? '')) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** The same without waiting in between: for a closing window, which cannot wait. */
function retrySync(action: () => void): void {
  for (let attempt = 1; ; attempt++) {
    try {
      return action();
    } catch (error) {
      if (attempt >= ATTEMPTS || !BUSY.has((error as NodeJS.ErrnoException).code ?? '')) {
        throw error;
      }
    }
  }
}
