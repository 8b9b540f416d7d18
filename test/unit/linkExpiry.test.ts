import * as assert from 'node:assert/strict';
import { parseTaskSnapshot } from '../../src/api/taskSnapshot';
import { restoreTasks } from '../../src/tasks/persistence';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { describeTask, expiryText, tooltipLines } from '../../src/views/taskPresentation';
import { snapshot } from './helpers/fakes';

const HOUR = 3_600_000;

describe('Links that expire', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0);
  const ready = (expiresAt: number | undefined, extra: Partial<TrackedTask> = {}): TrackedTask => ({
    id: 'sora:1',
    addedAt: now - HOUR,
    ...extra,
    snapshot: snapshot('succeeded', { model: 'sora-2', videoUrl: 'https://cdn.example/v.mp4', ...(expiresAt === undefined ? {} : { expiresAt }) }),
  });

  it('says when the gateway’s link stops working, and that it has', () => {
    assert.equal(expiryText(ready(now + 3 * HOUR), now), 'link expires in 3 h');
    assert.equal(expiryText(ready(now - 1), now), 'link expired');
    assert.match(describeTask(ready(now + 90_000), now), /^Ready · sora-2 · link expires in 2 min/);
    assert.ok(tooltipLines(ready(now + HOUR)).some(([label]) => label === 'Link expires'));
  });

  it('says nothing without an expiry, without a video, or once a copy is kept here', () => {
    assert.equal(expiryText(ready(undefined), now), undefined);
    assert.equal(expiryText(ready(now - 1, { localVideo: 'sora%3A1.mp4' }), now), undefined);
    assert.equal(expiryText({ id: 'q', addedAt: 1, snapshot: snapshot('running', { expiresAt: now + HOUR }) }, now), undefined);
  });

  it('reads expires_at on the task or its first output, and not a duration or a time before the task', () => {
    const at = (body: object): number | undefined => parseTaskSnapshot({ id: 't', status: 'completed', ...body }).expiresAt;
    assert.equal(at({ expires_at: 1_800_000_000 }), 1_800_000_000_000);
    assert.equal(at({ data: [{ url: 'https://cdn.example/v.mp4' }], output: [{ expires_at: 1_800_000_000 }] }), 1_800_000_000_000, 'data[0] has none: output[0] counts');
    assert.equal(at({ expires_at: 3600 }), undefined, 'a duration is not a date');
    assert.equal(at({ created_at: 1_800_000_000, expires_at: 1_700_000_000 }), undefined, 'not before the task was created');
  });

  it('keeps a stored copy size only beside its copy, and only one a file can have', () => {
    const { tasks } = restoreTasks({
      version: 2,
      tasks: [
        { id: 'a', addedAt: 1, localVideo: 'a.mp4', localVideoBytes: 42 },
        { id: 'b', addedAt: 1, localVideoBytes: 42 },
        { id: 'c', addedAt: 1, localVideo: 'c.mp4', localVideoBytes: -1 },
        { id: 'd', addedAt: 1, localVideo: 'd.mp4', localVideoBytes: 1e300 },
      ],
    });
    assert.deepEqual(
      tasks.map((task) => task.localVideoBytes),
      [42, undefined, undefined, undefined],
    );
  });
});
