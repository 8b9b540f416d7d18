import * as assert from 'node:assert/strict';
import { backoffDelay, MAX_BACKOFF_MS } from '../../src/tasks/backoff';

describe('backoffDelay', () => {
  it('grows exponentially with the jitter at its top', () => {
    assert.equal(backoffDelay(1, 10_000, () => 1), 20_000);
    assert.equal(backoffDelay(2, 10_000, () => 1), 40_000);
    assert.equal(backoffDelay(3, 10_000, () => 1), 80_000);
  });

  it('never waits less than the normal interval, whatever the jitter', () => {
    assert.equal(backoffDelay(4, 10_000, () => 0), 10_000);
  });

  it('never waits more than five minutes', () => {
    assert.equal(backoffDelay(50, 10_000, () => 1), MAX_BACKOFF_MS);
    assert.equal(backoffDelay(1000, 10_000, () => 0.999), Math.round(0.999 * MAX_BACKOFF_MS));
  });

  it('spreads retries of many tasks (full jitter)', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelay(5, 10_000, () => r)));
    assert.equal(delays.size, 5);
  });
});
