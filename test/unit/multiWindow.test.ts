import * as assert from 'node:assert/strict';
import { serializeTasks } from '../../src/tasks/persistence';
import type { TaskChange } from '../../src/tasks/taskStore';
import { TaskStore } from '../../src/tasks/taskStore';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

/**
 * Several windows of one profile: each has its own TaskStore on the one
 * storage they share (tasks.json), and its own idea of the time. Nothing
 * tracked, renamed or removed in one may be lost or come back in another.
 */
describe('Several windows on one storage', () => {
  let storage: MemoryStorage;
  let time: number;
  const window = (): TaskStore => new TaskStore(storage, new MemoryLogger(), () => time);
  const ids = (store: TaskStore): string[] => store.all().map((task) => task.id).sort();

  beforeEach(() => {
    storage = new MemoryStorage();
    time = 1_000_000;
  });

  it('keeps what each window tracked (the last writer no longer wins)', async () => {
    const first = window();
    const second = window();
    first.add(['A']);
    await first.persist();
    time += 10;
    second.add(['B']);
    await second.persist();
    assert.deepEqual(ids(window()), ['A', 'B'], 'a reload sees both');
    assert.deepEqual(ids(second), ['A', 'B'], 'the writing window learned of A');
    time += 10;
    first.rename('A', 'Cow');
    await first.persist();
    assert.deepEqual(ids(first), ['A', 'B'], 'and the first window of B');
  });

  it('tells listeners about tasks another window tracked or removed', async () => {
    const first = window();
    const second = window();
    const heard: TaskChange[] = [];
    second.onDidChange((change) => heard.push(change));
    // The second window has shown its (empty) list, as its tree does right after activation.
    assert.deepEqual(second.all(), []);
    first.add(['A']);
    await first.persist();
    second.add(['B']);
    await second.persist();
    assert.deepEqual(heard.at(-1), { ids: ['A'], membership: true });
  });

  it('does not bring back a task removed in another window, even with a newer answer for it', async () => {
    storage = new MemoryStorage(serializeTasks([{ id: 'A', addedAt: 1 }, { id: 'B', addedAt: 1 }]));
    const first = window();
    const second = window();
    time += 10;
    first.remove(['A']);
    await first.persist();
    // The second window's query for A was in flight and answers after the removal.
    time += 10;
    second.recordSnapshot('A', snapshot('succeeded'));
    second.recordSnapshot('B', snapshot('running'));
    await second.persist();
    assert.deepEqual(ids(second), ['B']);
    assert.deepEqual(ids(window()), ['B'], 'stays removed after a reload');
    time += 10;
    second.add(['A']);
    await second.persist();
    assert.deepEqual(ids(window()), ['A', 'B'], 'tracking it again brings it back');
  });

  it('keeps a rename from one window while another records newer answers', async () => {
    storage = new MemoryStorage(serializeTasks([{ id: 'A', addedAt: 1 }]));
    const renaming = window();
    const polling = window();
    time += 10;
    renaming.rename('A', 'Flying cow');
    await renaming.persist();
    time += 10;
    polling.recordSnapshot('A', snapshot('running', { progress: 50 }));
    await polling.persist();
    const reloaded = window().get('A');
    assert.equal(reloaded?.label, 'Flying cow');
    assert.equal(reloaded?.snapshot?.progress, 50);
    assert.equal(polling.get('A')?.label, 'Flying cow', 'the polling window shows the new name too');
  });

  it('keeps a name taken away in one window against the older name another window still shows', async () => {
    storage = new MemoryStorage(serializeTasks([{ id: 'A', addedAt: 1 }]));
    const first = window();
    const second = window();
    time += 10;
    second.rename('A', 'Old name');
    await second.persist();
    time += 10;
    first.recordSnapshot('A', snapshot('running'));
    await first.persist();
    time += 10;
    first.rename('A', '');
    time += 10;
    first.recordSnapshot('A', snapshot('running', { progress: 10 }));
    await first.persist();
    await second.persist();
    second.recordSnapshot('A', snapshot('running', { progress: 20 }));
    await second.persist();
    assert.equal(window().get('A')?.label, undefined);
  });

  it('lets an old window write after a new one without losing the new one’s work (three windows)', async () => {
    const old = window();
    const middle = window();
    const fresh = window();
    middle.add(['M']);
    await middle.persist();
    time += 10;
    fresh.add(['F']);
    fresh.remove(['M']);
    await fresh.persist();
    time += 10;
    old.add(['O']);
    await old.persist();
    assert.deepEqual(ids(window()), ['F', 'O']);
    assert.deepEqual(ids(old), ['F', 'O']);
  });

  it('reads 0.6 state (no times, no removals) and forgets removals after 30 days', async () => {
    storage = new MemoryStorage({ version: 1, tasks: [{ id: 'A', addedAt: 5, checkedAt: 6 }] });
    const store = window();
    assert.deepEqual(ids(store), ['A']);
    store.remove(['A']);
    await store.persist();
    assert.deepEqual(Object.keys((storage.read() as { removed: object }).removed), ['A']);
    time += 31 * 24 * 60 * 60 * 1000;
    store.add(['B']);
    await store.persist();
    assert.deepEqual((storage.read() as { removed: object }).removed, {}, 'the removal was forgotten');
  });
});
