import * as assert from 'node:assert/strict';
import { ApiError } from '../../src/api/errors';
import { UNFOCUSED_FACTOR } from '../../src/tasks/poller';
import { CLAIM_SETTLE_MS, LEASE_INTERVALS } from '../../src/tasks/pollerLease';
import { snapshot } from './helpers/fakes';
import { Profile, type TestWindow } from './helpers/profile';

const INTERVAL = 10_000;

/**
 * Several windows of one profile, each with the store, lease and poller that
 * `activate` builds, sharing the task file and the lease file: one window
 * polls, every window shows the same tasks, and losing the polling window
 * costs at most two intervals.
 */
describe('Many windows, one poller', () => {
  let profile: Profile;

  beforeEach(() => {
    profile = new Profile(INTERVAL);
  });

  afterEach(() => {
    profile.close();
  });

  /** Two windows, the first focused and polling, with task T tracked there and its first query in flight. */
  async function pollingPair(): Promise<[TestWindow, TestWindow]> {
    const pair: [TestWindow, TestWindow] = [profile.open({ focused: true }), profile.open({ focused: false })];
    await profile.clock.advance(CLAIM_SETTLE_MS);
    pair[0].store.add(['T']);
    await profile.clock.advance(0);
    return pair;
  }

  /** Runs the clock for `ms`, answering every query the moment it is sent, the `n`th check of a task finishing it on the third. */
  async function runFor(ms: number, checks = new Map<string, number>()): Promise<Map<string, number>> {
    const step = 500;
    for (let passed = 0; passed < ms; passed += step) {
      await profile.clock.advance(step);
      profile.answer((id) => {
        const n = (checks.get(id) ?? 0) + 1;
        checks.set(id, n);
        return snapshot(n >= 3 ? 'succeeded' : 'running', n >= 3 ? { videoUrl: `https://cdn.example/${id}.mp4` } : {});
      });
    }
    return checks;
  }

  it('polls a task that finishes on its third check three times, with one window or three', async () => {
    for (const count of [1, 3]) {
      profile.close();
      profile = new Profile(INTERVAL);
      const windows = Array.from({ length: count }, (_, i) => profile.open({ focused: i === 0 }));
      await profile.clock.advance(CLAIM_SETTLE_MS);
      windows.at(-1)!.store.add(['T']);
      await runFor(INTERVAL * 6);
      assert.equal(profile.calls.length, 3, `${count} window(s): ${profile.calls.length} requests`);
      assert.equal(profile.pollers().length, 1, 'one window polls');
      for (const window of windows) {
        assert.equal(window.store.get('T')?.snapshot?.status, 'succeeded', 'every window shows the result');
      }
    }
  });

  it('shows a task tracked, renamed or removed in one window in the others, without a reload', async () => {
    const [first, second, third] = [profile.open({ focused: true }), profile.open({ focused: false }), profile.open({ focused: false })];
    await profile.clock.advance(CLAIM_SETTLE_MS);
    first.store.add(['A']);
    second.store.add(['B']);
    await runFor(1000);
    for (const window of [first, second, third]) {
      assert.deepEqual(window.ids(), ['A', 'B']);
    }
    third.store.rename('A', 'Flying cow');
    second.store.remove(['B']);
    await runFor(1000);
    for (const window of [first, second, third]) {
      assert.deepEqual(window.ids(), ['A']);
      assert.equal(window.store.get('A')?.label, 'Flying cow');
    }
  });

  it('keeps both tasks when two windows write at the same moment, each from what it read before', async () => {
    const [first, second] = [profile.open({ focused: true }), profile.open({ focused: false })];
    await profile.clock.advance(CLAIM_SETTLE_MS);
    // Both write before either hears of the other: the later write lacks the earlier one's task.
    first.store.add(['A']);
    second.store.add(['B']);
    assert.deepEqual(first.ids(), ['A']);
    await profile.clock.advance(0);
    const reloaded = profile.open({ focused: false });
    assert.deepEqual(reloaded.ids(), ['A', 'B'], 'the window that lost the race wrote its task back');
    assert.deepEqual(first.ids(), ['A', 'B']);
    assert.deepEqual(second.ids(), ['A', 'B']);
  });

  it('forgets a task removed in another window while its query is in flight, and it stays removed', async () => {
    const [polling, other] = [profile.open({ focused: true }), profile.open({ focused: false })];
    await profile.clock.advance(CLAIM_SETTLE_MS);
    polling.store.add(['A', 'B']);
    await profile.clock.advance(0);
    assert.deepEqual(polling.client.pending.map((query) => query.taskId).sort(), ['A', 'B']);
    other.store.remove(['A']);
    await profile.clock.advance(0);
    profile.answer((id) => snapshot('succeeded', { videoUrl: `https://cdn.example/${id}.mp4` }));
    await profile.clock.advance(0);
    await polling.store.persist();
    assert.deepEqual(polling.ids(), ['B']);
    assert.deepEqual(profile.open({ focused: false }).ids(), ['B'], 'a reload does not bring it back');
  });

  it('takes over within two intervals when the polling window dies, and asks no sooner than it would have', async () => {
    const [polling, waiting] = await pollingPair();
    profile.answer(() => snapshot('running'));
    const answeredAt = profile.clock.now();
    await profile.clock.advance(1000);
    assert.ok(polling.poller.polls && !waiting.poller.polls);
    const diedAt = profile.clock.now();
    polling.kill();
    while (!waiting.poller.polls) {
      await profile.clock.advance(100);
      assert.ok(profile.clock.now() - diedAt <= 2 * INTERVAL, 'not taken over within two intervals');
    }
    const tookOverAt = profile.clock.now();
    assert.ok(tookOverAt - diedAt <= LEASE_INTERVALS * INTERVAL + 1000, `took ${tookOverAt - diedAt} ms`);
    // Unfocused, it polls at a third of the rate: an interval that long after the last check.
    await profile.clock.advance(UNFOCUSED_FACTOR * INTERVAL - (tookOverAt - answeredAt) - 1);
    assert.deepEqual(waiting.client.calls, []);
    await profile.clock.advance(1);
    assert.deepEqual(waiting.client.calls, ['T'], 'the new poller goes on');
    assert.ok(polling.client.calls.length === 1);
  });

  it('hands polling over at once when the polling window closes', async () => {
    const [polling, waiting] = [profile.open({ focused: true }), profile.open({ focused: false })];
    await profile.clock.advance(CLAIM_SETTLE_MS);
    polling.store.add(['T']);
    await runFor(1000);
    polling.close();
    await profile.clock.advance(1000);
    assert.ok(waiting.poller.polls, 'released, not left to expire');
  });

  it('moves polling to the window that gains focus, without an extra request', async () => {
    const [first, second] = await pollingPair();
    profile.answer(() => snapshot('running'));
    const answeredAt = profile.clock.now();
    await profile.clock.advance(1000);
    first.poller.setFocused(false);
    second.poller.setFocused(true);
    await profile.clock.advance(CLAIM_SETTLE_MS + 100);
    assert.deepEqual(
      profile.pollers().map((window) => window === second),
      [true],
    );
    await profile.clock.advance(answeredAt + INTERVAL - profile.clock.now() - 1);
    assert.equal(profile.calls.length, 1, 'the new poller waits for the interval since the last check');
    await profile.clock.advance(1);
    assert.deepEqual(second.client.calls, ['T']);
  });

  it('settles on one poller when every window claims at the same moment', async () => {
    const windows = [profile.open({ focused: true }), profile.open({ focused: true }), profile.open({ focused: true })];
    windows[0].store.add(['T']);
    await profile.clock.advance(CLAIM_SETTLE_MS + 100);
    assert.equal(profile.pollers().length, 1);
    await runFor(INTERVAL * 6);
    assert.equal(profile.calls.length, 3);
  });

  it('refreshes from a window that does not poll: it takes over and asks at once', async () => {
    const [, other] = await pollingPair();
    profile.answer(() => snapshot('running'));
    await profile.clock.advance(1000);
    other.poller.refresh(['T']);
    await profile.clock.advance(CLAIM_SETTLE_MS);
    assert.deepEqual(other.client.calls, ['T']);
    assert.equal(profile.pollers()[0], other);
  });

  it('holds every window after a 429, also one that takes over', async () => {
    const [polling, waiting] = await pollingPair();
    polling.client.answerAll(() => new ApiError('rateLimited', 'slow down', { retryAfterMs: 60_000 }));
    await profile.clock.advance(1000);
    polling.kill();
    await profile.clock.advance(30_000);
    assert.ok(waiting.poller.polls);
    assert.deepEqual(waiting.client.calls, [], 'the hold stands in the window that took over');
    await profile.clock.advance(30_000);
    assert.deepEqual(waiting.client.calls, ['T']);
  });

  it('pauses every window on a rejected key, says so in the polling window only, and resumes when the key changes', async () => {
    const [polling, other] = [profile.open({ focused: true }), profile.open({ focused: false })];
    const said: string[] = [];
    for (const window of [polling, other]) {
      window.poller.onDidAnnouncePause((pause) => said.push(pause.reason));
    }
    await profile.clock.advance(CLAIM_SETTLE_MS);
    polling.store.add(['T']);
    await profile.clock.advance(0);
    polling.client.answerAll(() => new ApiError('auth', 'key rejected'));
    await profile.clock.advance(1000);
    assert.equal(polling.poller.paused?.reason, 'auth');
    assert.equal(other.poller.paused?.reason, 'auth');
    assert.deepEqual(said, ['auth'], 'one notification');
    polling.apiKey = other.apiKey = 'new key';
    other.poller.keyChanged();
    await profile.clock.advance(1000);
    assert.equal(polling.poller.paused, undefined);
    assert.equal(other.poller.paused, undefined);
    assert.deepEqual(polling.client.calls, ['T', 'T']);
  });

  it('keeps its own newest lease record while its write is on the way, whatever the file says meanwhile', async () => {
    const polling = profile.open({ focused: true });
    await profile.clock.advance(CLAIM_SETTLE_MS);
    polling.store.add(['T']);
    await profile.clock.advance(0);
    // A 401, then the right key: each changes the shared pause, and each write lands a moment later.
    // Reading the file in between (a watch event, a renewal) must not bring back the state before.
    polling.lease.setPause({ reason: 'auth', message: 'key rejected' });
    polling.lease.reread();
    assert.equal(polling.lease.pause?.reason, 'auth', 'the pause is not lost before its write lands');
    polling.lease.setPause(undefined);
    polling.lease.reread();
    assert.equal(polling.lease.pause, undefined, 'nor is its end');
    polling.client.answerAll(() => snapshot('running'));
    for (let sweep = 1; sweep <= 3; sweep++) {
      await profile.clock.advance(INTERVAL);
      assert.equal(polling.poller.paused, undefined, `sweep ${sweep}`);
      polling.client.answerAll(() => snapshot('running'));
    }
    assert.deepEqual(polling.client.calls, ['T', 'T', 'T', 'T'], 'one query per interval, none lost to a stale pause');
  });

  it('drops the answer a window was waiting for when it stops polling: one finish, never a step back', async () => {
    const [first, second] = [profile.open({ focused: true }), profile.open({ focused: false })];
    let finishes = 0;
    for (const window of [first, second]) {
      window.store.onDidFinish(() => finishes++);
    }
    await profile.clock.advance(CLAIM_SETTLE_MS);
    first.store.add(['T']);
    await profile.clock.advance(0);
    profile.answer(() => snapshot('running'));
    await profile.clock.advance(INTERVAL);
    assert.equal(first.client.pending.length, 1, 'a query of the first window is in flight');
    first.poller.setFocused(false);
    second.poller.setFocused(true);
    await profile.clock.advance(CLAIM_SETTLE_MS + 100);
    second.client.answerAll(() => snapshot('succeeded', { videoUrl: 'https://cdn.example/T.mp4' }));
    await profile.clock.advance(0);
    first.client.answerAll(() => snapshot('running'));
    await profile.clock.advance(INTERVAL);
    assert.equal(finishes, 1, 'one "video ready"');
    for (const window of [first, second]) {
      assert.equal(window.store.get('T')?.snapshot?.status, 'succeeded');
    }
  });

  it('announces a missing key once, in the window that polls, also while its claim settles', async () => {
    const [first, second] = [profile.open({ focused: true }), profile.open({ focused: false })];
    first.apiKey = second.apiKey = undefined;
    const said: string[] = [];
    first.poller.onDidAnnouncePause((pause) => said.push(`first ${pause.reason}`));
    second.poller.onDidAnnouncePause((pause) => said.push(`second ${pause.reason}`));
    first.store.add(['T']);
    await profile.clock.advance(INTERVAL * 3);
    assert.deepEqual(said, ['first noKey']);
  });

  it('starts a new session without the last one’s rejected-key pause: a restart tries again', async () => {
    const polling = profile.open({ focused: true });
    await profile.clock.advance(CLAIM_SETTLE_MS);
    polling.store.add(['T']);
    await profile.clock.advance(0);
    polling.client.answerAll(() => new ApiError('auth', 'key rejected'));
    await profile.clock.advance(1000);
    assert.equal(polling.poller.paused?.reason, 'auth');
    polling.close();
    await profile.clock.advance(24 * 60 * 60 * 1000);
    const next = profile.open({ focused: true });
    await profile.clock.advance(CLAIM_SETTLE_MS + INTERVAL);
    assert.equal(next.poller.paused, undefined);
    assert.deepEqual(next.client.calls, ['T']);
  });

  it('costs nothing while no task needs polling: no timer in any window', async () => {
    const windows = [profile.open({ focused: true }), profile.open({ focused: false })];
    windows[0].store.add(['T']);
    await runFor(INTERVAL * 4);
    assert.equal(windows[0].store.get('T')?.snapshot?.status, 'succeeded');
    await profile.clock.advance(INTERVAL * 10);
    assert.equal(profile.clock.pendingTimers, 0);
    assert.equal(profile.calls.length, 3);
  });
});
