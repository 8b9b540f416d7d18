import * as assert from 'node:assert/strict';
import { serializeTasks } from '../../src/tasks/persistence';
import type { TaskChange, TaskFinished } from '../../src/tasks/taskStore';
import { MAX_TRACKED_TASKS, TaskStore } from '../../src/tasks/taskStore';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

describe('TaskStore', () => {
  let storage: MemoryStorage;
  let store: TaskStore;
  let changes: TaskChange[];
  let finished: TaskFinished[];

  beforeEach(() => {
    storage = new MemoryStorage();
    store = new TaskStore(storage, new MemoryLogger(), () => 1000);
    changes = [];
    finished = [];
    store.onDidChange((change) => changes.push(change));
    store.onDidFinish((event) => finished.push(event));
  });

  it('adds new ids and reports those already tracked', () => {
    assert.deepEqual(store.add(['a', 'b']), { added: ['a', 'b'], existing: [], overLimit: 0 });
    assert.deepEqual(store.add(['b', 'c']), { added: ['c'], existing: ['b'], overLimit: 0 });
    assert.equal(store.size, 3);
    assert.deepEqual(changes, [
      { ids: ['a', 'b'], membership: true },
      { ids: ['c'], membership: true },
    ]);
  });

  it('fires a change only for tasks whose state really changed', () => {
    store.add(['a', 'b']);
    changes = [];
    store.recordSnapshot('a', snapshot('running', { progress: 10 }));
    store.recordSnapshot('a', snapshot('running', { progress: 10 }));
    store.recordSnapshot('b', snapshot('queued'));
    store.recordSnapshot('a', snapshot('running', { progress: 20 }));
    assert.deepEqual(
      changes.map((change) => change.ids),
      [['a'], ['b'], ['a']],
    );
  });

  it('reports a task that finishes while tracked, but not one first seen finished', () => {
    store.add(['live', 'old']);
    store.recordSnapshot('live', snapshot('running'));
    store.recordSnapshot('old', snapshot('succeeded'));
    store.recordSnapshot('live', snapshot('succeeded'));
    store.recordSnapshot('live', snapshot('succeeded'));
    assert.deepEqual(
      finished.map((event) => event.task.id),
      ['live'],
    );
  });

  it('keeps the last good snapshot when a query fails, and clears the problem on the next success', () => {
    store.add(['a']);
    store.recordSnapshot('a', snapshot('succeeded', { videoUrl: 'https://x/v.mp4' }));
    store.recordProblem('a', { kind: 'network', message: 'down', at: 2000 });
    assert.equal(store.get('a')?.snapshot?.status, 'succeeded');
    assert.equal(store.get('a')?.problem?.message, 'down');
    store.recordSnapshot('a', snapshot('succeeded', { videoUrl: 'https://x/v.mp4' }));
    assert.equal(store.get('a')?.problem, undefined);
  });

  it('round-trips every task and its state through storage', async () => {
    store.add(['a', 'grok:b', 'c']);
    store.recordSnapshot('a', snapshot('succeeded', { videoUrl: 'https://x/v.mp4', prompt: 'p', updatedAt: 5, progress: 100 }));
    store.recordSnapshot('grok:b', snapshot('running', { serverId: 'b', model: 'grok-3' }));
    store.recordProblem('c', { kind: 'notFound', message: 'unknown id', at: 7 });
    await store.persist();
    const reloaded = new TaskStore(storage, new MemoryLogger());
    assert.deepEqual(reloaded.all(), store.all());
  });

  it('writes only when something changed', async () => {
    store.add(['a']);
    await store.persist();
    const writes = storage.writes;
    await store.persist();
    await store.persist();
    assert.equal(storage.writes, writes);
    store.recordSnapshot('a', snapshot('running'));
    await store.persist();
    assert.equal(storage.writes, writes + 1);
  });

  it('keeps the readable tasks of damaged stored state and drops the rest', () => {
    const damaged = new MemoryStorage({
      version: 1,
      tasks: [
        { id: 'good', addedAt: 1, snapshot: { rawStatus: 'completed', videoUrl: 'https://x/v.mp4' } },
        { id: 'bad-snapshot', addedAt: 2, snapshot: { rawStatus: { nested: true } }, problem: { kind: 'evil', message: 'x', at: 1 } },
        { id: 'good', addedAt: 3 },
        { addedAt: 4 },
        null,
        'text',
        JSON.parse('{"id":"proto","addedAt":5,"__proto__":{"polluted":true}}'),
      ],
    });
    const log = new MemoryLogger();
    const restored = new TaskStore(damaged, log);
    assert.deepEqual(
      restored.all().map((task) => task.id),
      ['good', 'bad-snapshot', 'proto'],
    );
    assert.equal(restored.get('good')?.snapshot?.status, 'succeeded', 'status is recomputed from the raw word');
    assert.equal(restored.get('bad-snapshot')?.snapshot, undefined);
    assert.equal(restored.get('bad-snapshot')?.problem, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(restored.get('proto'), 'polluted'), false, 'a key named __proto__ is data, not a field');
    assert.ok(log.lines.some((line) => line.includes('Dropped 4')), log.lines.join('\n'));
  });

  it('restores no field a stored entry only inherits', () => {
    const inherited = { addedAt: 9, label: 'From a prototype' };
    const stored = { version: 2, tasks: [Object.assign(Object.create(inherited) as object, { id: 'a', addedAt: 1 }), Object.assign(Object.create(inherited) as object, { id: 'b' })], removed: {} };
    const restored = new TaskStore({ read: () => stored, write: async () => undefined }, new MemoryLogger());
    assert.deepEqual(restored.all(), [{ id: 'a', addedAt: 1 }], 'b has no addedAt of its own; a has no label');
  });

  it('starts empty from nothing or from garbage', () => {
    for (const value of [undefined, null, 42, 'x', [], { tasks: 'no' }]) {
      assert.equal(new TaskStore(new MemoryStorage(value), new MemoryLogger()).size, 0);
    }
  });

  it('keeps the change pending when a write fails, and logs it', async () => {
    const log = new MemoryLogger();
    let fail = true;
    const flaky = {
      read: () => undefined,
      write: async () => {
        if (fail) {
          throw new Error('disk full');
        }
      },
    };
    const flakyStore = new TaskStore(flaky, log);
    flakyStore.add(['a']);
    await flakyStore.persist();
    assert.ok(log.lines.some((line) => line.includes('disk full')));
    fail = false;
    let wrote = false;
    flaky.write = async () => {
      wrote = true;
    };
    await flakyStore.persist();
    assert.equal(wrote, true);
  });
});

describe('TaskStore labels', () => {
  it('renames a task, keeps the name through answers and reloads, and removes it when empty', async () => {
    const storage = new MemoryStorage();
    const store = new TaskStore(storage, new MemoryLogger());
    store.add(['grok:abc']);
    const changes: string[][] = [];
    store.onDidChange((change) => changes.push([...change.ids]));
    store.rename('grok:abc', '  Flying cow  ');
    store.recordSnapshot('grok:abc', snapshot('running'));
    assert.equal(store.get('grok:abc')?.label, 'Flying cow');
    await store.persist();
    assert.equal(new TaskStore(storage, new MemoryLogger()).get('grok:abc')?.label, 'Flying cow');
    store.rename('grok:abc', '');
    assert.equal('label' in (store.get('grok:abc') ?? {}), false);
    assert.deepEqual(changes, [['grok:abc'], ['grok:abc'], ['grok:abc']]);
  });
});

describe('TaskStore: a ceiling on tracked tasks', () => {
  it('tracks all of the new ids or none of them, and says how many were over the limit', () => {
    const store = new TaskStore(new MemoryStorage(), new MemoryLogger());
    const first = Array.from({ length: MAX_TRACKED_TASKS - 2 }, (_, n) => `t-${n}`);
    assert.equal(store.add(first).added.length, MAX_TRACKED_TASKS - 2);
    const result = store.add(['t-0', 'x-1', 'x-2', 'x-3']);
    assert.deepEqual(result, { added: [], existing: ['t-0'], overLimit: 3 });
    assert.equal(store.size, MAX_TRACKED_TASKS - 2);
    assert.deepEqual(store.add(['x-1', 'x-2', 'x-1']), { added: ['x-1', 'x-2'], existing: [], overLimit: 0 });
    assert.equal(store.size, MAX_TRACKED_TASKS);
  });
});

describe('TaskStore: writing at the end of a sweep', () => {
  it('reads the storage again only when another window wrote it', async () => {
    let reads = 0;
    let foreignWrite = false;
    let value: unknown = serializeTasks([{ id: 'a', addedAt: 1 }]);
    const storage = {
      read: () => (reads++, value),
      write: async (written: unknown) => void (value = written),
      changedSinceSeen: () => foreignWrite,
    };
    const store = new TaskStore(storage, new MemoryLogger());
    store.recordSnapshot('a', snapshot('running'));
    await store.persist();
    store.recordSnapshot('a', snapshot('running', { progress: 50 }));
    await store.persist();
    assert.equal(reads, 1, 'read once, to restore; no other window wrote since');
    foreignWrite = true;
    value = serializeTasks([{ id: 'a', addedAt: 1 }, { id: 'b', addedAt: 2 }]);
    store.recordSnapshot('a', snapshot('running', { progress: 60 }));
    await store.persist();
    assert.equal(reads, 2);
    assert.deepEqual(store.all().map((task) => task.id).sort(), ['a', 'b'], 'and merged what the other window tracked');
  });
});

describe('TaskStore: restoring off the activation path', () => {
  it('reads storage on first use, not when it is built', () => {
    let reads = 0;
    const stored = serializeTasks([{ id: 'a', addedAt: 1 }]);
    const store = new TaskStore({ read: () => (reads++, stored), write: async () => undefined }, new MemoryLogger());
    assert.equal(reads, 0, 'activate() builds the store; reading 1,500 tasks must wait until something looks');
    assert.deepEqual(store.all().map((task) => task.id), ['a']);
    store.get('a');
    assert.equal(reads, 1, 'and reads once');
  });

  it('ignores another window\'s write until it is first used: that read finds the file as it is then', () => {
    let reads = 0;
    let stored = serializeTasks([{ id: 'a', addedAt: 1 }]);
    const store = new TaskStore({ read: () => (reads++, stored), write: async () => undefined }, new MemoryLogger());
    stored = serializeTasks([{ id: 'a', addedAt: 1 }, { id: 'b', addedAt: 2 }]);
    store.sync();
    assert.equal(reads, 0, 'a watch event at startup reads nothing');
    assert.deepEqual(store.all().map((task) => task.id).sort(), ['a', 'b']);
  });
});
