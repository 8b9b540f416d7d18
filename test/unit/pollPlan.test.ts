import * as assert from 'node:assert/strict';
import { PollPlan } from '../../src/tasks/pollPlan';

describe('PollPlan', () => {
  it('hands out due tasks the longest waiting first, at most as many as asked, each once', () => {
    const plan = new PollPlan();
    plan.planBy('late', 30);
    plan.planBy('early', 10);
    plan.planBy('middle', 20);
    plan.planBy('future', 100);
    assert.deepEqual(plan.take(50, 2), ['early', 'middle']);
    assert.deepEqual(plan.take(50, 2), ['late']);
    assert.deepEqual(plan.take(50, 2), []);
    assert.equal(plan.earliest(), 100);
  });

  it('keeps the sooner of two planned times', () => {
    const plan = new PollPlan();
    plan.planBy('a', 50);
    plan.planBy('a', 80);
    assert.equal(plan.earliest(), 50);
    plan.planBy('a', 20);
    assert.equal(plan.earliest(), 20);
  });

  it('backs off after failures, honours Retry-After, and forgets failures after an answer', () => {
    const plan = new PollPlan();
    const interval = 1000;
    const delays = [1, 2, 3, 4].map(() => plan.failed('a', 0, interval, 0, () => 1));
    assert.deepEqual(delays, [2000, 4000, 8000, 16000]);
    assert.equal(plan.failed('a', 0, interval, 60_000, () => 0), 60_000);
    plan.answered('a', 0, 500);
    assert.equal(plan.failed('a', 0, interval, 0, () => 1), 2000, 'the count starts again');
  });

  it('brings answered tasks forward to a shorter interval, but never a backoff', () => {
    const plan = new PollPlan();
    plan.answered('answered', 0, 30_000);
    plan.failed('failing', 0, 10_000, 0, () => 1);
    plan.tighten(10_000);
    assert.deepEqual(plan.take(10_000, 10), ['answered']);
    assert.deepEqual(plan.take(19_999, 10), []);
  });

  it('forgets a removed task completely', () => {
    const plan = new PollPlan();
    plan.planBy('a', 0);
    plan.forget('a');
    assert.equal(plan.size, 0);
    assert.equal(plan.earliest(), undefined);
  });
});
