import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { videoFileName, type VideoDownloader } from '../api/videoDownloader';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import { hasPlayableVideo, type TrackedTask } from '../tasks/trackedTask';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';
import { askForSaveTarget } from './saveTarget';

/**
 * "Download Video": a save dialog (see {@link askForSaveTarget} for what a
 * `Uri` argument may do), then a cancellable progress notification with
 * percent and MB/s.
 */
export function downloadHandlers({ store, settings, videosFolder }: CommandDeps, downloader: VideoDownloader): Handlers<typeof CommandId.downloadVideo> {
  const saveTo = async (task: TrackedTask, url: string, target: vscode.Uri): Promise<void> => {
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    await notify.progress(vscode.l10n.t('Downloading {0}', name), true, async (progress, token) => {
      const controller = new AbortController();
      const cancelled = token.onCancellationRequested(() => controller.abort());
      const started = Date.now();
      let reported = 0;
      try {
        const { bytes } = await downloader.download(url, target.fsPath, {
          signal: controller.signal,
          maxBytes: settings.current.maxDownloadBytes,
          // The save dialog asked before an existing file was chosen.
          replace: true,
          onProgress: ({ receivedBytes, totalBytes }) => {
            const seconds = Math.max(0.001, (Date.now() - started) / 1000);
            const speed = vscode.l10n.t('{0} MB/s', (receivedBytes / 1024 / 1024 / seconds).toFixed(1));
            const percent = totalBytes ? Math.floor((receivedBytes / totalBytes) * 100) : undefined;
            progress.report({
              increment: percent === undefined ? undefined : percent - reported,
              message: percent === undefined ? vscode.l10n.t('{0} MB · {1}', (receivedBytes / 1024 / 1024).toFixed(1), speed) : `${percent}% · ${speed}`,
            });
            reported = percent ?? reported;
          },
        });
        void notify.info(vscode.l10n.t('Saved {0} ({1} MB) to {2}.', name, (bytes / 1024 / 1024).toFixed(1), target.fsPath));
      } catch (error) {
        if (controller.signal.aborted) {
          void notify.info(vscode.l10n.t('Download of {0} cancelled; nothing was left behind.', name));
          return;
        }
        const reason = errorMessage(error);
        const tryAgain = vscode.l10n.t('Try Again');
        const message = vscode.l10n.t('Could not download {0}: {1} The partial file was removed.', name, reason);
        void notify.error(message, tryAgain).then((choice) => {
          if (choice === tryAgain) {
            void saveTo(task, url, target);
          }
        });
      } finally {
        cancelled.dispose();
      }
    });
  };
  const download = async (...args: unknown[]): Promise<void> => {
    const suggested = args.find((arg): arg is vscode.Uri => arg instanceof vscode.Uri);
    const [id] = await resolveTaskIds(args.filter((arg) => !(arg instanceof vscode.Uri)), store, {
      placeHolder: vscode.l10n.t('Download the video of which task?'),
      filter: hasPlayableVideo,
    });
    const task = id === undefined ? undefined : store.get(id);
    const url = task?.snapshot?.videoUrl;
    if (!task || (url === undefined && task.localVideo === undefined)) {
      if (id !== undefined) {
        void notify.info(vscode.l10n.t('Task {0} has no video yet.', id));
      }
      return;
    }
    const name = videoFileName(task.id, task.snapshot?.prompt ?? task.snapshot?.enhancedPrompt);
    const target = await askForSaveTarget(vscode.l10n.t('Download Video'), name, { [vscode.l10n.t('Video')]: ['mp4'] }, suggested);
    if (!target) {
      return;
    }
    if (task.localVideo !== undefined) {
      // The copy fetched from the gateway's content route: its URL (if any) needs the key, the copy does not.
      await saveCopy(path.join(videosFolder, task.localVideo), target);
    } else if (url !== undefined) {
      await saveTo(task, url, target);
    }
  };
  return { [CommandId.downloadVideo]: download };
}

/** Saves the kept copy where the user chose (the save dialog asked before replacing a file). */
async function saveCopy(copy: string, target: vscode.Uri): Promise<void> {
  try {
    await fs.copyFile(copy, target.fsPath);
    void notify.info(vscode.l10n.t('Saved {0} to {1}.', path.basename(target.fsPath), target.fsPath));
  } catch (error) {
    void notify.error(vscode.l10n.t('Could not save {0}: {1}', target.fsPath, errorMessage(error)));
  }
}
