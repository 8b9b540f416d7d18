import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { MediaUrlVetter } from '../api/mediaUrl';
import type { DownloadProgress, VideoDownloader } from '../api/videoDownloader';
import { l10n } from '../l10n';
import { localVideoName, wantsContentCopy } from './contentCopies';
import type { TaskStore } from './taskStore';
import { canKeepCopy, type TrackedTask } from './trackedTask';

export interface KeptCopyOptions {
  readonly store: TaskStore;
  readonly downloader: VideoDownloader;
  readonly vetMedia: MediaUrlVetter;
  /** The videos folder in the extension's global storage, shared with the content route's copies. */
  readonly folder: string;
  /** One download's limit (`anyapiVideo.maxDownloadMegabytes`). */
  readonly maxBytes: () => number;
  /** What all copies together may take (`anyapiVideo.keptCopiesMaxMegabytes`). */
  readonly totalBytes: () => number;
  /** The gateway: a video on its own content route is fetched with the key by `ContentCopies`, not here. */
  readonly baseUrl: () => string;
}

/**
 * "Keep a Copy": gateways' links expire (some providers delete a video after
 * an hour), so the video is downloaded into the extension's global storage,
 * where the preview plays it first; it goes when the task is removed. All
 * copies together stay within `totalBytes`: one download at a time, each
 * allowed what the finished copies leave. The link is vetted like any media
 * URL, and no key is sent with it.
 */
export class KeptCopies {
  private readonly keeping = new Map<string, Promise<number>>();
  /** The downloads, one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: KeptCopyOptions) {}

  /** Whether Keep a Copy can take this task now. */
  keepable(task: TrackedTask, now = Date.now()): boolean {
    return canKeepCopy(task, now) && this.options.vetMedia(task.snapshot?.videoUrl) !== undefined && !wantsContentCopy(task, this.options.baseUrl());
  }

  /**
   * Keeps the task's video; resolves with its size. Asked again while it
   * downloads, it downloads once (the first caller's `signal` cancels it).
   */
  keep(task: TrackedTask, signal?: AbortSignal, onProgress?: (progress: DownloadProgress) => void): Promise<number> {
    let keeping = this.keeping.get(task.id);
    if (keeping === undefined) {
      keeping = this.queue.then(() => this.download(task, signal, onProgress)).finally(() => this.keeping.delete(task.id));
      this.queue = keeping.catch(() => undefined);
      this.keeping.set(task.id, keeping);
    }
    return keeping;
  }

  /** Settles when the copy of this task now downloading is done or failed; undefined when none is. */
  settled(id: string): Promise<void> | undefined {
    return this.keeping.get(id)?.then(
      () => undefined,
      () => undefined,
    );
  }

  private async download(task: TrackedTask, signal?: AbortSignal, onProgress?: (progress: DownloadProgress) => void): Promise<number> {
    const { store, downloader, folder } = this.options;
    const current = store.get(task.id) ?? task;
    if (current.localVideo !== undefined && current.localVideoBytes !== undefined) {
      return current.localVideoBytes; // Kept meanwhile, here or in another window.
    }
    const vetted = this.keepable(current) ? this.options.vetMedia(current.snapshot?.videoUrl) : undefined;
    if (vetted === undefined) {
      throw new Error(l10n.t('Task {0} has no video link a copy could be kept of.', task.id));
    }
    await fs.mkdir(folder, { recursive: true });
    const room = this.options.totalBytes() - (await folderBytes(folder));
    if (room <= 0) {
      throw new Error(l10n.t('Kept copies already fill the {0} MB that anyapiVideo.keptCopiesMaxMegabytes allows. Remove tasks you no longer need, or raise the limit.', Math.round(this.options.totalBytes() / 1048576)));
    }
    const name = localVideoName(task.id);
    const { bytes } = await downloader.download(vetted.url, path.join(folder, name), {
      maxBytes: Math.min(this.options.maxBytes(), room),
      replace: true,
      signal,
      onProgress,
    });
    if (!store.get(task.id)) {
      await fs.rm(path.join(folder, name), { force: true }); // Removed meanwhile: its copy goes with it.
      return bytes;
    }
    store.recordLocalVideo(task.id, name, bytes);
    return bytes;
  }
}

/** What the finished copies in the folder take now (a `.part` is a download on its way, or one left by a window that died). */
async function folderBytes(folder: string): Promise<number> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  const copies = entries.filter((entry) => entry.isFile() && !entry.name.endsWith('.part'));
  const sizes = await Promise.all(copies.map((entry) => fs.stat(path.join(folder, entry.name)).then((stat) => stat.size, () => 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}
