import type { Logger } from '../log';
import type { TaskSnapshot } from './taskSnapshot';
import type { AnswerListener, CreateVideoRequest, HttpSettings, TaskQueryClient, VideoApiClient } from './videoApiClient';

/** What the extension asks of the gateway: the poller queries, the create flow creates. */
export interface VideoApi extends TaskQueryClient {
  create(request: CreateVideoRequest, apiKey: string, signal?: AbortSignal): Promise<string>;
}

/**
 * The gateway client and the reader of its answers are bundled on their own
 * as dist/client.js and required on the first request, a moment after
 * activation, so the activation bundle stays small (docs/PERFORMANCE.md).
 */
export class LazyVideoApiClient implements VideoApi {
  private loaded: Promise<VideoApiClient> | undefined;
  private disposed = false;

  constructor(
    private readonly settings: () => HttpSettings,
    private readonly log: Logger,
    private readonly onAnswer?: AnswerListener,
  ) {}

  async query(taskId: string, apiKey: string, signal?: AbortSignal): Promise<TaskSnapshot> {
    return (await this.client()).query(taskId, apiKey, signal);
  }

  async create(request: CreateVideoRequest, apiKey: string, signal?: AbortSignal): Promise<string> {
    return (await this.client()).create(request, apiKey, signal);
  }

  dispose(): void {
    this.disposed = true;
    this.loaded?.then(
      (client) => client.dispose(),
      () => undefined,
    );
  }

  private client(): Promise<VideoApiClient> {
    if (this.disposed) {
      return Promise.reject(new Error('The HTTP client was disposed.'));
    }
    this.loaded ??= import('./videoApiClient').then(
      ({ VideoApiClient }) => new VideoApiClient(this.settings, this.log, this.onAnswer),
      (error: unknown) => {
        this.loaded = undefined; // Tried again on the next request.
        throw error;
      },
    );
    return this.loaded;
  }
}
