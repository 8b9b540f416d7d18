import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { tryParseJson } from '../api/errorBody';
import { errorMessage, type Logger } from '../log';
import type { Disposable } from './events';
import type { TaskStore } from './taskStore';

/** The most of one answer kept: enough for any task status, small enough to open at once. */
export const MAX_RAW_ANSWER_CHARS = 64 * 1024;

/** The last answer the gateway sent for a task, as Show Raw Response shows it. */
export interface RawAnswer {
  readonly receivedAt: string;
  readonly httpStatus: number;
  /** Pretty-printed JSON, or the text as sent when it is not JSON; cut at {@link MAX_RAW_ANSWER_CHARS}. */
  readonly text: string;
}

/**
 * The last answer per task, one small file each in the extension's global
 * storage folder — not in `globalState`, which every window loads whole.
 * Written only when an answer differs from the last one kept, removed with
 * the task. The key is never written: a gateway that echoes it (some error
 * messages do) has it replaced before anything reaches the disk.
 */
export class RawAnswers {
  /** A cheap fingerprint of the last answer written per task, so an unchanged answer costs no write. */
  private readonly written = new Map<string, string>();
  private writes = 0;

  constructor(
    private readonly folder: string,
    private readonly log: Logger,
  ) {}

  /** Keeps `text` as the task's last answer. Never throws: a failed write is logged and the answer skipped. */
  async record(taskId: string, httpStatus: number, text: string, apiKey: string): Promise<void> {
    // Redacted before and after pretty-printing: parsing turns a JSON-escaped echo of the key back into the key.
    const answer: RawAnswer = { receivedAt: new Date().toISOString(), httpStatus, text: redact(readable(redact(text, apiKey)), apiKey) };
    const fingerprint = `${httpStatus} ${answer.text.length} ${hash(answer.text)}`;
    if (this.written.get(taskId) === fingerprint) {
      return;
    }
    const file = this.fileOf(taskId);
    // Written beside it, then renamed over it: another window (or a refresh) writing the same task at the
    // same moment can never leave half of one answer and half of another.
    const temporary = `${file}.${process.pid}.${(this.writes++).toString(36)}.tmp`;
    try {
      await fs.mkdir(this.folder, { recursive: true });
      await fs.writeFile(temporary, JSON.stringify(answer), 'utf8');
      await fs.rename(temporary, file);
      this.written.set(taskId, fingerprint);
    } catch (error) {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      this.log.warn(`Could not keep the raw answer of ${taskId}: ${errorMessage(error)}`);
    }
  }

  /** The task's last answer, or undefined when none was kept (or it cannot be read). */
  async read(taskId: string): Promise<RawAnswer | undefined> {
    try {
      const stored = tryParseJson(await fs.readFile(this.fileOf(taskId), 'utf8')) as Partial<RawAnswer> | undefined;
      return typeof stored?.text === 'string' && typeof stored.httpStatus === 'number' && typeof stored.receivedAt === 'string'
        ? { receivedAt: stored.receivedAt, httpStatus: stored.httpStatus, text: stored.text }
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** Removes a task's answer when the task is removed from `store`. */
  removeWith(store: TaskStore): Disposable {
    return store.onDidChange((change) => {
      if (change.membership) {
        void this.remove(change.ids.filter((id) => store.get(id) === undefined));
      }
    });
  }

  async remove(taskIds: readonly string[]): Promise<void> {
    for (const taskId of taskIds) {
      this.written.delete(taskId);
      await fs.rm(this.fileOf(taskId), { force: true }).catch((error: unknown) => this.log.warn(`Could not remove the raw answer of ${taskId}: ${errorMessage(error)}`));
    }
  }

  /** Ids are letters, digits and `-_.:`; encoding makes `:` safe on every file system. */
  private fileOf(taskId: string): string {
    return path.join(this.folder, `${encodeURIComponent(taskId)}.json`);
  }
}

function redact(text: string, apiKey: string): string {
  // Language-neutral on purpose: the file is the gateway's text, not the extension's.
  return apiKey === '' ? text : text.split(apiKey).join('***');
}

/** JSON pretty-printed (what a person wants to read and copy into a report), anything else as sent; then capped. */
function readable(text: string): string {
  const json = text.length <= MAX_RAW_ANSWER_CHARS * 4 ? tryParseJson(text) : undefined;
  const shown = json === undefined ? text : JSON.stringify(json, null, 2);
  return shown.length > MAX_RAW_ANSWER_CHARS ? `${shown.slice(0, MAX_RAW_ANSWER_CHARS)}\n…` : shown;
}

/** FNV-1a, 32 bits: only to notice that an answer changed, not for security. */
function hash(text: string): string {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value = Math.imul(value ^ text.charCodeAt(index), 0x01000193);
  }
  return (value >>> 0).toString(16);
}
