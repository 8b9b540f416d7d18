import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { videoFileName, type VideoDownloader } from '../api/videoDownloader';
import { CommandId } from '../commandIds';
import { errorMessage, type Logger } from '../log';
import type { Settings } from '../settings';
import type { TrackedTask } from '../tasks/trackedTask';
import { isInside, resolveAutoDownloadFolder, wantsAutoDownload } from './autoDownloadFolder';
import { notify } from './notify';

/** The status bar shows progress at most this often, however fast chunks arrive. */
const REDRAW_MS = 250;
/** Videos saved at once; the others wait their turn, so 500 tasks finishing together make 2 downloads, not 500. */
const MAX_PARALLEL = 2;

interface Running {
  readonly controller: AbortController;
  receivedBytes: number;
  totalBytes?: number;
}

/**
 * With `anyapiVideo.autoDownloadFolder` set, a video that finishes while
 * tracked is saved there at once (see {@link wantsAutoDownload}), without
 * replacing any file. While saving, a status bar item shows the progress;
 * clicking it (or "Cancel Automatic Downloads") stops every running download
 * and removes what was written.
 */
export class AutoDownloads implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly waiting: TrackedTask[] = [];
  private readonly item = vscode.window.createStatusBarItem('anyapiVideo.autoDownload', vscode.StatusBarAlignment.Left, 49);
  private drawnAt = 0;

  constructor(
    private readonly settings: Settings,
    private readonly downloader: VideoDownloader,
    private readonly log: Logger,
  ) {
    this.item.name = vscode.l10n.t('AnyAPI Video downloads');
    this.item.command = CommandId.cancelAutoDownloads;
  }

  dispose(): void {
    this.waiting.length = 0;
    for (const { controller } of this.running.values()) {
      controller.abort();
    }
    this.item.dispose();
  }

  cancelAll(): void {
    if (this.running.size === 0) {
      void notify.info(vscode.l10n.t('No video is being saved automatically.'));
      return;
    }
    this.waiting.length = 0;
    for (const { controller } of this.running.values()) {
      controller.abort();
    }
  }

  enqueue(task: TrackedTask): void {
    if (!wantsAutoDownload(task, this.settings.current.autoDownloadFolder)) {
      return;
    }
    this.waiting.push(task);
    this.startWaiting();
  }

  private startWaiting(): void {
    // save() marks its task running before its first await, so the count is current on each turn.
    while (this.running.size < MAX_PARALLEL) {
      const next = this.waiting.shift();
      if (next === undefined) {
        break;
      }
      void this.save(next);
    }
    this.draw(true);
  }

  private async save(task: TrackedTask): Promise<void> {
    const snapshot = task.snapshot;
    const url = snapshot?.videoUrl;
    const target = resolveAutoDownloadFolder(this.settings.current.autoDownloadFolder, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath, os.homedir());
    if (target === undefined || url === undefined || this.running.has(task.id)) {
      return;
    }
    const file = path.join(target.folder, videoFileName(task.id, snapshot?.prompt ?? snapshot?.enhancedPrompt));
    const running: Running = { controller: new AbortController(), receivedBytes: 0 };
    this.running.set(task.id, running);
    try {
      // A symlink inside the workspace must not carry files (or new folders) out of it: checked before and after mkdir.
      await this.checkContained(target.folder, target.within);
      await fs.promises.mkdir(target.folder, { recursive: true });
      await this.checkContained(target.folder, target.within);
      const { bytes } = await this.downloader.download(url, file, {
        signal: running.controller.signal,
        maxBytes: this.settings.current.maxDownloadBytes,
        replace: false,
        onProgress: ({ receivedBytes, totalBytes }) => {
          running.receivedBytes = receivedBytes;
          running.totalBytes = totalBytes;
          this.draw(false);
        },
      });
      this.log.info(`Auto-downloaded ${task.id} to ${file} (${bytes} bytes).`);
      notify.flash(vscode.l10n.t('AnyAPI Video: saved {0}', path.basename(file)), 5000);
    } catch (error) {
      if (running.controller.signal.aborted) {
        this.log.info(`Auto-download of ${task.id} cancelled.`);
        notify.flash(vscode.l10n.t('AnyAPI Video: stopped saving {0}; nothing was left behind', path.basename(file)), 5000);
        return;
      }
      const reason = errorMessage(error);
      this.log.warn(`Auto-download of ${task.id} failed: ${reason}`);
      void notify.warning(vscode.l10n.t('Could not save the video of {0} to {1}: {2}', task.id, target.folder, reason));
    } finally {
      this.running.delete(task.id);
      this.startWaiting();
    }
  }

  /** Throws when `folder`, or the part of it that exists, leads outside `within` once symlinks are followed. */
  private async checkContained(folder: string, within: string | undefined): Promise<void> {
    if (within === undefined) {
      return;
    }
    let existing = folder;
    while (!fs.existsSync(existing) && path.dirname(existing) !== existing) {
      existing = path.dirname(existing);
    }
    if (!isInside(await fs.promises.realpath(existing), await fs.promises.realpath(within))) {
      throw new Error(vscode.l10n.t('the folder leads outside the workspace'));
    }
  }

  /** `$(cloud-download) Saving 2 videos · 45%`; hidden when nothing is being saved. */
  private draw(force: boolean): void {
    const now = Date.now();
    if (!force && now - this.drawnAt < REDRAW_MS) {
      return;
    }
    this.drawnAt = now;
    const all = [...this.running.values()];
    if (all.length === 0) {
      this.item.hide();
      return;
    }
    const received = all.reduce((sum, running) => sum + running.receivedBytes, 0);
    const total = all.every((running) => running.totalBytes !== undefined) ? all.reduce((sum, running) => sum + (running.totalBytes ?? 0), 0) : undefined;
    const amount = total ? `${Math.floor((received / total) * 100)}%` : vscode.l10n.t('{0} MB', (received / 1024 / 1024).toFixed(1));
    const videos = all.length === 1 ? vscode.l10n.t('Saving 1 video') : vscode.l10n.t('Saving {0} videos', all.length);
    const queued = this.waiting.length === 0 ? '' : ` ${vscode.l10n.t('({0} waiting)', this.waiting.length)}`;
    this.item.text = `$(cloud-download) ${videos} · ${amount}${queued}`;
    this.item.tooltip = vscode.l10n.t('anyapiVideo.autoDownloadFolder is saving finished videos. Click to cancel.');
    this.item.accessibilityInformation = { label: vscode.l10n.t('{0}, {1}. Activate to cancel.', videos, amount) };
    this.item.show();
  }
}
