/** A task's status in the words the extension acts on, whatever the backend said. */
export type TaskStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'unknown';

const RAW_STATUSES: ReadonlyMap<string, TaskStatus> = new Map<string, TaskStatus>([
  // `in_queue`: fal-style queues; `initializing`: Qiniu.
  ...['pending', 'queued', 'waiting', 'submitted', 'not_start', 'in_queue', 'initializing'].map((raw) => [raw, 'queued'] as const),
  ...[
    'processing',
    'in_progress',
    'running',
    'generating',
    'image_downloading',
    'video_generating',
    // Upscaling may still follow, so the video is not final yet.
    'video_generation_completed',
    'video_upsampling',
  ].map((raw) => [raw, 'running'] as const),
  // `succeed`: Kling; `done`: xAI, Jimeng, and Veo operations whose `done` flag is set.
  ...['completed', 'success', 'succeeded', 'succeed', 'done', 'video_upsampling_completed'].map((raw) => [raw, 'succeeded'] as const),
  // `fail`: Kling; `expired`: a provider dropped the task before it ran.
  ...['failed', 'failure', 'fail', 'error', 'expired', 'video_generation_failed', 'video_upsampling_failed'].map(
    (raw) => [raw, 'failed'] as const,
  ),
  ...['cancelled', 'canceled'].map((raw) => [raw, 'cancelled'] as const),
]);

/** Maps a raw status word from any backend to a {@link TaskStatus}; matching ignores case and spaces around. */
export function normalizeStatus(raw: string): TaskStatus {
  return RAW_STATUSES.get(raw.trim().toLowerCase()) ?? 'unknown';
}

/** Terminal tasks are never polled again unless the user asks. */
export function isTerminal(status: TaskStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
