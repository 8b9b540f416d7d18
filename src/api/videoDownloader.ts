import { l10n } from 'vscode';
import { createWriteStream, promises as fs } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MediaUrlVetter } from './mediaUrl';
import { LazyDispatcher } from './dispatcher';
import type { ProxySettings } from './proxySettings';

export interface DownloadProgress {
  readonly receivedBytes: number;
  /** From `content-length`, when the file host sends it. */
  readonly totalBytes?: number;
}

export interface DownloadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
}

const MAX_REDIRECTS = 3;

/**
 * Streams a finished video to disk. The file host gets no API key and no
 * API headers; the file appears under its name only when complete, and a
 * partial `.part` file is removed on failure or cancellation.
 */
export class VideoDownloader {
  private readonly dispatcher = new LazyDispatcher();

  constructor(
    private readonly proxy: () => ProxySettings,
    private readonly vetMedia: MediaUrlVetter,
  ) {}

  async download(url: string, destination: string, options: DownloadOptions = {}): Promise<{ bytes: number }> {
    const partial = `${destination}.part`;
    try {
      const bytes = await this.fetchTo(url, partial, options, 0);
      await fs.rename(partial, destination);
      return { bytes };
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
  }

  dispose(): void {
    this.dispatcher.dispose();
  }

  private async fetchTo(url: string, file: string, options: DownloadOptions, redirects: number): Promise<number> {
    // A redirect is vetted like the first URL: a public host cannot bounce the download into the user's network.
    const vetted = this.vetMedia(url);
    if (!vetted) {
      throw new Error(l10n.t('The video URL is not a public https address, so it is not downloaded.'));
    }
    const { undici, dispatcher } = await this.dispatcher.get(this.proxy());
    const { statusCode, headers, body } = await undici.request(vetted.url, { method: 'GET', dispatcher, signal: options.signal });
    const location = headers.location;
    if (statusCode >= 300 && statusCode < 400 && typeof location === 'string' && redirects < MAX_REDIRECTS) {
      await body.dump().catch(() => undefined);
      return this.fetchTo(new URL(location, vetted.url).href, file, options, redirects + 1);
    }
    if (statusCode !== 200) {
      await body.dump().catch(() => undefined);
      throw new Error(l10n.t('The file host answered HTTP {0}.', statusCode));
    }
    const length = Number(headers['content-length']);
    const totalBytes = Number.isFinite(length) && length > 0 ? length : undefined;
    let receivedBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        receivedBytes += chunk.length;
        options.onProgress?.({ receivedBytes, totalBytes });
        done(null, chunk);
      },
    });
    await pipeline(body, counter, createWriteStream(file), { signal: options.signal });
    if (totalBytes !== undefined && receivedBytes !== totalBytes) {
      throw new Error(l10n.t('The download is incomplete: {0} of {1} bytes arrived.', receivedBytes, totalBytes));
    }
    return receivedBytes;
  }
}

/** `a-cow-with-wings-9dee455c.mp4`: a file name from the prompt (cut at a word) and the task id. */
export function videoFileName(taskId: string, prompt: string | undefined): string {
  let slug = (prompt ?? 'video')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH);
    const lastBreak = slug.lastIndexOf('-');
    slug = lastBreak > MAX_SLUG_LENGTH / 2 ? slug.slice(0, lastBreak) : slug;
  }
  const bare = taskId.slice(taskId.lastIndexOf(':') + 1).replace(/[^A-Za-z0-9]/g, '');
  return `${slug.replace(/-+$/, '') || 'video'}-${bare.slice(0, 8) || 'task'}.mp4`;
}

const MAX_SLUG_LENGTH = 40;
