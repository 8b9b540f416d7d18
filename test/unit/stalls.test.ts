import * as assert from 'node:assert/strict';
import { installVscodeStandIn } from '../bench/vscodeStandIn';
import { StallWatch, STALL_CHECK_MS } from '../../src/tasks/stallWatch';
import { durationMs, MIN_STALL_MS, timingOf, typicalDurations } from '../../src/tasks/taskTimings';
import { TaskStore } from '../../src/tasks/taskStore';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { summarizeTasks } from '../../src/views/statusSummary';
import { describeTask, taskIcon } from '../../src/views/taskPresentation';
import { FakeClock } from './helpers/fakeClock';
import { MemoryLogger, MemoryStorage, snapshot } from './helpers/fakes';

installVscodeStandIn();
// The support info's command uses `vscode`; its text is built by a plain function in the same file.
const { supportInfo } = require('../../src/commands/supportInfo') as typeof import('../../src/commands/supportInfo');

const MINUTE = 60_000;

/** A grok task that took `minutes` by the gateway's own clock, finished `finishedAgo` minutes before `now`. */
function finished(id: string, minutes: number, now: number, finishedAgo = 1): TrackedTask {
  const completedAt = now - finishedAgo * MINUTE;
  return { id, addedAt: 0, snapshot: snapshot('succeeded', { model: 'grok-video-3', createdAt: completedAt - minutes * MINUTE, completedAt, videoUrl: 'https://cdn.example/v.mp4' }) };
}

describe('How long, and is it stuck', () => {
  const now = 1_800_000_000_000;

  describe('taskTimings', () => {
    it('takes a duration from the gateway’s times, else from tracked to seen finished, and none from a failure', () => {
      assert.equal(durationMs(finished('a', 3, now)), 3 * MINUTE);
      assert.equal(durationMs({ id: 'b', addedAt: now - 5 * MINUTE, finishedAt: now, snapshot: snapshot('succeeded', { model: 'm' }) }), 5 * MINUTE);
      assert.equal(durationMs({ id: 'c', addedAt: now, snapshot: snapshot('succeeded', { model: 'm' }) }), undefined, 'tracked once finished: unknown');
      assert.equal(durationMs({ id: 'd', addedAt: 0, finishedAt: now, snapshot: snapshot('failed', { model: 'm' }) }), undefined);
    });

    it('knows a model’s typical time from three finished tasks on: the median of the twenty most recent', () => {
      assert.equal(typicalDurations([finished('a', 2, now), finished('b', 4, now)]).size, 0, 'two say too little');
      assert.equal(typicalDurations([finished('a', 2, now), finished('b', 4, now), finished('c', 30, now)]).get('grok-video-3'), 4 * MINUTE);
      const old = Array.from({ length: 20 }, (_, i) => finished(`old-${i}`, 60, now, 1000 + i));
      const recent = Array.from({ length: 20 }, (_, i) => finished(`new-${i}`, 2, now, 1 + i));
      assert.equal(typicalDurations([...old, ...recent]).get('grok-video-3'), 2 * MINUTE, 'the model got faster: the old tasks no longer count');
    });

    it('estimates what is left, says when it takes longer, and calls it stalled after the factor (never under 10 minutes)', () => {
      const typical = new Map([['grok-video-3', 4 * MINUTE]]);
      /** Tracked and last moved `sinceMinutes` ago (or `movedMinutesAgo`), checked just now. */
      const queued = (sinceMinutes: number, movedMinutesAgo = sinceMinutes): TrackedTask => ({
        id: 'q',
        addedAt: now - sinceMinutes * MINUTE,
        movedAt: now - movedMinutesAgo * MINUTE,
        checkedAt: now,
        snapshot: snapshot('queued', { model: 'grok-video-3' }),
      });
      assert.deepEqual(timingOf(queued(1), typical, now, 3), { kind: 'estimate', remainingMs: 3 * MINUTE });
      assert.deepEqual(timingOf(queued(6), typical, now, 3), { kind: 'overdue' });
      assert.deepEqual(timingOf(queued(11), typical, now, 3), { kind: 'overdue' }, 'not more than 3 × 4 min');
      assert.deepEqual(timingOf(queued(13), typical, now, 3), { kind: 'stalled', stillForMs: 13 * MINUTE });
      const quick = new Map([['grok-video-3', 2 * MINUTE]]);
      assert.deepEqual(timingOf(queued(9), quick, now, 3), { kind: 'overdue' }, '3 × 2 min is 6 min, but the floor is 10');
      assert.deepEqual(timingOf(queued(11), quick, now, 3), { kind: 'stalled', stillForMs: 11 * MINUTE });
      assert.deepEqual(timingOf(queued(30, 5), typical, now, 3), { kind: 'overdue' }, 'it moved 5 min ago: not stuck');
      assert.deepEqual(timingOf(queued(30), new Map([['grok-video-3', 10 * MINUTE]]), now, 3), { kind: 'overdue' }, '30 min is not more than 3 × 10');
      assert.deepEqual(timingOf(queued(31), new Map([['grok-video-3', 10 * MINUTE]]), now, 3), { kind: 'stalled', stillForMs: 31 * MINUTE });
      assert.equal(timingOf(queued(60), new Map(), now, 3), undefined, 'no history for the model: no verdict');
      assert.deepEqual(timingOf({ ...queued(60), checkedAt: now - 55 * MINUTE }, typical, now, 3), { kind: 'overdue' }, 'no answers for 55 min (window closed, asleep, paused): not evidence');
      assert.deepEqual(timingOf({ ...queued(60), problem: { kind: 'network', message: 'offline', at: now } }, typical, now, 3), { kind: 'overdue' }, 'the last check failed');
      assert.deepEqual(timingOf({ ...queued(60), movedAt: undefined }, typical, now, 3), { kind: 'overdue' }, 'stored by 0.10: when it last moved is not known');
      assert.equal(timingOf(finished('f', 60, now), typical, now, 3), undefined, 'finished: nothing to time');
      assert.equal(MIN_STALL_MS, 10 * MINUTE);
    });

    it('shows it in the row and the status bar', () => {
      const task: TrackedTask = { id: 'q', addedAt: now - MINUTE, snapshot: snapshot('running', { model: 'grok-video-3', progress: 40 }) };
      assert.match(describeTask(task, now, { kind: 'estimate', remainingMs: 150_000 }), /^Running · 40% · about 3 min left · grok-video-3/);
      assert.match(describeTask(task, now, { kind: 'stalled', stillForMs: 65 * MINUTE }), /stalled: no change for 1 h 5 min/);
      assert.equal(taskIcon(task, { kind: 'stalled', stillForMs: MINUTE }).id, 'warning');
      const summary = summarizeTasks([task, { id: 'r', addedAt: 1, snapshot: snapshot('running') }], ['r']);
      assert.equal(summary?.text, '$(sync~spin) 2 videos $(warning) 1');
      assert.deepEqual(summary?.lines.slice(0, 2), ['2 videos in progress, 1 stalled', 'r: Running, stalled']);
    });
  });

  describe('the store', () => {
    it('notes when the answer last moved (status or progress) and when it was seen finishing', async () => {
      const clock = new FakeClock();
      const store = new TaskStore(new MemoryStorage(), new MemoryLogger(), () => clock.now());
      store.add(['t']);
      const start = clock.now();
      store.recordSnapshot('t', snapshot('queued', { model: 'm' }));
      await clock.advance(5 * MINUTE);
      store.recordSnapshot('t', snapshot('queued', { model: 'm' }));
      assert.equal(store.get('t')?.movedAt, start, 'the same answer again is no movement');
      store.recordSnapshot('t', snapshot('running', { model: 'm', progress: 10 }));
      assert.equal(store.get('t')?.movedAt, start + 5 * MINUTE);
      assert.equal(store.get('t')?.finishedAt, undefined);
      store.recordSnapshot('t', snapshot('succeeded', { model: 'm' }));
      assert.equal(store.get('t')?.finishedAt, start + 5 * MINUTE);

      store.add(['late']);
      store.recordSnapshot('late', snapshot('succeeded', { model: 'm' }));
      assert.equal(store.get('late')?.finishedAt, undefined, 'tracked once finished: when it finished is not known');
    });
  });

  describe('StallWatch', () => {
    function watch(tasks: TrackedTask[]): { store: TaskStore; clock: FakeClock; stalls: StallWatch; changes: string[][] } {
      const clock = new FakeClock();
      const store = new TaskStore(new MemoryStorage({ version: 2, tasks, removed: {} }), new MemoryLogger(), () => clock.now());
      const stalls = new StallWatch(store, () => 3, clock);
      const changes: string[][] = [];
      stalls.onDidChange((ids) => changes.push([...ids]));
      return { store, clock, stalls, changes };
    }

    it('flags a task once its answers have not moved for long enough, looking once a minute only while there is something to time', async () => {
      const clock = new FakeClock();
      const at = clock.now();
      const history = [finished('a', 2, at), finished('b', 2, at), finished('c', 2, at)];
      const stuck: TrackedTask = { id: 'q', addedAt: at - 8 * MINUTE, movedAt: at - 8 * MINUTE, checkedAt: at, snapshot: snapshot('queued', { model: 'grok-video-3' }) };
      const rig = watch([...history, stuck]);
      const poll = async (minutes: number): Promise<void> => {
        for (let minute = 0; minute < minutes; minute++) {
          await rig.clock.advance(MINUTE);
          rig.store.recordSnapshot('q', snapshot('queued', { model: 'grok-video-3' })); // The same answer: no change in the store.
        }
      };
      rig.stalls.check();
      assert.deepEqual(rig.stalls.stalled, []);
      assert.equal(rig.clock.pendingTimers, 1);
      await poll(2);
      assert.deepEqual(rig.stalls.stalled, [], 'not yet: 10 min is the floor');
      await poll(1);
      await rig.clock.advance(STALL_CHECK_MS);
      assert.deepEqual(rig.stalls.stalled, ['q'], 'seen at the next look, a minute later at most');
      assert.deepEqual(rig.changes, [['q']], 'told once');
      await poll(5);
      assert.deepEqual(rig.changes, [['q']], 'and not again while it stays stalled');

      rig.store.recordSnapshot('q', snapshot('running', { model: 'grok-video-3', progress: 5 }));
      rig.store.recordSnapshot('q', snapshot('running', { model: 'grok-video-3', progress: 6 }));
      assert.deepEqual(rig.stalls.stalled, ['q'], 'the store’s changes are looked at once per turn, not once each');
      await rig.clock.advance(0);
      assert.deepEqual(rig.stalls.stalled, [], 'it moved');
      assert.deepEqual(rig.changes, [['q'], ['q']]);
      rig.store.recordSnapshot('q', snapshot('succeeded', { model: 'grok-video-3', videoUrl: 'https://cdn.example/q.mp4' }));
      await rig.clock.advance(0);
      assert.equal(rig.clock.pendingTimers, 0, 'nothing left to time: no timer');
      rig.stalls.dispose();
    });

    it('keeps no timer without a typical time for any unfinished task', () => {
      const rig = watch([{ id: 'q', addedAt: 0, snapshot: snapshot('queued', { model: 'new-model' }) }]);
      rig.stalls.check();
      assert.equal(rig.clock.pendingTimers, 0);
      assert.equal(rig.stalls.timing('q'), undefined);
      rig.stalls.dispose();
    });
  });

  describe('support info', () => {
    it('names the task, its times, the gateway and the last answer as sent', () => {
      const task: TrackedTask = {
        id: 'grok:stuck',
        addedAt: Date.UTC(2026, 10, 28, 10, 0),
        movedAt: Date.UTC(2026, 10, 28, 10, 1),
        checkedAt: Date.UTC(2026, 10, 28, 11, 0),
        snapshot: snapshot('queued', { model: 'grok-video-3', rawStatus: 'pending' }),
      };
      const text = supportInfo([task], [{ receivedAt: '2026-11-28T11:00:00.000Z', httpStatus: 200, text: '{"status":"pending"}' }], {
        gateway: 'https://api.example.com',
        extension: '0.11.0',
        vscode: '1.100.3',
      });
      for (const expected of ['AnyAPI Video Tasks 0.11.0, VS Code 1.100.3', 'Gateway: https://api.example.com', 'Task: grok:stuck', 'Model: grok-video-3', 'Status: Queued (pending)', 'Tracked: 2026-11-28T10:00:00.000Z', 'Last change seen: 2026-11-28T10:01:00.000Z', 'Last answer (HTTP 200, 2026-11-28T11:00:00.000Z):\n{"status":"pending"}']) {
        assert.ok(text.includes(expected), `${expected} in\n${text}`);
      }
    });
  });
});
