import * as assert from 'node:assert/strict';
import { ApiKeyStore, type KeyValueState, type SecretStore } from '../../src/auth/apiKeyStore';
import { Emitter } from '../../src/tasks/events';

class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  private readonly emitter = new Emitter<{ key: string }>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
    this.emitter.fire({ key });
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.emitter.fire({ key });
  }
}

class MemoryState implements KeyValueState {
  constructor(readonly values: Record<string, unknown> = {}) {}
  get<T>(key: string): T | undefined {
    return this.values[key] as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) {
      delete this.values[key];
    } else {
      this.values[key] = value;
    }
  }
}

const sent = (store: ApiKeyStore): string | undefined => {
  const lookup = store.lookUp();
  return 'key' in lookup ? lookup.key : undefined;
};

describe('ApiKeyStore: the key goes only to an origin the user saw', () => {
  let secrets: MemorySecrets;
  let baseUrl: string;

  beforeEach(() => {
    secrets = new MemorySecrets();
    baseUrl = 'https://www.anyapi.vip';
  });

  it('binds a key from 0.6 to AnyAPI’s own origin, never to the base URL in effect (a workspace could have set it)', async () => {
    secrets.values.set('anyapiVideo.apiKey', 'sk-old');
    // 0.6 approved whatever origin was configured when the key was set; that may have come from a cloned repository.
    const state = new MemoryState({ 'anyapiVideo.keyOrigin': 'https://evil.example' });
    baseUrl = 'https://evil.example';
    const store = new ApiKeyStore(secrets, state, () => baseUrl);
    await store.load();
    assert.equal(sent(store), undefined, 'nothing goes to the old origin');
    const lookup = store.lookUp();
    assert.ok('pause' in lookup && lookup.pause.reason === 'keyOrigin' && lookup.pause.origin === 'https://evil.example');
    assert.equal(state.values['anyapiVideo.keyOrigin'], undefined, 'the untrusted approval is gone');
    baseUrl = 'https://www.anyapi.vip';
    assert.equal(sent(store), 'sk-old', 'AnyAPI itself gets the key');
  });

  it('binds a new key to the origin the input box showed, even if the setting changed meanwhile', async () => {
    const store = new ApiKeyStore(secrets, new MemoryState(), () => baseUrl);
    await store.load();
    baseUrl = 'https://other.example';
    await store.set('sk-new', 'https://www.anyapi.vip');
    assert.equal(sent(store), undefined);
    baseUrl = 'https://www.anyapi.vip';
    assert.equal(sent(store), 'sk-new');
  });

  it('tells listeners when the same key is allowed for another origin', async () => {
    const store = new ApiKeyStore(secrets, new MemoryState(), () => baseUrl);
    await store.set('sk', 'https://www.anyapi.vip');
    let changes = 0;
    store.onDidChange(() => changes++);
    baseUrl = 'https://gw.example';
    await store.set('sk', 'https://gw.example');
    assert.ok(changes >= 1);
    assert.equal(sent(store), 'sk');
  });

  it('asks before sending the key in clear text to a plain http gateway off this machine, and remembers the yes', async () => {
    const store = new ApiKeyStore(secrets, new MemoryState(), () => baseUrl);
    await store.set('sk', 'https://www.anyapi.vip');
    baseUrl = 'http://gw.example:8080';
    const lookup = store.lookUp();
    assert.ok('pause' in lookup);
    assert.equal(lookup.pause.clearText, true);
    assert.match(lookup.pause.message, /clear text/);
    await store.allowOrigin('http://gw.example:8080');
    assert.equal(sent(store), 'sk');
  });

  it('does not call a loopback http gateway clear text', async () => {
    const store = new ApiKeyStore(secrets, new MemoryState(), () => baseUrl);
    await store.set('sk', 'https://www.anyapi.vip');
    baseUrl = 'http://127.0.0.1:8080';
    const lookup = store.lookUp();
    assert.ok('pause' in lookup && lookup.pause.clearText === false);
  });

  it('follows a key set or cleared in another window', async () => {
    const state = new MemoryState();
    const store = new ApiKeyStore(secrets, state, () => baseUrl);
    await store.load();
    const other = new ApiKeyStore(secrets, state, () => baseUrl);
    await other.set('sk-from-there', 'https://www.anyapi.vip');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(store.current, 'sk-from-there');
    await other.clear();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(store.current, undefined);
  });
});
