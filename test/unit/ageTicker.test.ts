import * as assert from 'node:assert/strict';
import { AGE_TICK_MS, AgeTicker } from '../../src/views/ageTicker';
import { FakeClock } from './helpers/fakeClock';

describe('AgeTicker: ages that move on while the view is seen', () => {
  it('ticks only while active, and leaves no timer when it is not', async () => {
    const clock = new FakeClock();
    let ticks = 0;
    const ticker = new AgeTicker(() => ticks++, clock);
    await clock.advance(AGE_TICK_MS * 3);
    assert.equal(ticks, 0);
    assert.equal(clock.pendingTimers, 0, 'a hidden or empty view costs nothing');
    ticker.setActive(true);
    ticker.setActive(true);
    await clock.advance(AGE_TICK_MS * 3);
    assert.equal(ticks, 3, 'one timer, however often it is asked to run');
    ticker.setActive(false);
    await clock.advance(AGE_TICK_MS * 3);
    assert.equal(ticks, 3);
    assert.equal(clock.pendingTimers, 0);
    assert.equal(ticker.running, false);
  });
});
