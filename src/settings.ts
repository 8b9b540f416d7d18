import * as vscode from 'vscode';
import type { HttpSettings } from './api/videoApiClient';
import type { PollerSettings } from './tasks/poller';

/** The extension's settings as declared in package.json `contributes.configuration`, already clamped. */
export interface ExtensionSettings {
  readonly baseUrl: string;
  readonly pollIntervalSeconds: number;
  readonly maxConcurrentRequests: number;
  readonly requestTimeoutSeconds: number;
  readonly notifyOnCompletion: boolean;
}

const SECTION = 'anyapiVideo';
export const MIN_POLL_INTERVAL_SECONDS = 2;

/**
 * One typed reader of the settings. Values are cached and re-read only when
 * VS Code reports a change, because the scheduler asks on every query.
 */
export class Settings implements vscode.Disposable {
  private cached: { extension: ExtensionSettings; http: HttpSettings } | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires after any setting this extension reads has changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(SECTION) || event.affectsConfiguration('http')) {
        this.cached = undefined;
        this.emitter.fire();
      }
    });
  }

  get current(): ExtensionSettings {
    return this.read().extension;
  }

  get http(): HttpSettings {
    return this.read().http;
  }

  get poller(): PollerSettings {
    const { pollIntervalSeconds, maxConcurrentRequests } = this.current;
    return { intervalMs: pollIntervalSeconds * 1000, maxConcurrent: maxConcurrentRequests };
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private read(): { extension: ExtensionSettings; http: HttpSettings } {
    if (this.cached) {
      return this.cached;
    }
    const config = vscode.workspace.getConfiguration(SECTION);
    const extension: ExtensionSettings = {
      baseUrl: config.get<string>('baseUrl', 'https://www.anyapi.vip'),
      pollIntervalSeconds: clamp(config.get<number>('pollIntervalSeconds', 10), MIN_POLL_INTERVAL_SECONDS, 3600, 10),
      maxConcurrentRequests: Math.round(clamp(config.get<number>('maxConcurrentRequests', 4), 1, 32, 4)),
      requestTimeoutSeconds: clamp(config.get<number>('requestTimeoutSeconds', 30), 1, 300, 30),
      notifyOnCompletion: config.get<boolean>('notifyOnCompletion', true),
    };
    const http = vscode.workspace.getConfiguration('http');
    const proxyUrl = http.get<string>('proxy', '').trim();
    this.cached = {
      extension,
      http: {
        baseUrl: extension.baseUrl,
        timeoutMs: extension.requestTimeoutSeconds * 1000,
        proxy: { proxyUrl: proxyUrl === '' ? undefined : proxyUrl, strictSSL: http.get<boolean>('proxyStrictSSL', true) },
      },
    };
    return this.cached;
  }
}

function clamp(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return fallback;
  }
  return Math.min(max, Math.max(min, value));
}
