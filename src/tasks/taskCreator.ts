import { ApiError } from '../api/errors';
import type { CreateVideoRequest } from '../api/videoApiClient';
import type { KeyLookup } from '../auth/keyLookup';
import { l10n } from '../l10n';
import { MAX_TRACKED_TASKS, type TaskStore } from './taskStore';

/** Creates a task on the gateway and tracks it at once; the key rules of polling apply here too. */
export class TaskCreator {
  constructor(
    private readonly client: { create(request: CreateVideoRequest, apiKey: string, signal?: AbortSignal): Promise<string> },
    private readonly apiKey: () => KeyLookup,
    private readonly store: TaskStore,
  ) {}

  /** Returns the new task's id; `from` is the task it was generated again from. */
  async create(request: CreateVideoRequest, from?: string, signal?: AbortSignal): Promise<string> {
    const lookup = this.apiKey();
    if ('pause' in lookup) {
      throw new ApiError(lookup.pause.reason === 'noKey' ? 'auth' : 'config', lookup.pause.message);
    }
    if (this.store.size >= MAX_TRACKED_TASKS) {
      // Checked before spending credits: a created task that cannot be tracked would be lost.
      throw new Error(l10n.t('{0} tasks are tracked, the most at once. Remove finished tasks, then create again.', MAX_TRACKED_TASKS));
    }
    const id = await this.client.create(request, lookup.key, signal);
    if (this.store.add([id], from === undefined ? { request } : { request, from }).overLimit > 0) {
      throw new Error(l10n.t('The gateway created task {0}, but it cannot be tracked: {1} tasks are tracked already. Keep the id to track it later.', id, MAX_TRACKED_TASKS));
    }
    return id;
  }
}
