import { systemClock, type Clock } from '../tasks/clock';
import type { Disposable } from '../tasks/events';

/** How often the rows' ages ("updated 3 min ago") are written again while someone can see them. */
export const AGE_TICK_MS = 15_000;

/**
 * Keeps the rows' ages current. An answer that says nothing new changes no
 * row, so without this a row said "updated 3 min ago" for as long as the
 * task sat unchanged. One timer, only while active (the view is visible and
 * has tasks); none otherwise, so a hidden or empty view costs nothing.
 */
export class AgeTicker implements Disposable {
  private handle: unknown;

  constructor(
    private readonly onTick: () => void,
    private readonly clock: Clock = systemClock,
  ) {}

  get running(): boolean {
    return this.handle !== undefined;
  }

  setActive(active: boolean): void {
    if (active && this.handle === undefined) {
      this.schedule();
    } else if (!active) {
      this.dispose();
    }
  }

  dispose(): void {
    if (this.handle !== undefined) {
      this.clock.clearTimeout(this.handle);
      this.handle = undefined;
    }
  }

  private schedule(): void {
    this.handle = this.clock.setTimeout(() => {
      this.schedule();
      this.onTick();
    }, AGE_TICK_MS);
  }
}
