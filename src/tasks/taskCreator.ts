import { ApiError } from '../api/errors';
import type { CreateVideoRequest } from '../api/videoApiClient';
import type { KeyLookup } from '../auth/keyLookup';
import type { TaskStore } from './taskStore';

/** Creates a task on the gateway and tracks it at once; the key rules of polling apply here too. */
export class TaskCreator {
  constructor(
    private readonly client: { create(request: CreateVideoRequest, apiKey: string, signal?: AbortSignal): Promise<string> },
    private readonly apiKey: () => KeyLookup,
    private readonly store: TaskStore,
  ) {}

  async create(request: CreateVideoRequest, signal?: AbortSignal): Promise<string> {
    const lookup = this.apiKey();
    if ('pause' in lookup) {
      throw new ApiError(lookup.pause.reason === 'noKey' ? 'auth' : 'config', lookup.pause.message);
    }
    const id = await this.client.create(request, lookup.key, signal);
    this.store.add([id]);
    return id;
  }
}
