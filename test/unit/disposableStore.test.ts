import * as assert from 'node:assert/strict';
import { DisposableStore } from '../../src/disposableStore';

describe('DisposableStore', () => {
  const tracked = (log: string[], name: string, fail = false) => ({
    dispose: () => {
      log.push(name);
      if (fail) {
        throw new Error(`${name} failed`);
      }
    },
  });

  it('disposes everything once, in the order added', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(tracked(log, 'a'));
    store.add(tracked(log, 'b'));
    store.dispose();
    store.dispose();
    assert.deepEqual(log, ['a', 'b']);
  });

  it('disposes what is added after disposal at once', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.dispose();
    const late = store.add(tracked(log, 'late'));
    assert.deepEqual(log, ['late']);
    assert.equal(typeof late.dispose, 'function', 'add returns the item');
  });

  it('disposes the rest when one throws, then throws the first error', () => {
    const log: string[] = [];
    const store = new DisposableStore();
    store.add(tracked(log, 'a', true));
    store.add(tracked(log, 'b'));
    assert.throws(() => store.dispose(), /a failed/);
    assert.deepEqual(log, ['a', 'b']);
  });
});
