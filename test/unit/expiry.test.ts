import * as assert from 'node:assert/strict';
import type { Memento } from 'vscode';
import { installVscodeStandIn, vscodeStandIn } from '../bench/vscodeStandIn';
import type { Settings } from '../../src/settings';
import { EXPIRY_WARNING_MS, ExpiryWatch } from '../../src/tasks/expiryWatch';
import { TaskStore } from '../../src/tasks/taskStore';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { FakeClock } from './helpers/fakeClock';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

installVscodeStandIn();
// The notifier words its message with `vscode`; the stand-in records what it shows.
const { announceExpiring } = require('../../src/notifications/expiryNotifier') as typeof import('../../src/notifications/expiryNotifier');

const MINUTE = 60_000;

/** A finished task whose link the gateway says expires at `expiresAt`. */
function ready(id: string, expiresAt: number | undefined, extra: Partial<TrackedTask> = {}): TrackedTask {
  return { id, addedAt: 0, snapshot: snapshot('succeeded', { videoUrl: `https://cdn.example/${id}.mp4`, expiresAt }), ...extra };
}

describe('Links about to expire', () => {
  describe('ExpiryWatch', () => {
    function watch(tasks: TrackedTask[]): { store: TaskStore; clock: FakeClock; expiries: ExpiryWatch; told: string[][] } {
      const clock = new FakeClock();
      const store = new TaskStore(new MemoryStorage({ version: 2, tasks, removed: {} }), new MemoryLogger(), () => clock.now());
      const expiries = new ExpiryWatch(store, clock);
      const told: string[][] = [];
      expiries.onDidComeNear((ids) => told.push([...ids]));
      return { store, clock, expiries, told };
    }

    it('tells once, an hour before a link ends, of each finished task with no copy, waking only for the next one', async () => {
      const now = new FakeClock().now();
      const rig = watch([
        ready('soon', now + 3 * 60 * MINUTE),
        ready('later', now + 5 * 60 * MINUTE),
        ready('kept', now + 30 * MINUTE, { localVideo: 'kept.mp4' }),
        ready('gone', now - MINUTE),
        ready('forever', undefined),
      ]);
      rig.expiries.check();
      assert.deepEqual(rig.told, [], 'three hours left: nothing yet; a kept copy, a link already gone and one without an end never');
      assert.equal(rig.clock.pendingTimers, 1, 'one timer');
      await rig.clock.advance(2 * 60 * MINUTE - MINUTE);
      assert.deepEqual(rig.told, []);
      await rig.clock.advance(MINUTE);
      assert.deepEqual(rig.told, [['soon']]);
      assert.deepEqual(rig.expiries.near, ['soon']);
      await rig.clock.advance(30 * MINUTE);
      assert.deepEqual(rig.told, [['soon']], 'told once, though it looked again meanwhile');
      await rig.clock.advance(90 * MINUTE);
      assert.deepEqual(rig.told, [['soon'], ['later']]);
      await rig.clock.advance(3 * 60 * MINUTE);
      assert.deepEqual(rig.expiries.near, [], 'both links are gone');
      assert.equal(rig.clock.pendingTimers, 0, 'nothing left to wait for: no timer');
      rig.expiries.dispose();
    });

    it('looks again when a task finishes with a short-lived link, and forgets one once its copy is kept', async () => {
      const now = new FakeClock().now();
      const rig = watch([{ id: 'q', addedAt: 0, snapshot: snapshot('running') }]);
      rig.expiries.check();
      rig.store.recordSnapshot('q', snapshot('succeeded', { videoUrl: 'https://cdn.example/q.mp4', expiresAt: now + EXPIRY_WARNING_MS / 2 }));
      await rig.clock.advance(0);
      assert.deepEqual(rig.told, [['q']], 'a link that lives less than the warning: told as soon as it is seen');
      rig.store.recordSnapshot('q', snapshot('succeeded', { videoUrl: 'https://cdn.example/q2.mp4', expiresAt: now + EXPIRY_WARNING_MS / 3 }));
      await rig.clock.advance(0);
      assert.deepEqual(rig.told, [['q'], ['q']], 'a fresh link from the gateway: told again');
      rig.store.recordLocalVideo('q', 'q.mp4', 1000);
      await rig.clock.advance(0);
      assert.deepEqual(rig.expiries.near, []);
      rig.expiries.dispose();
      assert.equal(rig.clock.pendingTimers, 0);
    });
  });

  describe('announceExpiring', () => {
    const shown: string[][] = [];
    const ran: unknown[][] = [];
    let answer: (actions: string[]) => string | undefined = () => undefined;
    const window = vscodeStandIn.window as { showWarningMessage: unknown };
    const commands = vscodeStandIn.commands as { executeCommand: unknown };
    const original = { warning: window.showWarningMessage, command: commands.executeCommand };

    before(() => {
      window.showWarningMessage = async (message: string, ...actions: string[]) => {
        shown.push([message, ...actions]);
        return answer(actions);
      };
      commands.executeCommand = async (...args: unknown[]) => void ran.push(args);
    });
    after(() => {
      window.showWarningMessage = original.warning;
      commands.executeCommand = original.command;
    });
    beforeEach(() => {
      shown.length = 0;
      ran.length = 0;
      answer = () => undefined;
    });

    function deps(tasks: TrackedTask[], notifyOn: 'all' | 'none' = 'all') {
      const values = new Map<string, unknown>();
      const state = {
        get: (key: string, fallback?: unknown) => values.get(key) ?? fallback,
        update: async (key: string, value: unknown) => void values.set(key, value),
        keys: () => [...values.keys()],
      } as Memento;
      const store = new TaskStore(new MemoryStorage({ version: 2, tasks, removed: {} }), new MemoryLogger());
      return { store, state, settings: { current: { notifyOn } } as unknown as Settings };
    }
    const noCopyUnderWay = { settled: () => undefined };

    it('warns once per task, offers Keep a Copy and Download, and keeps the copy when asked', async () => {
      const rig = deps([ready('a', Date.now() + 20 * MINUTE, { label: 'Sunset' })]);
      answer = (actions) => actions[0];
      await announceExpiring(['a'], rig, noCopyUnderWay);
      assert.equal(shown.length, 1);
      assert.match(shown[0][0], /The video link of Sunset stops working in 20 min, and no copy of it is kept\./);
      assert.deepEqual(shown[0].slice(1), ['Keep a Copy', 'Download…']);
      assert.deepEqual(ran, [['anyapiVideo.keepCopy', ['a']]]);
      await announceExpiring(['a'], rig, noCopyUnderWay);
      assert.equal(shown.length, 1, 'once, also when told again (a reload, another window taking polling over)');
      rig.store.recordSnapshot('a', snapshot('succeeded', { videoUrl: 'https://cdn.example/a2.mp4', expiresAt: Date.now() + 40 * MINUTE }));
      await announceExpiring(['a'], rig, noCopyUnderWay);
      assert.equal(shown.length, 2, 'a fresh link from the gateway is warned of when it too comes near its end');
    });

    it('says it once for many, waits for a copy already downloading, and stays quiet when notifications are off', async () => {
      const soon = Date.now() + 30 * MINUTE;
      const rig = deps([ready('a', soon), ready('b', soon), ready('c', soon)]);
      let finishCopy = (): void => undefined;
      const copying = new Promise<void>((resolve) => (finishCopy = resolve));
      const kept = {
        settled: (id: string) => (id === 'c' ? copying.then(() => rig.store.recordLocalVideo('c', 'c.mp4', 10)) : undefined),
      };
      const announcing = announceExpiring(['a', 'b', 'c'], rig, kept);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(shown, [['The video links of 2 tasks stop working within the hour, and no copy of them is kept.', 'Keep Copies']], 'the others at once');
      finishCopy();
      await announcing;
      assert.equal(shown.length, 1, 'the copy under way was kept: nothing to say of it');

      const failing = deps([ready('e', soon)]);
      await announceExpiring(['e'], failing, { settled: () => Promise.resolve() });
      assert.match(shown[1][0], /The video link of e stops working in (29|30) min/, 'a copy that failed: warned once it failed');
      shown.length = 1;

      const quiet = deps([ready('d', soon)], 'none');
      await announceExpiring(['d'], quiet, noCopyUnderWay);
      assert.equal(shown.length, 1, 'notifyOn: none');
    });
  });
});
