import type { Clock } from '../../../src/tasks/clock';
import type { Disposable } from '../../../src/tasks/events';
import type { Poller } from '../../../src/tasks/poller';
import { PollerLease, type LeaseFile } from '../../../src/tasks/pollerLease';
import { TaskStore, type TaskStorage } from '../../../src/tasks/taskStore';
import { FakeClock } from './fakeClock';
import { ManualClient, MemoryLogger } from './fakes';
import { testPoller } from './testPoller';

/**
 * One file of a profile, in memory. Each window has its own view of it and
 * hears the other windows' writes (not its own) a moment later, as the
 * directory watch of `SharedFile` tells it.
 */
class SharedMemory {
  value: unknown;
  readonly views = new Set<SharedView>();
  writes = 0;

  view(): SharedView {
    const view = new SharedView(this);
    this.views.add(view);
    return view;
  }
}

class SharedView implements TaskStorage, LeaseFile {
  alive = true;
  private listener: (() => void) | undefined;

  constructor(private readonly shared: SharedMemory) {}

  read(): unknown {
    return this.shared.value === undefined ? undefined : JSON.parse(JSON.stringify(this.shared.value));
  }

  private pending = 0;

  /** Lands a moment later, as a write to disk does: two windows can each read, then each write. */
  async write(value: unknown): Promise<void> {
    this.pending++;
    await new Promise((resolve) => setImmediate(resolve));
    this.pending--;
    this.writeNow(value);
  }

  get writing(): boolean {
    return this.pending > 0;
  }

  writeNow(value: unknown): void {
    if (!this.alive) {
      return;
    }
    this.shared.value = JSON.parse(JSON.stringify(value));
    this.shared.writes++;
    for (const other of this.shared.views) {
      if (other !== this && other.alive && other.listener) {
        const listener = other.listener;
        setImmediate(() => other.alive && listener());
      }
    }
  }

  watch(listener: () => void): Disposable {
    this.listener = listener;
    return { dispose: () => (this.listener = undefined) };
  }
}

/** A window's view of the shared fake clock: when its extension host dies, none of its timers fire any more. */
class WindowClock implements Clock {
  alive = true;

  constructor(private readonly clock: FakeClock) {}

  now(): number {
    return this.clock.now();
  }

  setTimeout(callback: () => void, ms: number): unknown {
    return this.clock.setTimeout(() => this.alive && callback(), ms);
  }

  clearTimeout(handle: unknown): void {
    this.clock.clearTimeout(handle);
  }
}

/** One VS Code window of the profile: its own store, lease, poller and client, wired as `activate` wires them. */
export class TestWindow {
  readonly client = new ManualClient();
  readonly log = new MemoryLogger();
  readonly store: TaskStore;
  readonly lease: PollerLease;
  readonly poller: Poller;
  apiKey: string | undefined = 'key';
  private readonly clock: WindowClock;
  private readonly views: SharedView[];
  private readonly watches: Disposable[];

  constructor(profile: Profile, focused: boolean) {
    this.clock = new WindowClock(profile.clock);
    const taskView = profile.tasks.view();
    const leaseView = profile.leaseFile.view();
    this.views = [taskView, leaseView];
    this.store = new TaskStore(taskView, this.log, () => this.clock.now());
    this.lease = new PollerLease({ file: leaseView, windowId: `window-${profile.windows.length + 1}`, intervalMs: () => profile.intervalMs, log: this.log, clock: this.clock, random: () => 0.5 });
    this.poller = testPoller({
      store: this.store,
      client: this.client,
      intervalMs: profile.intervalMs,
      key: () => this.apiKey,
      lease: this.lease,
      log: this.log,
      clock: this.clock,
      random: () => 0.5,
    });
    this.watches = [taskView.watch(() => this.store.sync()), leaseView.watch(() => this.lease.reread())];
    this.poller.setFocused(focused);
    this.poller.start();
  }

  get alive(): boolean {
    return this.clock.alive;
  }

  ids(): string[] {
    return this.store.all().map((task) => task.id).sort();
  }

  /** The window closes: VS Code disposes what `activate` registered, and the lease is handed back. */
  close(): void {
    for (const disposable of [...this.watches, this.poller, this.lease, this.store]) {
      disposable.dispose();
    }
  }

  /** The extension host dies or hangs: nothing of this window runs, writes or hears any more. */
  kill(): void {
    this.clock.alive = false;
    for (const view of this.views) {
      view.alive = false;
    }
  }
}

/** Several windows of one profile on a fake clock, sharing the task file and the lease file. */
export class Profile {
  readonly clock = new FakeClock();
  readonly tasks = new SharedMemory();
  readonly leaseFile = new SharedMemory();
  readonly windows: TestWindow[] = [];

  constructor(readonly intervalMs: number) {}

  open(options: { focused: boolean }): TestWindow {
    const window = new TestWindow(this, options.focused);
    this.windows.push(window);
    return window;
  }

  /** Every query any window sent, in order of the windows. */
  get calls(): string[] {
    return this.windows.flatMap((window) => window.client.calls);
  }

  /** Answers every query in flight in any window. */
  answer(snapshot: Parameters<ManualClient['answerAll']>[0]): void {
    for (const window of this.windows) {
      if (window.alive) {
        window.client.answerAll(snapshot);
      }
    }
  }

  /** The windows that poll now. */
  pollers(): TestWindow[] {
    return this.windows.filter((window) => window.poller.polls);
  }

  close(): void {
    for (const window of this.windows) {
      window.close();
    }
  }
}
