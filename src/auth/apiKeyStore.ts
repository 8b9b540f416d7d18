import { DEFAULT_BASE_URL } from '../api/baseUrl';
import { Emitter, type Disposable, type Event } from '../tasks/events';
import { lookUpKey, type KeyLookup } from './keyLookup';

/** What the store needs of `vscode.SecretStorage`. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  readonly onDidChange: Event<{ readonly key: string }>;
}

/** What the store needs of `vscode.Memento` (globalState). */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const SECRET_KEY = 'anyapiVideo.apiKey';
/** The origin the key may be sent to. Not a secret, so it lives in globalState. */
const TARGET_KEY = 'anyapiVideo.keyTarget';
/**
 * Where 0.6 kept the origin. It was bound to whatever `baseUrl` was in effect,
 * which a workspace could set, so it is not trusted: see {@link ApiKeyStore.load}.
 */
const LEGACY_ORIGIN_KEY = 'anyapiVideo.keyOrigin';

/**
 * The API key, kept only in SecretStorage. A copy is held in memory so the
 * scheduler can read it synchronously; a change made in another window
 * arrives through `secrets.onDidChange`. The key is bound to the gateway
 * origin the user saw when setting it, and is sent nowhere else without
 * the user allowing that origin by name.
 */
export class ApiKeyStore implements Disposable {
  private key: string | undefined;
  private readonly emitter = new Emitter<void>();
  private readonly subscription: Disposable;

  /** Fires after the key was set, changed or cleared, here or in another window. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly secrets: SecretStore,
    private readonly state: KeyValueState,
    /** The configured gateway (`anyapiVideo.baseUrl`, user settings only). */
    readonly baseUrl: () => string,
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
    return lookUpKey(this.key, this.state.get<string>(TARGET_KEY), this.baseUrl());
  }

  /** Allows sending the key to `origin`: the user named it in a question that showed it. */
  async allowOrigin(origin: string): Promise<void> {
    await this.state.update(TARGET_KEY, origin);
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
    if (key !== undefined && this.state.get(TARGET_KEY) === undefined) {
      // A key from 0.6 or earlier: nobody can tell which origin the user saw, so it is bound to
      // AnyAPI's own. Anyone on another gateway is asked once, by name, before the key goes there.
      await this.state.update(LEGACY_ORIGIN_KEY, undefined);
      await this.state.update(TARGET_KEY, new URL(DEFAULT_BASE_URL).origin);
    }
    if (key === this.key) {
      return;
    }
    this.key = key;
    this.emitter.fire();
  }

  /** Stores the key for `origin`, the gateway the user was shown when typing it. */
  async set(key: string, origin: string): Promise<void> {
    const before = this.key;
    await this.state.update(TARGET_KEY, origin);
    await this.secrets.store(SECRET_KEY, key);
    await this.load();
    if (this.key === before) {
      // The same key for another origin: load() saw no change, but where it may go did change.
      this.emitter.fire();
    }
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
