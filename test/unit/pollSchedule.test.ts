import * as assert from 'node:assert/strict';
import { runningInterval, SLOWEST_INTERVAL_MS, USUAL_RUNNING_MS } from '../../src/tasks/pollSchedule';

const MINUTE = 60_000;

describe('runningInterval', () => {
  it('keeps the normal interval for the first five minutes', () => {
    assert.equal(runningInterval(10_000, 0, false), 10_000);
    assert.equal(runningInterval(10_000, USUAL_RUNNING_MS, false), 10_000);
  });

  it('slows down gradually after that: one more interval every five minutes', () => {
    assert.equal(runningInterval(10_000, 10 * MINUTE, false), 20_000);
    assert.equal(runningInterval(10_000, 15 * MINUTE, false), 30_000);
    assert.equal(runningInterval(10_000, 25 * MINUTE, false), 50_000);
  });

  it('never waits more than 60 s, however long a task runs', () => {
    assert.equal(runningInterval(10_000, 30 * MINUTE, false), SLOWEST_INTERVAL_MS);
    assert.equal(runningInterval(10_000, 24 * 60 * MINUTE, false), SLOWEST_INTERVAL_MS);
  });

  it('keeps the normal interval while the task reports progress', () => {
    assert.equal(runningInterval(10_000, 60 * MINUTE, true), 10_000);
  });

  it('never checks faster than the interval the user chose', () => {
    assert.equal(runningInterval(120_000, 60 * MINUTE, false), 120_000);
  });
});
