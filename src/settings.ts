import * as vscode from 'vscode';
import { DEFAULT_BASE_URL } from './api/baseUrl';
import type { HttpSettings } from './api/videoApiClient';
import { DisposableStore } from './disposableStore';
import { clampSetting, notifyOnFrom, type NotifyOn } from './settingsValues';
import type { PollerSettings } from './tasks/poller';

/** The extension's settings as declared in package.json `contributes.configuration`, already clamped. */
export interface ExtensionSettings {
  readonly baseUrl: string;
  readonly pollIntervalSeconds: number;
  readonly maxConcurrentRequests: number;
  readonly requestTimeoutSeconds: number;
  readonly notifyOn: NotifyOn;
  /** A task is stalled after this many times its model's typical time without a change. */
  readonly stallFactor: number;
  /** Empty: off. */
  readonly autoDownloadFolder: string;
  /** The largest video a download may write. */
  readonly maxDownloadBytes: number;
  /** `ready`: keep a copy of every video that finishes while tracked. */
  readonly keepCopies: 'off' | 'ready';
  /** What all kept copies together may take. */
  readonly keptCopiesMaxBytes: number;
}

const SECTION = 'anyapiVideo';
const MIN_POLL_INTERVAL_SECONDS = 2;

/**
 * One typed reader of the settings. Values are cached and re-read only when
 * VS Code reports a change, because the scheduler asks on every query.
 */
export class Settings implements vscode.Disposable {
  private cached: { extension: ExtensionSettings; http: HttpSettings; notices: string[] } | undefined;
  private readonly disposables = new DisposableStore();
  private readonly emitter = this.disposables.add(new vscode.EventEmitter<void>());

  /** Fires after any setting this extension reads has changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.disposables.add(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SECTION) || event.affectsConfiguration('http')) {
          this.cached = undefined;
          this.emitter.fire();
        }
      }),
    );
  }

  get current(): ExtensionSettings {
    return this.read().extension;
  }

  get http(): HttpSettings {
    return this.read().http;
  }

  /** What was clamped, in words: "anyapiVideo.pollIntervalSeconds is 1; using the minimum, 2." */
  get notices(): readonly string[] {
    return this.read().notices;
  }

  get poller(): PollerSettings {
    const { pollIntervalSeconds, maxConcurrentRequests } = this.current;
    return { intervalMs: pollIntervalSeconds * 1000, maxConcurrent: maxConcurrentRequests };
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private read(): { extension: ExtensionSettings; http: HttpSettings; notices: string[] } {
    if (this.cached) {
      return this.cached;
    }
    const config = vscode.workspace.getConfiguration(SECTION);
    const pollInterval = clampSetting(`${SECTION}.pollIntervalSeconds`, config.get('pollIntervalSeconds'), {
      min: MIN_POLL_INTERVAL_SECONDS,
      max: 3600,
      fallback: 10,
    });
    const concurrency = clampSetting(`${SECTION}.maxConcurrentRequests`, config.get('maxConcurrentRequests'), {
      min: 1,
      max: 32,
      fallback: 4,
      integer: true,
    });
    const timeout = clampSetting(`${SECTION}.requestTimeoutSeconds`, config.get('requestTimeoutSeconds'), {
      min: 1,
      max: 300,
      fallback: 30,
    });
    // Disk use, like the download limit: user settings only.
    const keptCopiesMax = clampSetting(`${SECTION}.keptCopiesMaxMegabytes`, userSetting(config, 'keptCopiesMaxMegabytes'), {
      min: 1,
      max: 1024 * 1024,
      fallback: 2048,
      integer: true,
    });
    const stallFactor = clampSetting(`${SECTION}.stallFactor`, config.get('stallFactor'), { min: 1.5, max: 100, fallback: 3 });
    const maxDownload = clampSetting(`${SECTION}.maxDownloadMegabytes`, userSetting(config, 'maxDownloadMegabytes'), {
      min: 1,
      max: 1024 * 1024,
      fallback: 2048,
      integer: true,
    });
    const extension: ExtensionSettings = {
      baseUrl: userText(config, 'baseUrl', DEFAULT_BASE_URL),
      pollIntervalSeconds: pollInterval.value,
      maxConcurrentRequests: concurrency.value,
      requestTimeoutSeconds: timeout.value,
      notifyOn: notifyOnFrom(explicitValue(config, 'notifyOn'), config.get('notifyOnCompletion')),
      stallFactor: stallFactor.value,
      autoDownloadFolder: userText(config, 'autoDownloadFolder', ''),
      maxDownloadBytes: maxDownload.value * 1024 * 1024,
      keepCopies: userSetting(config, 'keepCopies') === 'ready' ? 'ready' : 'off',
      keptCopiesMaxBytes: keptCopiesMax.value * 1024 * 1024,
    };
    // The proxy sees every request and the key in it: user settings only, like baseUrl.
    const http = vscode.workspace.getConfiguration('http');
    const proxyUrl = userText(http, 'proxy', '').trim();
    this.cached = {
      extension,
      http: {
        baseUrl: extension.baseUrl,
        timeoutMs: extension.requestTimeoutSeconds * 1000,
        proxy: { proxyUrl: proxyUrl === '' ? undefined : proxyUrl, strictSSL: userSetting(http, 'proxyStrictSSL') !== false },
      },
      notices: [pollInterval, concurrency, timeout, stallFactor, maxDownload, keptCopiesMax].flatMap((setting) => (setting.notice === undefined ? [] : [setting.notice])),
    };
    return this.cached;
  }
}

/**
 * A setting that decides where the key or files go, from the user's own
 * settings only. package.json makes these `application`-scoped, so VS Code
 * already ignores a value from a workspace's `.vscode/settings.json` (a cloned
 * repository could otherwise point the key at its own server); reading the
 * user value here keeps that true wherever the scope is not enforced.
 */
function userSetting(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const inspected = config.inspect<unknown>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

/** The value set in any settings file, or undefined when only the default applies. */
function explicitValue(config: vscode.WorkspaceConfiguration, key: string): unknown {
  const inspected = config.inspect<unknown>(key);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

function userText(config: vscode.WorkspaceConfiguration, key: string, fallback: string): string {
  const value = userSetting(config, key);
  return typeof value === 'string' ? value : fallback;
}
