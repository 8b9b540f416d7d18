import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { videoFileName, type VideoDownloader } from '../api/videoDownloader';
import { errorMessage, type Logger } from '../log';
import type { Settings } from '../settings';
import type { TaskStore } from '../tasks/taskStore';
import { notify } from './notify';

/**
 * With `anyapiVideo.autoDownloadFolder` set, a video that finishes while
 * tracked is saved there at once. An existing file is never overwritten.
 */
export function registerAutoDownload(store: TaskStore, settings: Settings, downloader: VideoDownloader, log: Logger): vscode.Disposable {
  return store.onDidFinish(({ task }) => {
    const folder = resolveFolder(settings.current.autoDownloadFolder);
    const url = task.snapshot?.videoUrl;
    if (folder === undefined || url === undefined || task.snapshot?.status !== 'succeeded') {
      return;
    }
    const file = path.join(folder, videoFileName(task.id, task.snapshot.prompt ?? task.snapshot.enhancedPrompt));
    void (async () => {
      try {
        await fs.promises.mkdir(folder, { recursive: true });
        if (fs.existsSync(file)) {
          log.info(`Auto-download skipped: ${file} exists already.`);
          return;
        }
        const { bytes } = await downloader.download(url, file);
        log.info(`Auto-downloaded ${task.id} to ${file} (${bytes} bytes).`);
        void notify.flash(vscode.l10n.t('AnyAPI Video: saved {0}', path.basename(file)), 5000);
      } catch (error) {
        const reason = errorMessage(error);
        log.warn(`Auto-download of ${task.id} failed: ${reason}`);
        void notify.warning(vscode.l10n.t('Could not save the video of {0} to {1}: {2}', task.id, folder, reason));
      }
    })();
  });
}

/** The folder with `${workspaceFolder}` and `~` expanded; undefined when the setting is empty or cannot be resolved. */
function resolveFolder(setting: string): string | undefined {
  const trimmed = setting.trim();
  if (trimmed === '') {
    return undefined;
  }
  const workspace = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (trimmed.includes('${workspaceFolder}') && workspace === undefined) {
    return undefined;
  }
  const expanded = trimmed.replace(/\$\{workspaceFolder\}/g, workspace ?? '').replace(/^~(?=$|[\\/])/, os.homedir());
  return path.isAbsolute(expanded) ? expanded : workspace === undefined ? undefined : path.join(workspace, expanded);
}
