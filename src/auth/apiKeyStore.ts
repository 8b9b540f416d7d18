import * as vscode from 'vscode';
import { parseBaseUrl } from '../api/baseUrl';
import { ContextKey } from '../commandIds';
import { lookUpKey, type KeyLookup } from './keyLookup';

const SECRET_KEY = 'anyapiVideo.apiKey';
/** The origin the key may be sent to. Not a secret, so it lives in globalState. */
const ORIGIN_KEY = 'anyapiVideo.keyOrigin';

/**
 * The API key, kept only in SecretStorage. A copy is held in memory so the
 * scheduler can read it synchronously; a change made in another window
 * arrives through `secrets.onDidChange`. The key is tied to the gateway
 * origin it was set for, and is not sent elsewhere without the user's yes.
 */
export class ApiKeyStore implements vscode.Disposable {
  private key: string | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the key was set, changed or cleared, here or in another window. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly baseUrl: () => string,
  ) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) {
        void this.load();
      }
    });
  }

  get current(): string | undefined {
    return this.key;
  }

  /** The key, if it may be sent to the configured gateway now. */
  lookUp(): KeyLookup {
    return lookUpKey(this.key, this.state.get<string>(ORIGIN_KEY), this.baseUrl());
  }

  /** Allows sending the key to `origin` (the user said yes, or set the key for it). */
  async allowOrigin(origin: string): Promise<void> {
    await this.state.update(ORIGIN_KEY, origin);
    this.emitter.fire();
  }

  /** Reads the key from SecretStorage; resolves once the in-memory copy is current. */
  async load(): Promise<void> {
    let key: string | undefined;
    try {
      key = (await this.secrets.get(SECRET_KEY)) || undefined;
    } catch {
      // An unreadable keychain behaves like a missing key; the user is asked to set one.
      key = undefined;
    }
    if (key !== undefined && this.state.get(ORIGIN_KEY) === undefined) {
      // A key from before origins were remembered was set for the gateway configured now.
      await this.allowCurrentOrigin();
    }
    if (key === this.key) {
      return;
    }
    this.key = key;
    await vscode.commands.executeCommand('setContext', ContextKey.hasApiKey, key !== undefined);
    this.emitter.fire();
  }

  /** Stores the key for the gateway configured now. */
  async set(key: string): Promise<void> {
    await this.allowCurrentOrigin();
    await this.secrets.store(SECRET_KEY, key);
    await this.load();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    await this.load();
  }

  private async allowCurrentOrigin(): Promise<void> {
    let origin: string;
    try {
      origin = parseBaseUrl(this.baseUrl()).origin;
    } catch {
      // An invalid base URL is reported when a request is attempted; no origin is allowed for it.
      return;
    }
    await this.allowOrigin(origin);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
