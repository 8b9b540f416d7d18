import * as assert from 'node:assert/strict';
import { ApiError } from '../../src/api/errors';
import type { KeyLookup } from '../../src/auth/keyLookup';
import { Poller, UNFOCUSED_FACTOR } from '../../src/tasks/poller';
import type { PollerPause } from '../../src/tasks/pollPause';
import { TaskStore } from '../../src/tasks/taskStore';
import { FakeClock } from './helpers/fakeClock';
import { ManualClient, MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';
import { testPoller } from './helpers/testPoller';

const INTERVAL = 10_000;

describe('Poller', () => {
  let clock: FakeClock;
  let client: ManualClient;
  let storage: MemoryStorage;
  let store: TaskStore;
  let poller: Poller;
  let apiKey: string | undefined;
  let maxConcurrent: number;
  let pauses: (PollerPause | undefined)[];

  function createPoller(random = () => 0.5): Poller {
    return testPoller({ store, client, intervalMs: INTERVAL, maxConcurrent: () => maxConcurrent, key: () => apiKey, clock, random });
  }

  beforeEach(() => {
    clock = new FakeClock();
    client = new ManualClient();
    storage = new MemoryStorage();
    store = new TaskStore(storage, new MemoryLogger(), () => clock.now());
    apiKey = 'key';
    maxConcurrent = 4;
    pauses = [];
    poller = createPoller();
    poller.onDidChangePause((pause) => pauses.push(pause));
  });

  afterEach(() => {
    poller.dispose();
    store.dispose();
  });

  it('queries a new task at once, then again one interval after the answer', async () => {
    poller.start();
    store.add(['a']);
    await clock.advance(0);
    assert.deepEqual(client.calls, ['a']);
    await clock.advance(5000); // The answer takes 5 s.
    client.answerAll(() => snapshot('running'));
    await clock.advance(INTERVAL - 1);
    assert.equal(client.calls.length, 1, 'not before a full interval after the answer settled');
    await clock.advance(1);
    assert.deepEqual(client.calls, ['a', 'a']);
  });

  it('never has more than maxConcurrentRequests in flight, and never two for one task', async () => {
    maxConcurrent = 3;
    store.add(Array.from({ length: 10 }, (_, i) => `t${i}`));
    poller.start();
    for (let round = 0; round < 6; round++) {
      await clock.advance(1000);
      assert.ok(client.pending.length <= 3, `${client.pending.length} in flight`);
      client.answerAll(() => snapshot('running'));
    }
    await clock.advance(INTERVAL * 3);
    assert.equal(client.peakInFlight, 3);
    assert.equal(client.overlapped, false);
    assert.ok(client.calls.length >= 10);
  });

  it('stops polling a task once it is finished, and nothing is left pending', async () => {
    store.add(['a', 'b']);
    poller.start();
    await clock.advance(0);
    client.answerAll((id) => snapshot(id === 'a' ? 'succeeded' : 'failed'));
    await clock.advance(INTERVAL * 10);
    assert.deepEqual(client.calls.sort(), ['a', 'b']);
    assert.equal(poller.hasPendingTimer, false, 'no timer while nothing runs');
    assert.equal(poller.activeRequests, 0);
  });

  it('does not re-poll tasks restored as finished, but does poll restored running ones, an interval after their last check', async () => {
    const seed = new TaskStore(storage, new MemoryLogger(), () => clock.now());
    seed.add(['done', 'running']);
    seed.recordSnapshot('done', snapshot('succeeded', { videoUrl: 'https://cdn.example/v.mp4' }));
    seed.recordSnapshot('running', snapshot('running'));
    await seed.persist();
    poller.dispose();
    store = new TaskStore(storage, new MemoryLogger(), () => clock.now());
    poller = createPoller();
    poller.start();
    await clock.advance(INTERVAL - 1);
    assert.deepEqual(client.calls, [], 'no sooner than an interval after the last check, which the store remembers');
    await clock.advance(1);
    assert.deepEqual(client.calls, ['running']);
  });

  it('polls a finished task again only when the user refreshes it', async () => {
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => snapshot('succeeded'));
    await clock.advance(INTERVAL * 5);
    poller.refresh();
    await clock.advance(0);
    assert.equal(client.calls.length, 1, 'a general refresh leaves finished tasks alone');
    poller.refresh(['a']);
    await clock.advance(0);
    assert.equal(client.calls.length, 2);
  });

  it('backs off exponentially after errors, up to five minutes', async () => {
    poller.dispose();
    poller = createPoller(() => 1); // jitter at its top, to see the ceiling
    store.add(['a']);
    poller.start();
    const gaps: number[] = [];
    let last = clock.now();
    for (let attempt = 0; attempt < 8; attempt++) {
      await clock.advance(0);
      while (client.pending.length === 0) {
        await clock.advance(1000);
      }
      gaps.push(clock.now() - last);
      last = clock.now();
      client.answerAll(() => new ApiError('unavailable', 'HTTP 500'));
    }
    assert.deepEqual(gaps.slice(1, 6), [20_000, 40_000, 80_000, 160_000, 300_000]);
    assert.equal(gaps[7], 300_000);
    assert.equal(store.get('a')?.problem?.kind, 'unavailable');
  });

  it('honours Retry-After on 429, for every task at once', async () => {
    store.add(['a', 'b']);
    poller.start();
    await clock.advance(0);
    client.pending.find((query) => query.taskId === 'a')?.reject(new ApiError('rateLimited', 'slow down', { retryAfterMs: 60_000 }));
    client.answerAll(() => snapshot('running'));
    await clock.advance(59_999);
    assert.deepEqual(client.calls.sort(), ['a', 'b'], 'nothing is sent while the limit holds');
    await clock.advance(1);
    assert.equal(client.calls.length, 4);
  });

  it('honours Retry-After on 503 for the task', async () => {
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => new ApiError('unavailable', 'HTTP 503', { retryAfterMs: 45_000 }));
    await clock.advance(44_999);
    assert.equal(client.calls.length, 1);
    await clock.advance(1);
    assert.equal(client.calls.length, 2);
  });

  it('pauses everything on a rejected key, reports it once, and resumes when the key changes', async () => {
    store.add(['a', 'b', 'c']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => new ApiError('auth', 'HTTP 401'));
    await clock.advance(INTERVAL * 20);
    assert.equal(client.calls.length, 3);
    assert.deepEqual(pauses.map((pause) => pause?.reason), ['auth'], 'one pause for three rejections');
    assert.equal(poller.hasPendingTimer, false);
    apiKey = 'new-key';
    poller.keyChanged();
    await clock.advance(0);
    assert.equal(client.calls.length, 6);
    assert.equal(client.pending[0].apiKey, 'new-key');
    assert.deepEqual(pauses.map((pause) => pause?.reason), ['auth', undefined]);
  });

  it('waits without a key and says why, then starts at once when one is set', async () => {
    apiKey = undefined;
    store.add(['a']);
    poller.start();
    await clock.advance(INTERVAL * 3);
    assert.equal(client.calls.length, 0);
    assert.equal(poller.paused?.reason, 'noKey');
    apiKey = 'key';
    poller.keyChanged();
    await clock.advance(0);
    assert.deepEqual(client.calls, ['a']);
  });

  it('polls three times more slowly while the window is not focused, and catches up on focus', async () => {
    poller.setFocused(false);
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => snapshot('running'));
    await clock.advance(INTERVAL * UNFOCUSED_FACTOR - 1);
    assert.equal(client.calls.length, 1);
    await clock.advance(1);
    assert.equal(client.calls.length, 2);
    client.answerAll(() => snapshot('running'));
    await clock.advance(INTERVAL);
    assert.equal(client.calls.length, 2);
    poller.setFocused(true);
    await clock.advance(0);
    assert.equal(client.calls.length, 3, 'an interval has passed, so focus brings the query forward');
  });

  it('stops polling a task the gateway does not know, and shows why', async () => {
    store.add(['ghost']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => new ApiError('notFound', 'The gateway does not know this task id.'));
    await clock.advance(INTERVAL * 10);
    assert.equal(client.calls.length, 1);
    assert.equal(store.get('ghost')?.problem?.kind, 'notFound');
    assert.equal(poller.hasPendingTimer, false);
  });

  it('keeps a finished task finished when a later refresh fails', async () => {
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => snapshot('succeeded', { videoUrl: 'https://cdn.example/v.mp4' }));
    await clock.advance(0);
    poller.refresh(['a']);
    await clock.advance(0);
    client.answerAll(() => new ApiError('network', 'down'));
    await clock.advance(0);
    assert.equal(store.get('a')?.snapshot?.status, 'succeeded');
    assert.equal(store.get('a')?.snapshot?.videoUrl, 'https://cdn.example/v.mp4');
    await clock.advance(INTERVAL * 10);
    assert.equal(client.calls.length, 2, 'a failed refresh of a finished task is not retried on its own');
  });

  it('writes to storage once per sweep, not once per answer', async () => {
    store.add(Array.from({ length: 20 }, (_, i) => `t${i}`));
    const writesBefore = storage.writes;
    maxConcurrent = 20;
    poller.start();
    await clock.advance(0);
    client.answerAll(() => snapshot('running'));
    await clock.advance(0);
    assert.equal(storage.writes - writesBefore, 1);
  });

  it('forgets a task removed while its query is in flight', async () => {
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    store.remove(['a']);
    client.answerAll(() => snapshot('running'));
    await clock.advance(INTERVAL * 3);
    assert.equal(store.get('a'), undefined);
    assert.deepEqual(client.calls, ['a']);
    assert.equal(poller.hasPendingTimer, false);
  });

  it('polls an unknown status word, slowly', async () => {
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => snapshot('unknown', { rawStatus: 'moderating' }));
    await clock.advance(INTERVAL * 3 - 1);
    assert.equal(client.calls.length, 1);
    await clock.advance(1);
    assert.equal(client.calls.length, 2);
  });

  it('turns a non-ApiError failure into a problem, without an unhandled rejection', async () => {
    store.add(['a']);
    poller.start();
    await clock.advance(0);
    client.answerAll(() => new TypeError('boom'));
    await clock.advance(0);
    assert.equal(store.get('a')?.problem?.message, 'boom');
    assert.equal(poller.hasPendingTimer, true, 'retried later');
  });
});

describe('Poller and the key’s origin', () => {
  it('sends nothing to a new origin until allowed, and resumes when the setting goes back', async () => {
    const clock = new FakeClock();
    const client = new ManualClient();
    const store = new TaskStore(new MemoryStorage(), new MemoryLogger(), () => clock.now());
    let lookup: KeyLookup = { pause: { reason: 'keyOrigin', message: 'another origin', origin: 'https://x.example' } };
    const pauses: (PollerPause | undefined)[] = [];
    const poller = testPoller({ store, client, intervalMs: INTERVAL, apiKey: () => lookup, clock });
    poller.onDidChangePause((pause) => pauses.push(pause));
    store.add(['a']);
    poller.start();
    await clock.advance(INTERVAL * 5);
    assert.equal(client.calls.length, 0);
    assert.equal(poller.paused?.reason, 'keyOrigin');
    poller.settingsChanged(); // An unrelated setting: the same pause stands, no second notification.
    assert.equal(pauses.length, 1);
    lookup = { key: 'key' };
    poller.settingsChanged();
    await clock.advance(0);
    assert.deepEqual(client.calls, ['a']);
    assert.equal(poller.paused, undefined);
    poller.dispose();
  });
});

describe('Poller when idle', () => {
  it('with only finished tasks: no timer pending and no request, ever', async () => {
    const clock = new FakeClock();
    const storage = new MemoryStorage();
    const seed = new TaskStore(storage, new MemoryLogger(), () => clock.now());
    seed.add(['a', 'b', 'c']);
    seed.recordSnapshot('a', snapshot('succeeded', { videoUrl: 'https://cdn.example/a.mp4' }));
    seed.recordSnapshot('b', snapshot('failed'));
    seed.recordSnapshot('c', snapshot('cancelled'));
    await seed.persist();
    const store = new TaskStore(storage, new MemoryLogger(), () => clock.now());
    const client = new ManualClient();
    const poller = testPoller({ store, client, clock, intervalMs: INTERVAL });
    poller.start();
    poller.setFocused(false);
    poller.setFocused(true);
    poller.settingsChanged();
    await clock.advance(24 * 60 * 60 * 1000);
    assert.equal(clock.pendingTimers, 0);
    assert.equal(poller.hasPendingTimer, false);
    assert.deepEqual(client.calls, []);
    poller.dispose();
  });

  it('slows a task that runs far longer than usual, without progress, to once a minute', async () => {
    const clock = new FakeClock();
    const store = new TaskStore(new MemoryStorage(), new MemoryLogger(), () => clock.now());
    const client = new ManualClient();
    const poller = testPoller({ store, client, clock, intervalMs: INTERVAL });
    store.add(['slow']);
    poller.start();
    const times: number[] = [];
    while (clock.now() - store.get('slow')!.addedAt < 60 * 60_000) {
      await clock.advance(1000);
      if (client.pending.length > 0) {
        times.push(clock.now());
        client.answerAll(() => snapshot('running'));
      }
    }
    const gaps = times.slice(1).map((time, i) => time - times[i]);
    assert.equal(gaps[0], INTERVAL);
    assert.ok(gaps.every((gap, i) => i === 0 || gap >= gaps[i - 1]), 'never faster again');
    assert.equal(Math.max(...gaps), 60_000);
    assert.ok(times.length < 120, `${times.length} checks in an hour instead of 360`);
    poller.dispose();
  });
});
