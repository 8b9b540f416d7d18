import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseBaseUrl } from '../api/baseUrl';
import type { VideoDownloader } from '../api/videoDownloader';
import type { KeyLookup } from '../auth/keyLookup';
import { errorMessage, type Logger } from '../log';
import type { TaskStore } from './taskStore';
import type { TrackedTask } from './trackedTask';

/** A task that finished without a URL and has no copy yet: its video may be at the gateway's content route. */
export function wantsContentCopy(task: TrackedTask): boolean {
  return task.snapshot?.status === 'succeeded' && task.snapshot.videoUrl === undefined && task.localVideo === undefined;
}

/** The file of a task's copy in the videos folder; ids are letters, digits and `-_.:`, and `:` is encoded. */
export function localVideoName(taskId: string): string {
  return `${encodeURIComponent(taskId)}.mp4`;
}

export interface ContentCopyOptions {
  readonly store: TaskStore;
  readonly downloader: VideoDownloader;
  /** The videos folder in the extension's global storage. */
  readonly folder: string;
  readonly apiKey: () => KeyLookup;
  readonly baseUrl: () => string;
  readonly maxBytes: () => number;
  readonly log: Logger;
}

/**
 * OpenAI-style video objects (`"object": "video"`) carry no URL: the file is
 * at `GET /v1/videos/{id}/content` on the same gateway, behind the same key.
 * For a task that finished that way, this fetches the file from the
 * gateway's own origin — the key goes nowhere else, not even along a
 * redirect — into global storage (within the download size limit), and the
 * preview plays the copy. A gateway without that route answers 404 and the
 * task stays "done, but no video URL".
 */
export class ContentCopies {
  /** Tasks asked for in this session: a gateway without the route is asked once per task, not on every change. */
  private readonly attempted = new Set<string>();

  constructor(private readonly options: ContentCopyOptions) {}

  async fetch(task: TrackedTask): Promise<void> {
    const { store, downloader, folder, log } = this.options;
    const lookup = this.options.apiKey();
    if (!wantsContentCopy(task) || this.attempted.has(task.id) || 'pause' in lookup) {
      return;
    }
    this.attempted.add(task.id);
    const name = localVideoName(task.id);
    const url = new URL(`/v1/videos/${encodeURIComponent(task.snapshot?.serverId ?? task.id)}/content`, parseBaseUrl(this.options.baseUrl()));
    try {
      await fs.mkdir(folder, { recursive: true });
      const { bytes } = await downloader.download(url.href, path.join(folder, name), {
        maxBytes: this.options.maxBytes(),
        replace: true,
        authorization: `Bearer ${lookup.key}`,
      });
      if (store.get(task.id)) {
        store.recordLocalVideo(task.id, name);
        log.info(`Fetched the video of ${task.id} from ${url.pathname} (${bytes} bytes).`);
      } else {
        await fs.rm(path.join(folder, name), { force: true });
      }
    } catch (error) {
      log.info(`No video for ${task.id} at ${url.pathname}: ${errorMessage(error)}`);
    }
  }
}
