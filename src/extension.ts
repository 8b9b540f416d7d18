import * as vscode from 'vscode';
import { vetMediaUrl, type MediaUrlVetter } from './api/mediaUrl';
import { VideoApiClient } from './api/videoApiClient';
import { ApiKeyStore } from './auth/apiKeyStore';
import { ContextKey } from './commandIds';
import type { CommandDeps } from './commands/commandDeps';
import { LazyFeatures } from './commands/lazyCommands';
import { registerRawAnswerDocuments } from './commands/rawAnswerDocuments';
import { registerTrackUriHandler } from './commands/trackUriHandler';
import { registerCompletionNotifier } from './notifications/completionNotifier';
import { registerPauseNotifier } from './notifications/pauseNotifier';
import { registerSettingsNotifier } from './notifications/settingsNotifier';
import { PreviewPanels } from './preview/previewPanels';
import { Settings } from './settings';
import { Poller } from './tasks/poller';
import { RawAnswers } from './tasks/rawAnswers';
import { openSharedFolder } from './tasks/sharedFolder';
import { TaskCreator } from './tasks/taskCreator';
import type { TaskStore } from './tasks/taskStore';
import { TaskStatusBar } from './views/taskStatusBar';
import { TaskTreeView } from './views/taskTreeView';
import { wireTranslations } from './vscodeL10n';

/** What activation built; returned for the integration tests. */
export interface ExtensionApi {
  readonly store: TaskStore;
  readonly apiKeys: ApiKeyStore;
  readonly poller: Poller;
  readonly previews: PreviewPanels;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  wireTranslations();
  const log = vscode.window.createOutputChannel('AnyAPI Video', { log: true });
  const settings = new Settings();
  const apiKeys = new ApiKeyStore(context.secrets, () => settings.current.baseUrl);
  const shared = openSharedFolder(context.globalStorageUri.fsPath, context.globalState, () => settings.poller.intervalMs, log);
  const { store, lease, videosFolder } = shared;
  const rawAnswers = new RawAnswers(shared.rawAnswersFolder, log);
  const client = new VideoApiClient(() => settings.http, log, (taskId, httpStatus, text, apiKey) => {
    if (store.get(taskId)) {
      void rawAnswers.record(taskId, httpStatus, text, apiKey);
    }
  });
  const poller = new Poller({
    store,
    client,
    apiKey: () => apiKeys.lookUp(),
    settings: () => settings.poller,
    lease,
    log,
  });
  const vetMedia: MediaUrlVetter = (raw) => vetMediaUrl(raw, settings.current.baseUrl);
  const previews = new PreviewPanels(store, context.extensionUri, vetMedia, rawAnswers, vscode.Uri.file(videosFolder));
  const treeView = new TaskTreeView(store, poller, context.globalState);
  const creator = new TaskCreator(client, () => apiKeys.lookUp(), store);
  const deps: CommandDeps = { store, poller, apiKeys, previews, treeView, creator, vetMedia, settings, log, rawAnswers, videosFolder, state: context.globalState };
  const features = new LazyFeatures(deps);

  context.subscriptions.push(
    log,
    settings,
    apiKeys,
    shared,
    client,
    features,
    poller,
    previews,
    treeView,
    new TaskStatusBar(store),
    features.registerCommands(),
    registerTrackUriHandler(),
    rawAnswers.removeWith(store),
    registerRawAnswerDocuments(rawAnswers),
    registerCompletionNotifier(store, settings),
    features.followFinishedTasks(),
    registerPauseNotifier(poller, apiKeys),
    registerSettingsNotifier(settings),
    lease.onDidChange(() => features.copyMissingVideos()),
    apiKeys.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', ContextKey.hasApiKey, apiKeys.current !== undefined);
      poller.keyChanged();
      features.copyMissingVideos();
    }),
    settings.onDidChange(() => poller.settingsChanged()),
    vscode.window.onDidChangeWindowState((state) => poller.setFocused(state.focused)),
  );

  poller.setFocused(vscode.window.state.focused);
  apiKeys.load().then(
    () => {
      poller.start();
      features.copyMissingVideos();
    },
    (error: unknown) => log.error(`Could not read the API key: ${String(error)}`),
  );
  return { store, apiKeys, poller, previews };
}
