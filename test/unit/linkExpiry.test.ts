import * as assert from 'node:assert/strict';
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
});
