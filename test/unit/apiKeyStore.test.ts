import * as assert from 'node:assert/strict';
import { ApiKeyStore, type SecretStore } from '../../src/auth/apiKeyStore';
import { Emitter } from '../../src/tasks/events';

class MemorySecrets implements SecretStore {
  readonly values = new Map<string, string>();
  failStores = false;
  private readonly emitter = new Emitter<{ key: string }>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    if (this.failStores) {
      throw new Error('keychain locked');
    }
    this.values.set(key, value);
    this.emitter.fire({ key });
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
    this.emitter.fire({ key });
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
    // 0.6 kept the bare key and approved whatever origin was configured, which may have come from a cloned repository.
    secrets.values.set('anyapiVideo.apiKey', 'sk-old');
    baseUrl = 'https://evil.example';
    const store = new ApiKeyStore(secrets, () => baseUrl);
    await store.load();
    assert.equal(sent(store), undefined, 'nothing goes to the configured origin');
    const lookup = store.lookUp();
    assert.ok('pause' in lookup && lookup.pause.reason === 'keyOrigin' && lookup.pause.origin === 'https://evil.example');
    assert.equal(secrets.values.has('anyapiVideo.apiKey'), false, 'the bare 0.6 key is gone');
    baseUrl = 'https://www.anyapi.vip';
    assert.equal(sent(store), 'sk-old', 'AnyAPI itself gets the key');
  });

  it('never pairs a key with an origin it was not set for, even when saving fails halfway', async () => {
    const store = new ApiKeyStore(secrets, () => baseUrl);
    await store.set('sk-1', 'https://www.anyapi.vip');
    secrets.failStores = true;
    await assert.rejects(store.set('sk-2', 'https://other.example'));
    await assert.rejects(store.allowOrigin('https://other.example'));
    baseUrl = 'https://other.example';
    assert.equal(sent(store), undefined, 'sk-1 is still bound to AnyAPI only');
    baseUrl = 'https://www.anyapi.vip';
    assert.equal(sent(store), 'sk-1');
  });

  it('binds a new key to the origin the input box showed, even if the setting changed meanwhile', async () => {
    const store = new ApiKeyStore(secrets, () => baseUrl);
    await store.load();
    baseUrl = 'https://other.example';
    await store.set('sk-new', 'https://www.anyapi.vip');
    assert.equal(sent(store), undefined);
    baseUrl = 'https://www.anyapi.vip';
    assert.equal(sent(store), 'sk-new');
  });

  it('tells listeners when the same key is allowed for another origin', async () => {
    const store = new ApiKeyStore(secrets, () => baseUrl);
    await store.set('sk', 'https://www.anyapi.vip');
    let changes = 0;
    store.onDidChange(() => changes++);
    baseUrl = 'https://gw.example';
    await store.set('sk', 'https://gw.example');
    assert.ok(changes >= 1);
    assert.equal(sent(store), 'sk');
  });

  it('asks before sending the key in clear text to a plain http gateway off this machine, and remembers the yes', async () => {
    const store = new ApiKeyStore(secrets, () => baseUrl);
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
    const store = new ApiKeyStore(secrets, () => baseUrl);
    await store.set('sk', 'https://www.anyapi.vip');
    baseUrl = 'http://127.0.0.1:8080';
    const lookup = store.lookUp();
    assert.ok('pause' in lookup && lookup.pause.clearText === false);
  });

  it('follows a key set or cleared in another window', async () => {
    const store = new ApiKeyStore(secrets, () => baseUrl);
    await store.load();
    const other = new ApiKeyStore(secrets, () => baseUrl);
    await other.set('sk-from-there', 'https://www.anyapi.vip');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(store.current, 'sk-from-there');
    await other.clear();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(store.current, undefined);
  });
});
