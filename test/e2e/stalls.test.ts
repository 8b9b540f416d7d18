import * as assert from 'node:assert/strict';
import { recordScenarios, Session } from './harness/session';

const MINUTE = 60_000;

/**
 * A task whose answers have said "queued" for an hour, up to its last check
 * a moment ago, while its model's last three videos took a minute each:
 * stored state as a window leaves it when it reloads. The gateway keeps
 * answering "queued".
 */
function storedTasks(now: number): unknown {
  const done = (id: string, finishedAgo: number) => ({
    id,
    addedAt: now - finishedAgo - 2 * MINUTE,
    snapshot: {
      rawStatus: 'succeeded',
      status: 'succeeded',
      model: 'grok-video-3',
      videoUrl: 'https://cdn.example.com/v.mp4',
      createdAt: now - finishedAgo - MINUTE,
      completedAt: now - finishedAgo,
    },
  });
  const stuckSince = now - 60 * MINUTE;
  return {
    version: 2,
    removed: {},
    tasks: [
      done('grok:done-1', 90 * MINUTE),
      done('grok:done-2', 80 * MINUTE),
      done('grok:done-3', 70 * MINUTE),
      { id: 'grok:stuck', addedAt: stuckSince, movedAt: stuckSince, checkedAt: now, snapshot: { rawStatus: 'queued', status: 'queued', model: 'grok-video-3' } },
    ],
  };
}

describe('End to end: a task that is stuck', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;

  before(async () => {
    session = await Session.start({ name: 'stalls', extensionStorage: { 'tasks.json': storedTasks(Date.now()) } });
    // A careless gateway echoes the request's key: the support info must still not carry it.
    session.gateway.setTask('grok:stuck', [{ id: 'grok:stuck', status: 'queued', model: 'grok-video-3', debug: `Authorization: Bearer ${session.gateway.apiKey}` }]);
  });
  recordScenarios(() => session);

  it('is marked stalled in the tree and the status bar, with one notification', async () => {
    await wb().openSidebar();
    await wb().runCommand('Set API Key');
    await wb().answerInput('Set API Key', session!.gateway.apiKey!);
    await wb().waitForIcon('grok:stuck', 'warning');
    assert.match(await wb().descriptionOf('grok:stuck'), /^Queued · stalled: no change for 1 h( 1 min)? · grok-video-3/);
    assert.match((await wb().statusItem().getAttribute('aria-label')) ?? '', /1 video in progress, 1 stalled/);
    const toast = await wb().waitForNotification(/Video task grok:stuck seems stuck: no change for 1 h( 1 min)?, while grok-video-3 usually takes 1 min/);
    await wb().page.waitForTimeout(3000);
    assert.equal((await wb().notifications()).filter((text) => /seems stuck/.test(text)).length, 1, 'one notification');
    await toast.getByRole('button', { name: 'Copy Support Info' }).click();
    const info = await wb().waitForClipboard(/Task: grok:stuck/);
    for (const expected of [/Gateway: http:\/\/127\.0\.0\.1:\d+\n/, /Model: grok-video-3/, /Status: Queued \(queued\)/, /Last answer \(HTTP 200, [^)]+\):\n\{/]) {
      assert.match(info, expected);
    }
    assert.ok(!info.includes(session!.gateway.apiKey!), 'never the key');
  });

  it('is announced once: not again after a reload', async () => {
    await wb().clearNotifications();
    const reloaded = wb().page.waitForEvent('load');
    await wb().runAnyCommand('Developer: Reload Window');
    await reloaded;
    await wb().waitReady();
    await wb().openSidebar();
    await wb().waitForIcon('grok:stuck', 'warning');
    // This window polls again (it asks the gateway), so it would have announced the task by now.
    const asked = session!.gateway.queriesFor('grok:stuck').length;
    for (const deadline = Date.now() + 60_000; session!.gateway.queriesFor('grok:stuck').length === asked; await wb().page.waitForTimeout(250)) {
      assert.ok(Date.now() < deadline, 'the reloaded window checks the task');
    }
    await wb().page.waitForTimeout(3000);
    assert.equal((await wb().notifications()).filter((text) => /seems stuck/.test(text)).length, 0);
  });
});
