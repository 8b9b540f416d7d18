import * as assert from 'node:assert/strict';
import { PollerLease, type LeaseFile } from '../../src/tasks/pollerLease';
import { FakeClock } from './helpers/fakeClock';
import { MemoryLogger } from './helpers/fakes';

/** A lease file whose writes land, or fail, only when the test says so. */
class HeldFile implements LeaseFile {
  value: unknown;
  private held: { value: unknown; settle: (landed: boolean) => void } | undefined;

  get writing(): boolean {
    return this.held !== undefined;
  }

  read(): unknown {
    return this.value === undefined ? undefined : JSON.parse(JSON.stringify(this.value));
  }

  write(value: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.held = {
        value,
        settle: (landed) => {
          this.held = undefined;
          if (landed) {
            this.value = value;
            resolve();
          } else {
            reject(new Error('EBUSY'));
          }
        },
      };
    });
  }

  writeNow(value: unknown): void {
    this.value = value;
  }

  /** Lets the write on its way land (or fail), then lets its callbacks run. */
  async settle(landed: boolean): Promise<void> {
    assert.ok(this.held, 'a write is on its way');
    this.held.settle(landed);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('PollerLease and its own writes', () => {
  it('reads the file again once its own write failed, when another window wrote meanwhile', async () => {
    const clock = new FakeClock();
    const file = new HeldFile();
    const lease = new PollerLease({ file, windowId: 'A', intervalMs: () => 1000, log: new MemoryLogger(), clock, random: () => 0, settleMs: 0 });
    try {
      lease.setWanted(true);
      lease.start(true);
      await file.settle(true); // The claim lands, and counts at once.
      assert.equal(lease.isOwner, true);
      await clock.advance(1000);
      assert.equal(file.writing, true, 'the renewal, an interval later, is on its way');

      // Window B takes over and pauses for a rejected key while A's renewal is still on its way, which then fails.
      file.value = { owner: 'B', expiresAt: clock.now() + 1500, holdUntil: 0, pause: { reason: 'auth', message: 'key rejected' } };
      lease.reread();
      assert.equal(lease.isOwner, true, 'nothing read while its own write is on its way');
      await file.settle(false);
      assert.equal(lease.isOwner, false, 'B polls, as the file says');
      assert.equal(lease.pause?.reason, 'auth');
    } finally {
      lease.dispose();
    }
  });
});
