import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CommandId, ViewId } from '../commandIds';
import type { Features } from '../features/index';
import { errorMessage } from '../log';
import { wantsAutoDownload } from '../notifications/autoDownloadFolder';
import { localVideoName, wantsContentCopy } from '../tasks/contentCopies';
import type { ExpiryWatch } from '../tasks/expiryWatch';
import { canKeepCopy } from '../tasks/trackedTask';
import type { CommandDeps } from './commandDeps';
import { RAW_ANSWER_SCHEME } from './rawAnswerDocuments';

/**
 * dist/features.js, loaded once, the first time a lazy command runs or a
 * finished video is to be saved automatically; disposed with the extension.
 */
export class LazyFeatures implements vscode.Disposable {
  private loaded: Promise<Features> | undefined;

  constructor(private readonly deps: CommandDeps) {}

  get(): Promise<Features> {
    return (this.loaded ??= import('../features/index').then((features) => features.loadFeatures(this.deps)));
  }

  /**
   * Registers every command now; their code lives in dist/features.js and is
   * loaded when the first of them runs. `CommandHandlers` makes the features
   * bundle handle each one: a command without a handler fails the type check.
   */
  registerCommands(): vscode.Disposable {
    return vscode.Disposable.from(
      ...Object.values(CommandId).map((id) =>
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          const handler = (await this.get()).handlers[id];
          return handler(...args);
        }),
      ),
    );
  }

  /**
   * Hands VS Code the previews, the gallery and the comparison it kept open
   * from the last session; their code, in dist/features.js, loads only when
   * there is one.
   */
  restorePanels(): vscode.Disposable {
    return vscode.Disposable.from(
      ...[ViewId.preview, ViewId.gallery, ViewId.compare].map((viewType) =>
        vscode.window.registerWebviewPanelSerializer(viewType, {
          deserializeWebviewPanel: async (panel, state: unknown) => (await this.get()).restorePanel(viewType, panel, state),
        }),
      ),
    );
  }

  /**
   * Provides the raw-answer documents, written in dist/features.js. Registered
   * at activation, not with the command: VS Code restores an open raw-answer
   * tab after a reload, before anyone runs the command again.
   */
  provideRawAnswers(): vscode.Disposable {
    return vscode.workspace.registerTextDocumentContentProvider(RAW_ANSWER_SCHEME, {
      provideTextDocumentContent: async (uri) => (await this.get()).rawAnswerDocument(uri),
    });
  }

  /** Says when a setting is out of range and which value is used; the wording loads only then. */
  followSettingsNotices(): vscode.Disposable {
    const { settings } = this.deps;
    const look = (): void => {
      // Once loaded, it is also told when the notices are gone, so the same one can be said again later.
      if (settings.notices.length > 0 || this.loaded !== undefined) {
        this.use((features) => features.showSettingsNotices());
      }
    };
    look();
    return settings.onDidChange(look);
  }

  /** Opens `<scheme>://anyapi.anyapi-video-tasks/track?id=…` links; what they say is read in dist/features.js. */
  handleLinks(): vscode.Disposable {
    return vscode.window.registerUriHandler({
      handleUri: async (uri) => (await this.get()).openLink(uri),
    });
  }

  /**
   * Hands each task that finishes while tracked to automatic downloads (when
   * the setting asks for it), and any task seen succeeded without a URL —
   * also one tracked after it finished — to the content route; loads the
   * features only then (in the polling window only: see {@link copyMissingVideos}).
   * A removed task's fetched copy goes with it.
   */
  followFinishedTasks(): vscode.Disposable {
    const { store, settings, videosFolder, poller } = this.deps;
    return vscode.Disposable.from(
      store.onDidFinish(({ task }) => {
        if (wantsAutoDownload(task, settings.current.autoDownloadFolder)) {
          this.use((features) => features.autoDownload(task));
        }
        if (settings.current.keepCopies === 'ready' && poller.polls && canKeepCopy(task, Date.now())) {
          this.use((features) => features.keepCopies([task]));
        }
      }),
      store.onDidChange((change) => {
        for (const id of change.ids) {
          const task = store.get(id);
          if (task === undefined) {
            void fs.rm(path.join(videosFolder, localVideoName(id)), { force: true }).catch(() => undefined);
          } else if (poller.polls && wantsContentCopy(task, settings.current.baseUrl)) {
            this.use((features) => features.copyContent(task));
          }
        }
      }),
    );
  }

  /**
   * Asks for every finished task still missing its copy — from the content
   * route, and kept copies when `anyapiVideo.keepCopies` wants them (one that
   * failed or was cut off by a reload is tried again): after activation
   * (restored tasks), after the key changes (a fetch may have waited for it),
   * and when this window takes polling over. Only the polling window fetches,
   * so two windows never fetch one video.
   */
  copyMissingVideos(): void {
    const { store, settings, poller } = this.deps;
    if (!poller.polls) {
      return;
    }
    const missing = store.all().filter((task) => wantsContentCopy(task, settings.current.baseUrl));
    const now = Date.now();
    const unkept = settings.current.keepCopies === 'ready' ? store.all().filter((task) => canKeepCopy(task, now)) : [];
    if (missing.length > 0) {
      this.use((features) => features.copyMissing(missing));
    }
    if (unkept.length > 0) {
      this.use((features) => features.keepCopies(unkept));
    }
  }

  /**
   * Hands what deserves a notification to dist/features.js, which words it:
   * a task that finished, a pause the poller announces (in the polling window
   * only: see `Poller`).
   */
  notifyOfEvents(): vscode.Disposable {
    const { store, poller } = this.deps;
    return vscode.Disposable.from(
      store.onDidFinish(({ task }) => this.use((features) => features.notifyFinished(task))),
      poller.onDidAnnouncePause((pause) => this.use((features) => features.announcePause(pause))),
    );
  }

  /**
   * Tells the user of tasks that just stalled, and of those already stalled
   * when this window takes polling over: from the polling window only, so
   * windows do not repeat each other. The notification's code loads only then.
   */
  announceStalls(lease: { readonly onDidChange: vscode.Event<unknown> }): vscode.Disposable {
    const { stalls, poller } = this.deps;
    const announce = (ids: readonly string[]): void => {
      const stalled = ids.filter((id) => stalls.stalled.includes(id));
      if (stalled.length > 0 && poller.polls) {
        this.use((features) => features.announceStalled(stalled));
      }
    };
    return vscode.Disposable.from(
      stalls.onDidChange(announce),
      lease.onDidChange(() => announce(stalls.stalled)),
    );
  }

  /**
   * Warns of links about to stop working with no copy kept, as they come
   * near their end and when this window takes polling over: from the polling
   * window only. The notification's code loads only then.
   */
  announceExpiries(expiries: ExpiryWatch, lease: { readonly onDidChange: vscode.Event<unknown> }): vscode.Disposable {
    const announce = (ids: readonly string[]): void => {
      if (ids.length > 0 && this.deps.poller.polls) {
        this.use((features) => features.announceExpiring(ids));
      }
    };
    return vscode.Disposable.from(
      expiries.onDidComeNear(announce),
      lease.onDidChange(() => announce(expiries.near)),
    );
  }

  private use(action: (features: Features) => void): void {
    this.get().then(action, (error: unknown) => this.deps.log.error(`Could not load dist/features.js: ${errorMessage(error)}`));
  }

  dispose(): void {
    void this.loaded?.then((features) => features.dispose());
  }
}
