import { loadGatewayFixtures } from '../fixtures/gatewayFixtures';
import type { FakeGateway, TaskScript } from './fakeGateway';

/** The enhanced prompt of the seed's first example, wrapped in a code fence as the API sends it. */
export const FENCED_PROMPT =
  '```\nA surreal and whimsical digital painting of a majestic brown cow with large, feathered wings soaring gracefully through a vibrant blue sky.\n```';
export const UNFENCED_PROMPT =
  'A surreal and whimsical digital painting of a majestic brown cow with large, feathered wings soaring gracefully through a vibrant blue sky.';

const SECONDS = 1764522552;

/** The seed's first example: a minimal pending task, timestamp in milliseconds. */
export function minimalPending(id: string): object {
  return { id, status: 'pending', video_url: null, enhanced_prompt: FENCED_PROMPT, status_update_time: 1750323167003 };
}

/** The seed's second example: a rich grok answer, timestamps in seconds. */
export function richCompleted(id: string, gateway: FakeGateway): object {
  return {
    id,
    mode: 'text',
    type: 'create',
    error: '',
    model: 'grok-3',
    ratio: '3:2',
    prompt: 'cat fish  --mode=custom',
    status: 'completed',
    post_id: '393ae1ec-1dc7-4f26-bb53-afe361bc3b3a',
    asset_id: '393ae1ec-1dc7-4f26-bb53-afe361bc3b3a',
    progress: 100,
    trace_id: '4cc3a75aa6d6a0788f86195e0cbad44e',
    upscaled: false,
    video_id: '393ae1ec-1dc7-4f26-bb53-afe361bc3b3a',
    video_url: gateway.mediaUrl('sample.mp4'),
    completed_at: SECONDS,
    thumbnail_url: gateway.mediaUrl('sample.jpg'),
    video_file_id: 'ca10efbb-ae64-426e-99f0-f365bc3cd941',
    thumbnail_file_id: 'f4fd6fe4-8091-4528-be32-335f4fc9af65',
    status_update_time: SECONDS,
    upscale_on_complete: false,
  };
}

/** pending → processing (progress) → completed with the sample video. */
export function completingScript(id: string, gateway: FakeGateway, runningSteps = 2): TaskScript {
  const now = Date.now();
  const running = Array.from({ length: runningSteps }, (_, step) => ({
    id,
    status: 'processing',
    model: 'grok-video-3',
    prompt: 'A cow with wings flying over farmland',
    enhanced_prompt: FENCED_PROMPT,
    progress: Math.round(((step + 1) / (runningSteps + 1)) * 100),
    video_url: null,
    status_update_time: now,
  }));
  return [
    minimalPending(id),
    ...running,
    { ...richCompleted(id, gateway), prompt: 'A cow with wings flying over farmland', enhanced_prompt: FENCED_PROMPT },
  ];
}

/** pending → failed, with the reason as an `{code, message}` object. */
export function failingScript(id: string): TaskScript {
  return [
    minimalPending(id),
    {
      id,
      status: 'failed',
      model: 'veo3.1-fast',
      prompt: 'A prompt the moderation refused',
      error: { code: 'content_policy', message: 'The prompt was rejected by the content policy.' },
      status_update_time: SECONDS,
    },
  ];
}

/** Tasks in every state, for the demo and manual tries. */
export function loadDemoTasks(gateway: FakeGateway): string[] {
  const tasks: [string, TaskScript][] = [
    ['grok:299604b7-c5ea-47b5-bc64-c06f300f0d27', [richCompleted('grok:299604b7-c5ea-47b5-bc64-c06f300f0d27', gateway)]],
    ['grok:eee6faa8-9dee-455c-aa82-02ac623adf3a', completingScript('grok:eee6faa8-9dee-455c-aa82-02ac623adf3a', gateway, 4)],
    ['033fa60e-f37c-4ff6-a44d-5585ffea938d', [minimalPending('033fa60e-f37c-4ff6-a44d-5585ffea938d')]],
    ['veo3.1-components:1762241017-xTL0P9HvGF', failingScript('veo3.1-components:1762241017-xTL0P9HvGF')],
  ];
  for (const [id, script] of tasks) {
    gateway.setTask(id, script);
  }
  return tasks.map(([id]) => id);
}

/** A recorded answer's body (test/fixtures/gateways), with a video URL on a real CDN pointing at the fake gateway's sample. */
function recordedBody(prefix: string, gateway: FakeGateway, cdnUrl?: string): object {
  const fixture = loadGatewayFixtures().find((candidate) => candidate.name.startsWith(prefix));
  if (!fixture) {
    throw new Error(`no fixture ${prefix} in test/fixtures/gateways`);
  }
  const text = JSON.stringify(fixture.body);
  return JSON.parse(cdnUrl === undefined ? text : text.split(cdnUrl).join(gateway.mediaUrl('sample.mp4'))) as object;
}

/**
 * Some of the trickiest real answers, for the demo and the end-to-end suite:
 * an older new-api wrapper whose video is only in `fail_reason` (065), a
 * URL-less OpenAI-style video object whose file is at the content route (004),
 * a completed task with a leftover error object (013), and a "success"
 * wrapper around a failed task, seen queued first (034, then 086).
 */
export function loadRealGatewayTasks(gateway: FakeGateway): string[] {
  gateway.answerWith('newapi-wrapped', { status: 200, body: recordedBody('065-', gateway, 'https://vidgen.x.ai/xai-vidgen-bucket/xai-video-72924fdc-e6d7-4885-b318-8a367aaa9a02.mp4') });
  gateway.answerWith('video_123', { status: 200, body: recordedBody('004-', gateway) });
  gateway.contentIds.add('video_123');
  gateway.answerWith('stale-error', { status: 200, body: recordedBody('013-', gateway, 'https://example.com/video.mp4') });
  gateway.setTask('wrapped-failure', [recordedBody('034-', gateway), recordedBody('086-', gateway)]);
  return ['newapi-wrapped', 'video_123', 'stale-error', 'wrapped-failure'];
}
