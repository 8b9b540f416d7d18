import * as assert from 'node:assert/strict';
import { clampSetting, notifyOnFrom } from '../../src/settingsValues';

describe('clampSetting', () => {
  const range = { min: 2, max: 3600, fallback: 10 };

  it('keeps a value in range, without a notice', () => {
    assert.deepEqual(clampSetting('anyapiVideo.pollIntervalSeconds', 5, range), { value: 5 });
  });

  it('clamps a value below the minimum and says so', () => {
    assert.deepEqual(clampSetting('anyapiVideo.pollIntervalSeconds', 1, range), {
      value: 2,
      notice: 'anyapiVideo.pollIntervalSeconds is 1; using the minimum, 2.',
    });
  });

  it('clamps a value above the maximum and says so', () => {
    assert.match(clampSetting('x', 99999, range).notice ?? '', /using the maximum, 3600/);
  });

  it('falls back from something that is not a number, and says so', () => {
    assert.deepEqual(clampSetting('x', '5', range), { value: 10, notice: 'x is not a number; using 10.' });
    assert.equal(clampSetting('x', Number.NaN, range).value, 10);
  });

  it('rounds integer settings', () => {
    assert.deepEqual(clampSetting('x', 3.6, { min: 1, max: 32, fallback: 4, integer: true }), { value: 4, notice: 'x is 3.6; using 4.' });
  });
});

describe('notifyOnFrom', () => {
  it('takes anyapiVideo.notifyOn as set', () => {
    assert.equal(notifyOnFrom('failures', true), 'failures');
    assert.equal(notifyOnFrom('none', undefined), 'none');
    assert.equal(notifyOnFrom('all', false), 'all', 'the new setting wins over the old one');
  });

  it('falls back on notifyOnCompletion while notifyOn is not set, or set to something it does not know', () => {
    assert.equal(notifyOnFrom(undefined, false), 'none');
    assert.equal(notifyOnFrom(undefined, true), 'all');
    assert.equal(notifyOnFrom(undefined, undefined), 'all');
    assert.equal(notifyOnFrom('loud', undefined), 'all');
  });
});
