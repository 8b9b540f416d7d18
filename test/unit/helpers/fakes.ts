import type { TaskSnapshot } from '../../../src/api/taskSnapshot';
import type { TaskQueryClient } from '../../../src/api/videoApiClient';
import type { Logger } from '../../../src/log';
import type { LeaseFile } from '../../../src/tasks/pollerLease';
import type { TaskStorage } from '../../../src/tasks/taskStore';

/** A file every window shares, kept in memory and counting writes. Stores a JSON copy, as the file on disk does. */
export class MemoryStorage implements TaskStorage, LeaseFile {
  writes = 0;
  /** Writes land at once. */
  readonly writing = false;
  constructor(private value: unknown = undefined) {}

  read(): unknown {
    return this.value === undefined ? undefined : JSON.parse(JSON.stringify(this.value));
  }

  async write(value: unknown): Promise<void> {
    this.writeNow(value);
  }

  writeNow(value: unknown): void {
    this.writes++;
    this.value = JSON.parse(JSON.stringify(value));
  }
}

/** A logger that remembers lines, so tests can look for (or rule out) content. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  trace(message: string): void {
    this.lines.push(`trace ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug ${message}`);
  }
  info(message: string): void {
    this.lines.push(`info ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn ${message}`);
  }
  error(message: string | Error): void {
    this.lines.push(`error ${message instanceof Error ? message.message : message}`);
  }
}

interface PendingQuery {
  readonly taskId: string;
  readonly apiKey: string;
  resolve(snapshot: TaskSnapshot): void;
  reject(error: unknown): void;
}

/**
 * A query client whose answers the test gives one by one. It records every
 * call and the most queries in flight at once, overall and per task.
 */
export class ManualClient implements TaskQueryClient {
  readonly pending: PendingQuery[] = [];
  readonly calls: string[] = [];
  peakInFlight = 0;
  overlapped = false;

  query(taskId: string, apiKey: string): Promise<TaskSnapshot> {
    this.calls.push(taskId);
    if (this.pending.some((query) => query.taskId === taskId)) {
      this.overlapped = true;
    }
    return new Promise<TaskSnapshot>((resolve, reject) => {
      const query: PendingQuery = {
        taskId,
        apiKey,
        resolve: (snapshot) => {
          this.remove(query);
          resolve(snapshot);
        },
        reject: (error) => {
          this.remove(query);
          reject(error);
        },
      };
      this.pending.push(query);
      this.peakInFlight = Math.max(this.peakInFlight, this.pending.length);
    });
  }

  /** Answers every pending query for these ids (or all) with the given snapshot. */
  answerAll(snapshot: (taskId: string) => TaskSnapshot | Error): void {
    for (const query of [...this.pending]) {
      const answer = snapshot(query.taskId);
      if (answer instanceof Error) {
        query.reject(answer);
      } else {
        query.resolve(answer);
      }
    }
  }

  private remove(query: PendingQuery): void {
    this.pending.splice(this.pending.indexOf(query), 1);
  }
}

export function snapshot(status: TaskSnapshot['status'], extra: Partial<TaskSnapshot> = {}): TaskSnapshot {
  return { rawStatus: status, status, ...extra };
}
