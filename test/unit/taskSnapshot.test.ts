import * as assert from 'node:assert/strict';
import { ApiError } from '../../src/api/errors';
import { parseTaskSnapshot, stripCodeFence } from '../../src/api/taskSnapshot';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { minimalPending, richCompleted, UNFENCED_PROMPT } from '../fakeGateway/scenarios';

describe('parseTaskSnapshot', () => {
  it('reads the minimal seed example (timestamp in milliseconds, fenced prompt)', () => {
    const snapshot = parseTaskSnapshot(minimalPending('033fa60e-f37c-4ff6-a44d-5585ffea938d'));
    assert.equal(snapshot.serverId, '033fa60e-f37c-4ff6-a44d-5585ffea938d');
    assert.equal(snapshot.status, 'queued');
    assert.equal(snapshot.rawStatus, 'pending');
    assert.equal(snapshot.videoUrl, undefined);
    assert.equal(snapshot.updatedAt, 1750323167003);
    assert.equal(snapshot.enhancedPrompt, UNFENCED_PROMPT);
  });

  it('reads the rich seed example (timestamps in seconds)', async () => {
    const gateway = await FakeGateway.start();
    try {
      const snapshot = parseTaskSnapshot(richCompleted('grok:299604b7', gateway));
      assert.equal(snapshot.status, 'succeeded');
      assert.equal(snapshot.progress, 100);
      assert.equal(snapshot.model, 'grok-3');
      assert.equal(snapshot.ratio, '3:2');
      assert.equal(snapshot.prompt, 'cat fish  --mode=custom');
      assert.equal(snapshot.error, undefined, 'an empty error string is no error');
      assert.equal(snapshot.completedAt, 1764522552000);
      assert.equal(snapshot.updatedAt, 1764522552000);
      assert.equal(snapshot.videoUrl, gateway.mediaUrl('sample.mp4'));
      assert.equal(snapshot.thumbnailUrl, gateway.mediaUrl('sample.jpg'));
    } finally {
      await gateway.close();
    }
  });

  it('reads timestamps as numeric strings and ISO dates, and drops unreadable ones', () => {
    assert.equal(parseTaskSnapshot({ status: 'pending', status_update_time: '1764522552' }).updatedAt, 1764522552000);
    assert.equal(parseTaskSnapshot({ status: 'pending', status_update_time: '1750323167003' }).updatedAt, 1750323167003);
    assert.equal(
      parseTaskSnapshot({ status: 'pending', status_update_time: '2025-12-01T00:00:00Z' }).updatedAt,
      Date.parse('2025-12-01T00:00:00Z'),
    );
    assert.equal(parseTaskSnapshot({ status: 'pending', status_update_time: 'soon' }).updatedAt, undefined);
    assert.equal(parseTaskSnapshot({ status: 'pending' }).updatedAt, undefined);
    for (const time of [1e20, -5, '9e99', '+275761-01-01T00:00:00Z']) {
      assert.equal(parseTaskSnapshot({ status: 'pending', status_update_time: time }).updatedAt, undefined, String(time));
    }
  });

  it('clamps progress to 0–100 and accepts it as a string or as detail.progress_pct', () => {
    assert.equal(parseTaskSnapshot({ status: 'running', progress: '42' }).progress, 42);
    assert.equal(parseTaskSnapshot({ status: 'running', progress: 150 }).progress, 100);
    assert.equal(parseTaskSnapshot({ status: 'running', progress: -1 }).progress, 0);
    assert.equal(parseTaskSnapshot({ status: 'running', progress: 'half' }).progress, undefined);
    assert.equal(parseTaskSnapshot({ status: 'running', detail: { progress_pct: 0.42 } }).progress, 42);
    assert.equal(parseTaskSnapshot({ status: 'running', detail: { progress_pct: 63 } }).progress, 63);
  });

  it('takes the first non-empty failure reason of every known shape', () => {
    const reason = (body: object): string | undefined => parseTaskSnapshot({ status: 'failed', ...body }).error;
    assert.equal(reason({ error: 'quota exceeded' }), 'quota exceeded');
    assert.equal(reason({ error: { code: 'policy', message: 'rejected by policy' } }), 'rejected by policy');
    assert.equal(reason({ error: { code: 'policy_only' } }), 'policy_only');
    assert.equal(reason({ error: '', fail_reason: 'no credits' }), 'no credits');
    assert.equal(reason({ error_message: 'upstream timeout' }), 'upstream timeout');
    assert.equal(reason({ error: { nested: { deep: true } } }), undefined, 'never [object Object]');
  });

  it('unwraps a { data: task } envelope', () => {
    assert.equal(parseTaskSnapshot({ code: 'success', data: { id: 'x', status: 'completed' } }).status, 'succeeded');
  });

  it('keeps an unknown status word beside keys named like prototypes', () => {
    const body = JSON.parse('{"status":"moderating","__proto__":{"status":"completed"},"constructor":{"prototype":{"status":"completed"}}}');
    const snapshot = parseTaskSnapshot(body);
    assert.equal(snapshot.status, 'unknown');
    assert.equal(snapshot.rawStatus, 'moderating');
  });

  it('never reads a key the answer only inherits', () => {
    // What a reader that did `object[key]` would pick up from a prototype: a finished status and a video.
    const inherited = { status: 'completed', video_url: 'https://cdn.example/inherited.mp4', progress: 100 };
    const running = parseTaskSnapshot(Object.assign(Object.create(inherited) as object, { id: 'x', status: 'processing' }));
    assert.equal(running.status, 'running');
    assert.equal(running.videoUrl, undefined);
    assert.equal(running.progress, undefined);
    assert.throws(() => parseTaskSnapshot(Object.assign(Object.create(inherited) as object, { id: 'x' })), /without a task status/);
  });

  it('cuts very long strings with an ellipsis', () => {
    const snapshot = parseTaskSnapshot({ status: 'completed', prompt: 'x'.repeat(1_000_000) });
    assert.equal(snapshot.prompt?.length, 20_000);
    assert.ok(snapshot.prompt?.endsWith('x…'));
  });

  it('refuses bodies that are not a task', () => {
    for (const body of [null, [], 'completed', 42, {}, { status: {} }]) {
      assert.throws(() => parseTaskSnapshot(body), (error: unknown) => error instanceof ApiError && error.kind === 'badResponse');
    }
  });
});

describe('stripCodeFence', () => {
  it('removes a fence with or without a language tag', () => {
    assert.equal(stripCodeFence('```\nhello\nworld\n```'), 'hello\nworld');
    assert.equal(stripCodeFence('```text\nhello\n```'), 'hello');
  });

  it('leaves unfenced text alone and drops empty fences', () => {
    assert.equal(stripCodeFence('plain text'), 'plain text');
    assert.equal(stripCodeFence('```\n```'), undefined);
    assert.equal(stripCodeFence(undefined), undefined);
  });
});

describe('parseTaskSnapshot: the reading rules on built bodies (the shapes no recorded answer shows)', () => {
  it('takes a failed task’s reason from detail when the task itself gives none', () => {
    // Built, not recorded: no public answer with a reason under detail was found (see test/fixtures/gateways).
    const snapshot = parseTaskSnapshot({ id: 'sora-2:task_x', status: 'failed', detail: { status: 'failed', error: { message: 'moderation blocked the prompt' } } });
    assert.equal(snapshot.error, 'moderation blocked the prompt');
  });

  it('shows no reason for a completed task with a stale error left in detail from an earlier retry', () => {
    const snapshot = parseTaskSnapshot({ id: 'sora-2:task_y', status: 'completed', video_url: 'https://cdn.example/v.mp4', detail: { error: { message: 'retrying after upstream 500' } } });
    assert.equal(snapshot.status, 'succeeded');
    assert.equal(snapshot.error, undefined);
  });

  it('never takes a thumbnail, cover or input image for the video', () => {
    const snapshot = parseTaskSnapshot({
      status: 'succeeded',
      thumbnail_url: 'https://cdn.example/t.jpg',
      cover_url: 'https://cdn.example/c.jpg',
      input: { images: ['https://cdn.example/in.png'] },
      images: ['https://cdn.example/ref.png'],
    });
    assert.equal(snapshot.videoUrl, undefined);
  });
});

describe('parseTaskSnapshot: the server id', () => {
  it('prefers a task_id to a numeric database id, as new-api’s task records have both', () => {
    assert.equal(parseTaskSnapshot({ code: 'success', data: { id: 1, task_id: 'task_abc', status: 'SUCCESS' } }).serverId, 'task_abc');
    assert.equal(parseTaskSnapshot({ id: 'video_123', object: 'video', status: 'completed' }).serverId, 'video_123');
  });
});

describe('parseTaskSnapshot: older new-api answers', () => {
  it('finds the video in fail_reason of a SUCCESS task when nothing else names it, and never takes a sentence for a URL', () => {
    // Built on fixture 065's shape without its upstream body: the URL is only in fail_reason.
    const body = { code: 'success', message: '', data: { task_id: 'task_1', status: 'SUCCESS', fail_reason: 'https://vidgen.example/v.mp4', progress: '100%' } };
    assert.equal(parseTaskSnapshot(body).videoUrl, 'https://vidgen.example/v.mp4');
    const failed = { code: 'success', data: { task_id: 'task_2', status: 'FAILURE', fail_reason: 'https://api.example/v1/videos returned 400: image too small' } };
    assert.equal(parseTaskSnapshot(failed).error, 'https://api.example/v1/videos returned 400: image too small', 'a sentence that starts with a URL is a reason');
  });

  it('reads the task inside a wrapper whose own status is about the call', () => {
    assert.equal(parseTaskSnapshot({ status: 'success', message: 'ok', data: { task_id: 't', status: 'processing' } }).status, 'running');
    assert.equal(parseTaskSnapshot({ status: '200', message: 'success', data: { status: 'Processing' } }).status, 'running');
  });

  it('reads a done Veo operation with "error": null as succeeded', () => {
    assert.equal(parseTaskSnapshot({ name: 'operations/x', done: true, error: null, response: {} }).status, 'succeeded');
    assert.equal(parseTaskSnapshot({ name: 'operations/x', done: true, error: { code: 3, message: 'blocked' } }).status, 'failed');
  });
});
