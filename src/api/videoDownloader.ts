import { constants as fsConstants, promises as fs } from 'node:fs';
import { basename } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { l10n } from '../l10n';
import { LazyDispatcher } from './dispatcher';
import type { MediaUrlVetter } from './mediaUrl';
import type { ProxySettings } from './proxySettings';

export interface DownloadProgress {
  readonly receivedBytes: number;
  /** From `content-length`, when the file host sends it. */
  readonly totalBytes?: number;
}

export interface DownloadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: DownloadProgress) => void;
  /** The download fails once the file host sends more than this (`anyapiVideo.maxDownloadMegabytes`). */
  readonly maxBytes: number;
  /**
   * Whether an existing file at the destination is replaced: yes when the user
   * chose it in a save dialog (which asked), no for automatic downloads.
   */
  readonly replace: boolean;
  /**
   * An `Authorization` header for the first URL's origin only — the gateway's
   * own content route. A redirect to any other origin goes without it.
   */
  readonly authorization?: string;
}

const MAX_REDIRECTS = 3;
/** How many `.part` names are tried before giving up: a stale or planted one is skipped, never opened. */
const PARTIAL_ATTEMPTS = 10;

/**
 * Streams a finished video to disk. A file host gets no API key and no API
 * headers (only the gateway's own content route gets `authorization`). The bytes go to a new `.part` file that is created exclusively (so a
 * planted file or symlink there is never written through), are counted against
 * a size limit as they arrive, and appear under the real name only when
 * complete: moved without replacing anything unless `replace` says so. A
 * partial file is removed on failure or cancellation.
 */
export class VideoDownloader {
  private readonly dispatcher = new LazyDispatcher();

  constructor(
    private readonly proxy: () => ProxySettings,
    private readonly vetMedia: MediaUrlVetter,
  ) {}

  async download(url: string, destination: string, options: DownloadOptions): Promise<{ bytes: number }> {
    const { file, partial } = await openPartial(destination);
    try {
      let bytes: number;
      try {
        bytes = await this.fetchTo(url, file, options, 0, new URL(url).origin);
      } finally {
        // The write stream closes the file when it ends; this closes it when no stream was made.
        await file.close().catch(() => undefined);
      }
      await (options.replace ? fs.rename(partial, destination) : moveWithoutReplacing(partial, destination));
      return { bytes };
    } finally {
      // After a move this is only the second name of a hard link; after a failure, the leftovers.
      await fs.rm(partial, { force: true });
    }
  }

  dispose(): void {
    this.dispatcher.dispose();
  }

  private async fetchTo(url: string, file: fs.FileHandle, options: DownloadOptions, redirects: number, keyOrigin: string): Promise<number> {
    // A redirect is vetted like the first URL: a public host cannot bounce the download into the user's network.
    const vetted = this.vetMedia(url);
    if (!vetted) {
      throw new Error(l10n.t('The video URL is not a public https address, so it is not downloaded.'));
    }
    const { undici, dispatcher } = await this.dispatcher.get(this.proxy(), new URL(vetted.url));
    const authorization = options.authorization !== undefined && vetted.origin === keyOrigin ? { authorization: options.authorization } : undefined;
    const { statusCode, headers, body } = await undici.request(vetted.url, { method: 'GET', dispatcher, signal: options.signal, headers: authorization });
    const location = headers.location;
    if (statusCode >= 300 && statusCode < 400 && typeof location === 'string' && redirects < MAX_REDIRECTS) {
      await body.dump().catch(() => undefined);
      return this.fetchTo(new URL(location, vetted.url).href, file, options, redirects + 1, keyOrigin);
    }
    if (statusCode !== 200) {
      await body.dump().catch(() => undefined);
      throw new Error(l10n.t('The file host answered HTTP {0}.', statusCode));
    }
    const type = String(headers['content-type'] ?? '').toLowerCase();
    if (/^(text\/|application\/(json|xml|problem))/.test(type)) {
      // A login page or a JSON error with status 200 is not a video, whatever the URL said.
      await body.dump().catch(() => undefined);
      throw new Error(l10n.t('The file host sent {0} instead of a video.', type.split(';')[0]));
    }
    const length = Number(headers['content-length']);
    const totalBytes = Number.isFinite(length) && length > 0 ? length : undefined;
    const tooLarge = (): Error =>
      new Error(l10n.t('The video is larger than {0} MB, the limit set in anyapiVideo.maxDownloadMegabytes.', Math.round(options.maxBytes / MB)));
    if (totalBytes !== undefined && totalBytes > options.maxBytes) {
      body.destroy();
      throw tooLarge();
    }
    let receivedBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        receivedBytes += chunk.length;
        if (receivedBytes > options.maxBytes) {
          // A host that sends no length (or lies about it) is stopped here, not after filling the disk.
          done(tooLarge());
          return;
        }
        options.onProgress?.({ receivedBytes, totalBytes });
        done(null, chunk);
      },
    });
    await pipeline(body, counter, file.createWriteStream(), { signal: options.signal });
    if (totalBytes !== undefined && receivedBytes !== totalBytes) {
      throw new Error(l10n.t('The download is incomplete: {0} of {1} bytes arrived.', receivedBytes, totalBytes));
    }
    return receivedBytes;
  }
}

const MB = 1024 * 1024;

/** Creates `<destination>.part` (or `.1.part`, `.2.part`…) exclusively: an existing file or symlink is skipped, never followed. */
async function openPartial(destination: string): Promise<{ file: fs.FileHandle; partial: string }> {
  for (let attempt = 0; ; attempt++) {
    const partial = attempt === 0 ? `${destination}.part` : `${destination}.${attempt}.part`;
    try {
      return { file: await fs.open(partial, 'wx'), partial };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt + 1 >= PARTIAL_ATTEMPTS) {
        throw error;
      }
    }
  }
}

/**
 * Gives the finished file its name only if nothing has that name, even if
 * something appeared there while the download ran: `link` fails on an
 * existing name atomically, where a check followed by `rename` would race.
 * File systems without hard links get an exclusive copy instead.
 */
async function moveWithoutReplacing(partial: string, destination: string): Promise<void> {
  const taken = (error: unknown): unknown =>
    (error as NodeJS.ErrnoException).code === 'EEXIST' ? new Error(l10n.t('{0} exists already; nothing was overwritten.', basename(destination))) : error;
  try {
    await fs.link(partial, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') {
      throw taken(error);
    }
    await fs.copyFile(partial, destination, fsConstants.COPYFILE_EXCL).catch((copyError: unknown) => {
      throw taken(copyError);
    });
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
