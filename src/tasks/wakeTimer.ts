import type { Clock } from './clock';

/**
 * At most one pending wake-up, at an absolute time. Asking for the same time
 * again keeps the timer; asking for another replaces it. The callback runs
 * inside try/catch so a failing tick is reported, never thrown into the
 * event loop.
 */
export class WakeTimer {
  private timer: { readonly handle: unknown; readonly at: number } | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly onWake: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  get pending(): boolean {
    return this.timer !== undefined;
  }

  wakeAt(at: number): void {
    if (this.timer?.at === at) {
      return;
    }
    this.clear();
    const handle = this.clock.setTimeout(() => {
      this.timer = undefined;
      try {
        this.onWake();
      } catch (error) {
        this.onError(error);
      }
    }, Math.max(0, at - this.clock.now()));
    this.timer = { handle, at };
  }

  clear(): void {
    if (this.timer) {
      this.clock.clearTimeout(this.timer.handle);
      this.timer = undefined;
    }
  }
}
