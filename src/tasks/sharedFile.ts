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
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly file: string,
    private readonly log: Logger,
  ) {}

  /** The parsed content; undefined when there is no file yet or it cannot be read. */
  read(): unknown {
    let descriptor: number | undefined;
    try {
      descriptor = fs.openSync(this.file, 'r');
      this.seen = identity(fs.fstatSync(descriptor));
      return JSON.parse(fs.readFileSync(descriptor, 'utf8')) as unknown;
    } catch (error) {
      if (error instanceof SyntaxError) {
        this.setAside(error.message);
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
    this.queue = written.catch(() => undefined);
    return written;
  }

  /** The same, at once: for a window that is closing and may not live to see a promise settle. */
  writeNow(value: unknown): void {
    const temporary = this.temporaryName();
    try {
      fs.writeFileSync(temporary, JSON.stringify(value), 'utf8');
      const written = identity(fs.statSync(temporary));
      fs.renameSync(temporary, this.file);
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
      watcher.on('error', (error) => this.log.warn(`Stopped watching ${name}: ${errorMessage(error)}`));
    } catch (error) {
      // Out of inotify watches, say: fall back to looking every two seconds, which costs one `stat` each time.
      this.log.warn(`Watching ${name} by polling: ${errorMessage(error)}`);
      fs.watchFile(this.file, { persistent: false, interval: 2000 }, changed);
    }
    return {
      dispose: () => {
        clearTimeout(timer);
        if (watcher) {
          watcher.close();
        } else {
          fs.unwatchFile(this.file, changed);
        }
      },
    };
  }

  private async replace(text: string): Promise<void> {
    const temporary = this.temporaryName();
    try {
      await fs.promises.writeFile(temporary, text, 'utf8');
      // Taken before the rename (which keeps inode and mtime), so a write by another window right after is never mistaken for ours.
      const written = identity(await fs.promises.stat(temporary));
      await fs.promises.rename(temporary, this.file);
      this.seen = written;
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  /** A damaged file is kept for a person to look at, and out of the way: the next write starts a whole one. */
  private setAside(reason: string): void {
    const name = path.basename(this.file);
    try {
      fs.renameSync(this.file, `${this.file}.damaged`);
      this.log.error(`${name} was damaged (${reason}) and was moved to ${name}.damaged.`);
    } catch (error) {
      this.log.error(`${name} is damaged (${reason}) and could not be moved aside: ${errorMessage(error)}`);
    }
  }

  private changedSinceSeen(): boolean {
    let now: FileIdentity;
    try {
      now = identity(fs.statSync(this.file));
    } catch {
      return false;
    }
    const seen = this.seen;
    return seen === undefined || seen.ino !== now.ino || seen.mtimeMs !== now.mtimeMs || seen.size !== now.size;
  }

  private temporaryName(): string {
    return `${this.file}.${process.pid}.${(this.writes++).toString(36)}.tmp`;
  }
}

function identity(stats: fs.Stats): FileIdentity {
  return { ino: stats.ino, mtimeMs: stats.mtimeMs, size: stats.size };
}
