import * as vscode from 'vscode';
import { LazyVideoApiClient } from './api/lazyVideoApiClient';
import { ApiKeyStore } from './auth/apiKeyStore';
import { ContextKey } from './commandIds';
import type { CommandDeps } from './commands/commandDeps';
import { LazyFeatures } from './commands/lazyCommands';
import { errorMessage } from './log';
import { Settings } from './settings';
import { ExpiryWatch } from './tasks/expiryWatch';
import { Poller } from './tasks/poller';
import type { PollerLease } from './tasks/pollerLease';
import { RawAnswers } from './tasks/rawAnswers';
import { openSharedFolder } from './tasks/sharedFolder';
import { StallWatch } from './tasks/stallWatch';
import type { TaskStore } from './tasks/taskStore';
import { TaskStatusBar } from './views/taskStatusBar';
import { TaskTreeView } from './views/taskTreeView';
import { wireTranslations } from './vscodeL10n';

/** What activation built; returned for the integration tests. */
export interface ExtensionApi {
  readonly store: TaskStore;
  readonly apiKeys: ApiKeyStore;
  readonly poller: Poller;
  /** dist/features.js, which holds the previews. */
  readonly features: LazyFeatures;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  wireTranslations();
  const log = vscode.window.createOutputChannel('AnyAPI Video', { log: true });
  const settings = new Settings();
  const apiKeys = new ApiKeyStore(context.secrets, () => settings.current.baseUrl);
  const shared = openSharedFolder(context.globalStorageUri.fsPath, context.globalState, () => settings.poller.intervalMs, log);
  const { store, lease, videosFolder } = shared;
  const rawAnswers = new RawAnswers(shared.rawAnswersFolder, log);
  const client = new LazyVideoApiClient(() => settings.http, log, (taskId, httpStatus, text, apiKey) => {
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
  const stalls = new StallWatch(store, () => settings.current.stallFactor);
  const treeView = new TaskTreeView(store, poller, stalls, context.globalState);
  const deps: CommandDeps = {
    store,
    poller,
    stalls,
    apiKeys,
    client,
    treeView,
    settings,
    log,
    rawAnswers,
    videosFolder,
    extensionUri: context.extensionUri,
    state: context.globalState,
  };
  const features = new LazyFeatures(deps);

  context.subscriptions.push(
    log,
    settings,
    apiKeys,
    shared,
    client,
    features,
    poller,
    stalls,
    treeView,
    // VS Code uses these as soon as activation ends: it runs the command or opens the vscode:// link
    // that activated the extension, and hands over a preview, the gallery, a comparison or a raw answer left open.
    features.registerCommands(),
    features.restorePanels(),
    features.handleLinks(),
    features.provideRawAnswers(),
  );
  // Nothing else is needed to show the view, so it starts once activate() has returned (docs/PERFORMANCE.md).
  const afterActivation = setImmediate(() => {
    try {
      context.subscriptions.push(startAfterActivation(deps, features, lease));
    } catch (error) {
      log.error(`Could not finish starting: ${errorMessage(error)}`);
    }
  });
  context.subscriptions.push({ dispose: () => clearImmediate(afterActivation) });
  return { store, apiKeys, poller, features };
}

/** The status bar, the notifications, the watches for stalled tasks and expiring links, and polling, which resumes once the key is read. */
function startAfterActivation(deps: CommandDeps, features: LazyFeatures, lease: PollerLease): vscode.Disposable {
  const { store, poller, stalls, apiKeys, settings, rawAnswers, log } = deps;
  const expiries = new ExpiryWatch(store);
  const disposable = vscode.Disposable.from(
    new TaskStatusBar(store, stalls),
    features.announceStalls(lease),
    expiries,
    features.announceExpiries(expiries, lease),
    rawAnswers.removeWith(store),
    features.notifyOfEvents(),
    features.followFinishedTasks(),
    features.followSettingsNotices(),
    lease.onDidChange(() => features.copyMissingVideos()),
    apiKeys.onDidChange(() => {
      void vscode.commands.executeCommand('setContext', ContextKey.hasApiKey, apiKeys.current !== undefined);
      poller.keyChanged();
      features.copyMissingVideos();
    }),
    settings.onDidChange(() => {
      poller.settingsChanged();
      stalls.check();
    }),
    vscode.window.onDidChangeWindowState((state) => {
      poller.setFocused(state.focused);
      if (state.focused) {
        expiries.check(); // Timers stop while the machine sleeps.
      }
    }),
  );
  // Their first looks read every stored task, like the status bar's: a turn of the event loop later.
  const firstLook = setImmediate(() => {
    stalls.check();
    expiries.check();
  });
  poller.setFocused(vscode.window.state.focused);
  apiKeys.load().then(
    () => {
      poller.start();
      features.copyMissingVideos();
    },
    (error: unknown) => log.error(`Could not read the API key: ${String(error)}`),
  );
  return vscode.Disposable.from(disposable, { dispose: () => clearImmediate(firstLook) });
}
