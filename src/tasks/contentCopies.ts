import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseBaseUrl } from '../api/baseUrl';
import { checkTaskId } from '../api/taskId';
import type { VideoDownloader } from '../api/videoDownloader';
import type { KeyLookup } from '../auth/keyLookup';
import { errorMessage, type Logger } from '../log';
import type { TaskStore } from './taskStore';
import type { TrackedTask } from './trackedTask';

/**
 * Where a finished task's video is behind the gateway's key: its own
 * `/v1/videos/…` URL on the gateway's origin (some gateways answer with one),
 * or, for a task that finished without a URL, `/v1/videos/{id}/content` —
 * by the id the user tracked, then by the gateway's own id if that is a
 * plausible one (answers carry placeholders and masked ids too).
 */
export function contentUrls(task: TrackedTask, baseUrl: string): string[] {
  const snapshot = task.snapshot;
  let gateway: URL;
  try {
    gateway = parseBaseUrl(baseUrl);
  } catch {
    return [];
  }
  if (snapshot?.status !== 'succeeded' || task.localVideo !== undefined) {
    return [];
  }
  if (snapshot.videoUrl !== undefined) {
    const url = URL.canParse(snapshot.videoUrl) ? new URL(snapshot.videoUrl) : undefined;
    return url?.origin === gateway.origin && url.pathname.startsWith('/v1/videos/') ? [url.href] : [];
  }
  const ids = [task.id, ...(snapshot.serverId !== undefined && snapshot.serverId !== task.id && checkTaskId(snapshot.serverId) === undefined ? [snapshot.serverId] : [])];
  return ids.map((id) => new URL(`/v1/videos/${encodeURIComponent(id)}/content`, gateway).href);
}

/** A finished task whose video is behind the gateway's key and has no copy yet. */
export function wantsContentCopy(task: TrackedTask, baseUrl: string): boolean {
  return contentUrls(task, baseUrl).length > 0;
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
 * at `GET /v1/videos/{id}/content` on the same gateway, behind the same key
 * (and some gateways answer with such a URL of their own). For a task that
 * finished that way (see {@link contentUrls}), this fetches the file from the
 * gateway's own origin — the key goes nowhere else, not even along a
 * redirect — into global storage (within the download size limit), and the
 * preview plays the copy. A gateway without that route answers 404 and the
 * task stays "done, but no video URL". Asked once per task per session:
 * again after a reload or a key change.
 */
export class ContentCopies {
  /** Tasks asked for in this session: a gateway without the route is asked once per task, not on every change. */
  private readonly attempted = new Set<string>();

  constructor(private readonly options: ContentCopyOptions) {}

  async fetch(task: TrackedTask): Promise<void> {
    const { store, downloader, folder, log } = this.options;
    const lookup = this.options.apiKey();
    const urls = contentUrls(task, this.options.baseUrl());
    if (urls.length === 0 || this.attempted.has(task.id) || 'pause' in lookup) {
      return;
    }
    this.attempted.add(task.id);
    const name = localVideoName(task.id);
    for (const url of urls) {
      try {
        await fs.mkdir(folder, { recursive: true });
        const { bytes } = await downloader.download(url, path.join(folder, name), {
          maxBytes: this.options.maxBytes(),
          replace: true,
          authorization: `Bearer ${lookup.key}`,
        });
        if (!store.get(task.id)) {
          await fs.rm(path.join(folder, name), { force: true });
          return;
        }
        store.recordLocalVideo(task.id, name, bytes);
        log.info(`Fetched the video of ${task.id} from ${new URL(url).pathname} (${bytes} bytes).`);
        return;
      } catch (error) {
        log.info(`No video for ${task.id} at ${new URL(url).pathname}: ${errorMessage(error)}`);
      }
    }
  }

  /** Forgets which tasks were asked for, so the next change or sweep asks again (the key changed, say). */
  retry(): void {
    this.attempted.clear();
  }
}
