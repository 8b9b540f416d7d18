import * as vscode from 'vscode';
import { ContextKey } from '../commandIds';

const SECRET_KEY = 'anyapiVideo.apiKey';

/**
 * The API key, kept only in SecretStorage. A copy is held in memory so the
 * scheduler can read it synchronously; a change made in another window
 * arrives through `secrets.onDidChange`.
 */
export class ApiKeyStore implements vscode.Disposable {
  private key: string | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the key was set, changed or cleared, here or in another window. */
  readonly onDidChange = this.emitter.event;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      if (event.key === SECRET_KEY) {
        void this.load();
      }
    });
  }

  get current(): string | undefined {
    return this.key;
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
    if (key === this.key) {
      return;
    }
    this.key = key;
    await vscode.commands.executeCommand('setContext', ContextKey.hasApiKey, key !== undefined);
    this.emitter.fire();
  }

  async set(key: string): Promise<void> {
    await this.secrets.store(SECRET_KEY, key);
    await this.load();
  }

  async clear(): Promise<void> {
    await this.secrets.delete(SECRET_KEY);
    await this.load();
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }
}
