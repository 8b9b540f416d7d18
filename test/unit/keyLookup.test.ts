import * as assert from 'node:assert/strict';
import { lookUpKey } from '../../src/auth/keyLookup';

describe('lookUpKey', () => {
  it('gives the key for the origin it was set for', () => {
    assert.deepEqual(lookUpKey('k', 'https://www.anyapi.vip', 'https://www.anyapi.vip/'), { key: 'k' });
  });

  it('pauses without a key', () => {
    const lookup = lookUpKey(undefined, 'https://www.anyapi.vip', 'https://www.anyapi.vip');
    assert.ok('pause' in lookup && lookup.pause.reason === 'noKey');
  });

  it('withholds the key from another origin until the user allows it, naming both', () => {
    const lookup = lookUpKey('k', 'https://www.anyapi.vip', 'https://other-gateway.example');
    assert.ok('pause' in lookup);
    assert.equal(lookup.pause.reason, 'keyOrigin');
    assert.equal(lookup.pause.origin, 'https://other-gateway.example');
    assert.match(lookup.pause.message, /www\.anyapi\.vip.*other-gateway\.example/);
    assert.doesNotMatch(JSON.stringify(lookup), /"k"/, 'the key is not in the pause');
  });

  it('treats another port or scheme as another origin', () => {
    assert.ok('pause' in lookUpKey('k', 'https://gw.example', 'http://gw.example'));
    assert.ok('pause' in lookUpKey('k', 'http://127.0.0.1:8080', 'http://127.0.0.1:8081'));
  });

  it('withholds a key that no origin was ever confirmed for', () => {
    assert.ok('pause' in lookUpKey('k', undefined, 'https://www.anyapi.vip'));
  });

  it('says "clear text" for a plain http gateway off this machine, and not for loopback', () => {
    const remote = lookUpKey('k', 'https://www.anyapi.vip', 'http://gw.example');
    assert.ok('pause' in remote && remote.pause.clearText === true && /clear text/.test(remote.pause.message));
    const local = lookUpKey('k', 'https://www.anyapi.vip', 'http://localhost:3000');
    assert.ok('pause' in local && local.pause.clearText === false && !/clear text/.test(local.pause.message));
  });
});
