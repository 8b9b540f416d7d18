import * as vscode from 'vscode';
import { vetMediaUrl, type MediaUrlVetter } from '../api/mediaUrl';
import { VideoDownloader } from '../api/videoDownloader';
import { CommandId, ViewId } from '../commandIds';
import { apiKeyHandlers } from '../commands/apiKeyCommands';
import type { CommandDeps, CommandHandlers } from '../commands/commandDeps';
import { createTaskHandlers } from '../commands/createTask';
import { downloadHandlers } from '../commands/downloadVideo';
import { galleryHandlers } from '../commands/galleryCommands';
import { helpHandlers } from '../commands/helpCommands';
import { keepCopyHandlers } from '../commands/keepCopy';
import { organizeHandlers } from '../commands/organizeCommands';
import { rawAnswerHandlers } from '../commands/rawAnswerCommands';
import { rawAnswerDocument } from '../commands/rawAnswerDocuments';
import { shareHandlers } from '../commands/shareCommands';
import { supportInfoHandlers } from '../commands/supportInfo';
import { taskHandlers } from '../commands/taskCommands';
import { openTrackLink } from '../commands/trackLink';
import { trackTaskHandlers } from '../commands/trackTask';
import { Comparison } from '../compare/comparePanel';
import { Gallery } from '../gallery/galleryPanel';
import { errorMessage } from '../log';
import { AutoDownloads } from '../notifications/autoDownload';
import { notifyFinished } from '../notifications/completionNotifier';
import { announceExpiring } from '../notifications/expiryNotifier';
import { announcePause } from '../notifications/pauseNotifier';
import { settingsNotices } from '../notifications/settingsNotifier';
import { announceStalled } from '../notifications/stallNotifier';
import { PreviewPanels } from '../preview/previewPanels';
import { ContentCopies } from '../tasks/contentCopies';
import { KeptCopies } from '../tasks/keptCopies';
import type { PollerPause } from '../tasks/pollPause';
import { TaskCreator } from '../tasks/taskCreator';
import type { TrackedTask } from '../tasks/trackedTask';
import { wireTranslations } from '../vscodeL10n';

/** What dist/features.js provides once loaded. */
export interface Features {
  readonly handlers: CommandHandlers;
  readonly previews: PreviewPanels;
  /** Takes over a preview, the gallery or a comparison VS Code kept from the last session. */
  restorePanel(viewType: string, panel: vscode.WebviewPanel, state: unknown): void;
  /** Saves a video that just finished into `anyapiVideo.autoDownloadFolder`. */
  autoDownload(task: TrackedTask): void;
  /** Keeps copies of these tasks' videos (`anyapiVideo.keepCopies`), those it can; a failure is logged. */
  keepCopies(tasks: readonly TrackedTask[]): void;
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
  /** Says once that these tasks' links stop working soon and no copy is kept (see `ExpiryWatch`). */
  announceExpiring(ids: readonly string[]): void;
  /** Says when a setting is out of range, once per change. */
  showSettingsNotices(): void;
  /** The text of a raw-answer document. */
  rawAnswerDocument(uri: vscode.Uri): Promise<string>;
  /** Tracks the tasks a `…/track?id=…` link names. */
  openLink(uri: vscode.Uri): Promise<void>;
  dispose(): void;
}

/**
 * Everything not needed to show and poll tasks: the previews, the gallery and compare, the key,
 * create, download, share, organise and raw-answer commands, task links, automatic
 * downloads, and copies from the content route. esbuild bundles this file
 * on its own as dist/features.js, loaded the first time one of them is
 * needed, so activation stays small.
 */
export function loadFeatures(deps: CommandDeps): Features {
  wireTranslations();
  const vetMedia: MediaUrlVetter = (raw) => vetMediaUrl(raw, deps.settings.current.baseUrl);
  const downloader = new VideoDownloader(() => deps.settings.http.proxy, vetMedia);
  const videosFolder = vscode.Uri.file(deps.videosFolder);
  const previews = new PreviewPanels(deps.store, deps.extensionUri, vetMedia, deps.rawAnswers, videosFolder);
  const gallery = new Gallery(deps.store, deps.extensionUri, vetMedia, videosFolder);
  const comparison = new Comparison(deps.store, deps.extensionUri, vetMedia, videosFolder);
  const keptCopies = new KeptCopies({
    store: deps.store,
    downloader,
    vetMedia,
    folder: deps.videosFolder,
    maxBytes: () => deps.settings.current.maxDownloadBytes,
    totalBytes: () => deps.settings.current.keptCopiesMaxBytes,
    baseUrl: () => deps.settings.current.baseUrl,
  });
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
      ...keepCopyHandlers(deps, keptCopies),
      ...galleryHandlers(deps, gallery, comparison),
      ...helpHandlers(),
      [CommandId.cancelAutoDownloads]: () => autoDownloads.cancelAll(),
    } satisfies CommandHandlers,
    previews,
    restorePanel: (viewType, panel, state) => {
      if (viewType === ViewId.gallery) {
        gallery.restore(panel);
      } else if (viewType === ViewId.compare) {
        comparison.restore(panel, state);
      } else {
        previews.restore(panel, state);
      }
    },
    autoDownload: (task) => autoDownloads.enqueue(task),
    keepCopies: (tasks) => {
      for (const task of tasks.filter((each) => keptCopies.keepable(each))) {
        keptCopies.keep(task).then(
          (bytes) => deps.log.info(`Kept a copy of ${task.id} (${bytes} bytes).`),
          (error: unknown) => deps.log.warn(`Could not keep a copy of ${task.id}: ${errorMessage(error)}`),
        );
      }
    },
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
    announceExpiring: (ids) => {
      announceExpiring(ids, deps, keptCopies).catch((error: unknown) => deps.log.warn(`Could not warn of expiring links: ${errorMessage(error)}`));
    },
    showSettingsNotices: settingsNotices(deps.settings),
    rawAnswerDocument: (uri) => rawAnswerDocument(uri, deps.rawAnswers),
    openLink: openTrackLink,
    dispose: () => {
      previews.dispose();
      gallery.dispose();
      comparison.dispose();
      autoDownloads.dispose();
      downloader.dispose();
    },
  };
}
