import { DEFAULT_BASE_URL } from '../api/baseUrl';
import { DisposableStore } from '../disposableStore';
import { Emitter, type Disposable, type Event } from '../tasks/events';
import { lookUpKey, type KeyLookup } from './keyLookup';

/** What the store needs of `vscode.SecretStorage`. */
export interface SecretStore {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
  readonly onDidChange: Event<{ readonly key: string }>;
}

/** The key and the one origin it may be sent to, stored as one secret so neither can change without the other. */
interface KeyBinding {
  readonly key: string;
  readonly origin: string;
}

/** `{"key": …, "origin": …}`: written in one `store`, so no window can ever read a key with another key's origin. */
const BINDING_SECRET = 'anyapiVideo.keyBinding';
/**
 * Where 0.6 kept the bare key. 0.6 approved whatever `baseUrl` was in effect,
 * which a workspace could set, so that approval is not carried over.
 */
const LEGACY_SECRET = 'anyapiVideo.apiKey';

/**
 * The API key, kept only in SecretStorage, bound to the gateway origin the
 * user saw when setting it, and sent nowhere else without the user allowing
 * that origin by name. A copy is held in memory so the scheduler can read it
 * synchronously; a change made in another window arrives through
 * `secrets.onDidChange`.
 */
export class ApiKeyStore implements Disposable {
  private binding: KeyBinding | undefined;
  private readonly disposables = new DisposableStore();
  private readonly emitter = this.disposables.add(new Emitter<void>());

  /** Fires after the key or its origin was set, changed or cleared, here or in another window. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly secrets: SecretStore,
    /** The configured gateway (`anyapiVideo.baseUrl`, user settings only). */
    readonly baseUrl: () => string,
  ) {
    this.disposables.add(
      secrets.onDidChange((event) => {
        if (event.key === BINDING_SECRET) {
          void this.load();
        }
      }),
    );
  }

  get current(): string | undefined {
    return this.binding?.key;
  }

  /** The key, if it may be sent to the configured gateway now. */
  lookUp(): KeyLookup {
    return lookUpKey(this.binding?.key, this.binding?.origin, this.baseUrl());
  }

  /** Allows sending the key to `origin`: the user named it in a question that showed it. */
  async allowOrigin(origin: string): Promise<void> {
    if (this.binding !== undefined) {
      await this.save({ key: this.binding.key, origin });
    }
  }

  /** Reads the key from SecretStorage; resolves once the in-memory copy is current. */
  async load(): Promise<void> {
    let binding: KeyBinding | undefined;
    try {
      binding = parseBinding(await this.secrets.get(BINDING_SECRET)) ?? (await this.migrate());
    } catch {
      // An unreadable keychain behaves like a missing key; the user is asked to set one.
      binding = undefined;
    }
    if (binding?.key === this.binding?.key && binding?.origin === this.binding?.origin) {
      return;
    }
    this.binding = binding;
    this.emitter.fire();
  }

  /** Stores the key for `origin`, the gateway the user was shown when typing it. */
  async set(key: string, origin: string): Promise<void> {
    await this.save({ key, origin });
  }

  async clear(): Promise<void> {
    await this.secrets.delete(BINDING_SECRET);
    await this.load();
  }

  dispose(): void {
    this.disposables.dispose();
  }

  private async save(binding: KeyBinding): Promise<void> {
    await this.secrets.store(BINDING_SECRET, JSON.stringify(binding));
    await this.load();
  }

  /**
   * A key from 0.6 or earlier: nobody can tell which origin the user saw, so it
   * is bound to AnyAPI's own. Anyone on another gateway is asked once, by name,
   * before the key goes there.
   */
  private async migrate(): Promise<KeyBinding | undefined> {
    const legacy = (await this.secrets.get(LEGACY_SECRET))?.trim();
    if (!legacy) {
      return undefined;
    }
    const binding = { key: legacy, origin: new URL(DEFAULT_BASE_URL).origin };
    await this.secrets.store(BINDING_SECRET, JSON.stringify(binding));
    await this.secrets.delete(LEGACY_SECRET);
    return binding;
  }
}

function parseBinding(stored: string | undefined): KeyBinding | undefined {
  if (stored === undefined) {
    return undefined;
  }
  try {
    const parsed = JSON.parse(stored) as Partial<KeyBinding> | null;
    return typeof parsed?.key === 'string' && parsed.key !== '' && typeof parsed.origin === 'string' ? { key: parsed.key, origin: parsed.origin } : undefined;
  } catch {
    return undefined;
  }
}
