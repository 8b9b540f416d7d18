import * as vscode from 'vscode';
import { vetMediaUrl, type MediaUrlVetter } from '../api/mediaUrl';
import { VideoDownloader } from '../api/videoDownloader';
import { CommandId } from '../commandIds';
import { apiKeyHandlers } from '../commands/apiKeyCommands';
import type { CommandDeps, CommandHandlers } from '../commands/commandDeps';
import { createTaskHandlers } from '../commands/createTask';
import { downloadHandlers } from '../commands/downloadVideo';
import { organizeHandlers } from '../commands/organizeCommands';
import { rawAnswerHandlers } from '../commands/rawAnswerCommands';
import { shareHandlers } from '../commands/shareCommands';
import { supportInfoHandlers } from '../commands/supportInfo';
import { taskHandlers } from '../commands/taskCommands';
import { openTrackLink } from '../commands/trackLink';
import { trackTaskHandlers } from '../commands/trackTask';
import { AutoDownloads } from '../notifications/autoDownload';
import { notifyFinished } from '../notifications/completionNotifier';
import { announcePause } from '../notifications/pauseNotifier';
import { announceStalled } from '../notifications/stallNotifier';
import { PreviewPanels } from '../preview/previewPanels';
import { ContentCopies } from '../tasks/contentCopies';
import type { PollerPause } from '../tasks/pollPause';
import { TaskCreator } from '../tasks/taskCreator';
import type { TrackedTask } from '../tasks/trackedTask';
import { wireTranslations } from '../vscodeL10n';

/** What dist/features.js provides once loaded. */
export interface Features {
  readonly handlers: CommandHandlers;
  readonly previews: PreviewPanels;
  /** Saves a video that just finished into `anyapiVideo.autoDownloadFolder`. */
  autoDownload(task: TrackedTask): void;
  /** Fetches the video of a task that finished without a URL from the gateway's content route. */
  copyContent(task: TrackedTask): void;
  /** Asks again for these tasks' videos, even those asked for before in this session. */
  copyMissing(tasks: readonly TrackedTask[]): void;
  /** "Video ready" or "failed", as `anyapiVideo.notifyOn` asks. */
  notifyFinished(task: TrackedTask): void;
  /** The one notification for a pause the poller announces. */
  announcePause(pause: PollerPause): void;
  /** Says once that these tasks seem stuck (see `StallWatch`). */
  announceStalled(ids: readonly string[]): void;
  /** Tracks the tasks a `…/track?id=…` link names. */
  openLink(uri: vscode.Uri): Promise<void>;
  dispose(): void;
}

/**
 * Everything not needed to show and poll tasks: the previews, the key,
 * create, download, share, organise and raw-answer commands, task links, automatic
 * downloads, and copies from the content route. esbuild bundles this file
 * on its own as dist/features.js, loaded the first time one of them is
 * needed, so activation stays small.
 */
export function loadFeatures(deps: CommandDeps): Features {
  wireTranslations();
  const vetMedia: MediaUrlVetter = (raw) => vetMediaUrl(raw, deps.settings.current.baseUrl);
  const downloader = new VideoDownloader(() => deps.settings.http.proxy, vetMedia);
  const previews = new PreviewPanels(deps.store, deps.extensionUri, vetMedia, deps.rawAnswers, vscode.Uri.file(deps.videosFolder));
  const creator = new TaskCreator(deps.client, () => deps.apiKeys.lookUp(), deps.store);
  const autoDownloads = new AutoDownloads(deps.settings, downloader, deps.log);
  const contentCopies = new ContentCopies({
    store: deps.store,
    downloader,
    folder: deps.videosFolder,
    apiKey: () => deps.apiKeys.lookUp(),
    baseUrl: () => deps.settings.current.baseUrl,
    maxBytes: () => deps.settings.current.maxDownloadBytes,
    log: deps.log,
  });
  return {
    handlers: {
      ...apiKeyHandlers(deps),
      ...trackTaskHandlers(deps),
      ...taskHandlers(deps, previews, vetMedia),
      ...rawAnswerHandlers(deps),
      ...createTaskHandlers(deps, creator),
      ...downloadHandlers(deps, downloader),
      ...shareHandlers(deps),
      ...organizeHandlers(deps),
      ...supportInfoHandlers(deps),
      [CommandId.cancelAutoDownloads]: () => autoDownloads.cancelAll(),
    } satisfies CommandHandlers,
    previews,
    autoDownload: (task) => autoDownloads.enqueue(task),
    copyContent: (task) => void contentCopies.fetch(task),
    copyMissing: (tasks) => {
      contentCopies.retry();
      for (const task of tasks) {
        void contentCopies.fetch(task);
      }
    },
    notifyFinished: (task) => notifyFinished(task, deps.settings),
    announcePause: (pause) => announcePause(pause, deps.apiKeys),
    announceStalled: (ids) => announceStalled(ids, deps),
    openLink: openTrackLink,
    dispose: () => {
      previews.dispose();
      autoDownloads.dispose();
      downloader.dispose();
    },
  };
}
