import { VideoApiClient } from '../../../src/api/videoApiClient';
import type { Poller } from '../../../src/tasks/poller';
import { TaskStore } from '../../../src/tasks/taskStore';
import { displayState, type DisplayState } from '../../../src/tasks/trackedTask';
import { describeTask, statusLabel, taskIcon } from '../../../src/views/taskPresentation';
import { FakeGateway, type TaskScript } from '../../fakeGateway/fakeGateway';
import { FakeClock } from '../helpers/fakeClock';
import { MemoryLogger, MemoryStorage } from '../helpers/fakes';
import { testPoller } from '../helpers/testPoller';

export const INTERVAL_MS = 10_000;

/** What the user sees of a task in the tree. */
export interface TaskView {
  readonly state: DisplayState;
  readonly icon: string;
  readonly label: string;
  readonly description: string;
  readonly problem?: string;
}

/**
 * The real client, store and scheduler against the fake gateway over HTTP on
 * 127.0.0.1, with the scheduler's time on a fake clock so minutes of backoff
 * pass in milliseconds. Every change the store fires is recorded.
 */
export class Rig {
  readonly clock = new FakeClock();
  readonly log = new MemoryLogger();
  readonly storage = new MemoryStorage();
  readonly store: TaskStore;
  readonly client: VideoApiClient;
  readonly poller: Poller;
  readonly changedIds: string[] = [];
  apiKey: string | undefined;
  maxConcurrent = 4;
  timeoutMs = 500;
  private startedPolling = false;

  private constructor(readonly gateway: FakeGateway) {
    this.apiKey = gateway.apiKey;
    this.store = new TaskStore(this.storage, this.log, () => this.clock.now());
    this.store.onDidChange((change) => this.changedIds.push(...change.ids));
    this.client = new VideoApiClient(() => ({ baseUrl: gateway.url, timeoutMs: this.timeoutMs, proxy: { strictSSL: true } }), this.log);
    this.poller = testPoller({
      store: this.store,
      client: this.client,
      intervalMs: INTERVAL_MS,
      maxConcurrent: () => this.maxConcurrent,
      key: () => this.apiKey,
      log: this.log,
      clock: this.clock,
      random: () => 1, // Backoff at its ceiling, so bounds are exact.
    });
  }

  static async start(): Promise<Rig> {
    return new Rig(await FakeGateway.start());
  }

  /** Tracks a task the gateway answers with `script`, and lets its first query settle. */
  async track(id: string, script?: TaskScript): Promise<void> {
    if (script) {
      this.gateway.setTask(id, script);
    }
    this.store.add([id]);
    if (!this.startedPolling) {
      this.startedPolling = true;
      this.poller.start();
    }
    await this.settle();
  }

  /** Waits (in real time) until no query is in flight, then lets the fake clock's due timers run. */
  async settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      const deadline = Date.now() + 10_000;
      while (this.poller.activeRequests > 0) {
        if (Date.now() > deadline) {
          throw new Error('queries still in flight after 10 s');
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await this.clock.advance(0);
    }
  }

  /** Moves the scheduler's time forward in steps, letting real queries settle after each. */
  async advance(ms: number, stepMs = 1000): Promise<void> {
    for (let passed = 0; passed < ms; passed += stepMs) {
      await this.clock.advance(Math.min(stepMs, ms - passed));
      await this.settle();
    }
  }

  view(id: string): TaskView {
    const task = this.store.get(id);
    if (!task) {
      throw new Error(`task ${id} is not tracked`);
    }
    return {
      state: displayState(task),
      icon: taskIcon(task).id,
      label: statusLabel(task),
      description: describeTask(task, this.clock.now()),
      problem: task.problem?.message,
    };
  }

  queries(id: string): number {
    return this.gateway.queriesFor(id).length;
  }

  async dispose(): Promise<void> {
    this.poller.dispose();
    this.client.dispose();
    this.store.dispose();
    await this.gateway.close();
  }
}

/** Collects unhandled rejections and uncaught exceptions while a suite runs. */
export function watchForStrayErrors(): { readonly errors: unknown[] } {
  const errors: unknown[] = [];
  const onError = (error: unknown): void => {
    errors.push(error);
  };
  before(() => {
    process.on('unhandledRejection', onError);
    process.on('uncaughtException', onError);
  });
  after(() => {
    process.off('unhandledRejection', onError);
    process.off('uncaughtException', onError);
  });
  return { errors };
}
