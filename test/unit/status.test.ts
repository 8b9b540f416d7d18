import * as assert from 'node:assert/strict';
import { isTerminal, normalizeStatus, type TaskStatus } from '../../src/api/status';

const TABLE: Record<Exclude<TaskStatus, 'unknown'>, string[]> = {
  queued: ['pending', 'queued', 'waiting', 'submitted', 'not_start'],
  running: [
    'processing',
    'in_progress',
    'running',
    'generating',
    'image_downloading',
    'video_generating',
    'video_generation_completed',
    'video_upsampling',
  ],
  succeeded: ['completed', 'success', 'succeeded', 'video_upsampling_completed'],
  failed: ['failed', 'failure', 'error', 'video_generation_failed', 'video_upsampling_failed'],
  cancelled: ['cancelled', 'canceled'],
};

describe('normalizeStatus', () => {
  for (const [normalized, raws] of Object.entries(TABLE)) {
    for (const raw of raws) {
      it(`reads "${raw}" as ${normalized}`, () => {
        assert.equal(normalizeStatus(raw), normalized);
      });
    }
  }

  it('ignores case and surrounding spaces', () => {
    assert.equal(normalizeStatus('  COMPLETED '), 'succeeded');
    assert.equal(normalizeStatus('In_Progress'), 'running');
  });

  it('reads words it has never seen as unknown', () => {
    for (const raw of ['', 'moderating', '__proto__', 'constructor', 'toString']) {
      assert.equal(normalizeStatus(raw), 'unknown', raw);
    }
  });

  it('treats only succeeded, failed and cancelled as terminal', () => {
    assert.deepEqual(
      (['queued', 'running', 'succeeded', 'failed', 'cancelled', 'unknown'] as const).filter(isTerminal),
      ['succeeded', 'failed', 'cancelled'],
    );
  });
});
