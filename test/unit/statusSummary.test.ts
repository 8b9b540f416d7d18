import * as assert from 'node:assert/strict';
import type { TrackedTask } from '../../src/tasks/trackedTask';
import { summarizeTasks } from '../../src/views/statusSummary';
import { snapshot } from './helpers/fakes';

const task = (id: string, status?: 'running' | 'succeeded' | 'failed'): TrackedTask => ({
  id,
  addedAt: 1,
  ...(status ? { snapshot: snapshot(status, status === 'succeeded' ? { videoUrl: 'https://x/v.mp4' } : {}) } : {}),
});

describe('summarizeTasks', () => {
  it('is hidden when nothing is tracked', () => {
    assert.equal(summarizeTasks([]), undefined);
  });

  it('counts the videos in progress with a spinner, and lists them', () => {
    const summary = summarizeTasks([task('a', 'running'), task('b'), task('c', 'succeeded')]);
    assert.equal(summary?.text, '$(sync~spin) 2 videos');
    assert.deepEqual(summary?.lines, ['2 videos in progress', 'a: Running', 'b: Not checked yet']);
  });

  it('shows a check when every video is done', () => {
    const summary = summarizeTasks([task('a', 'succeeded'), task('b', 'failed')]);
    assert.equal(summary?.text, '$(check) 2 videos');
    assert.deepEqual(summary?.lines, ['All 2 videos finished', 'a: Ready', 'b: Failed']);
  });

  it('says "1 video", and lists at most ten tasks', () => {
    assert.equal(summarizeTasks([task('a', 'running')])?.text, '$(sync~spin) 1 video');
    const many = Array.from({ length: 25 }, (_, i) => task(`t${i}`, 'running'));
    const lines = summarizeTasks(many)?.lines ?? [];
    assert.equal(lines.length, 12);
    assert.equal(lines.at(-1), '…and 15 more');
  });
});
