import * as assert from 'node:assert/strict';
import { loadRealGatewayTasks } from '../fakeGateway/scenarios';
import { loadGatewayFixtures } from '../fixtures/gatewayFixtures';
import { recordScenarios, Session } from './harness/session';

/**
 * Real gateway answers (test/fixtures/gateways) in the real workbench: the
 * fake gateway answers with the recorded bodies (see loadRealGatewayTasks) —
 * where a body names a video on a real CDN, the URL points at the fake
 * gateway's sample instead, so it can play without leaving the machine.
 */
describe('End to end: real gateway answers in a real workbench', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;
  const gateway = () => session!.gateway;

  before(async () => {
    session = await Session.start({ name: 'gateways' });
    loadRealGatewayTasks(gateway());
    await wb().openSidebar();
    await wb().runCommand('Set API Key');
    await wb().answerInput('Set API Key', gateway().apiKey!);
  });
  recordScenarios(() => session);

  it('plays the video of a task in an older new-api wrapper (SUCCESS; the URL only in fail_reason and the upstream body)', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'newapi-wrapped');
    await wb().waitForIcon('newapi-wrapped', 'pass');
    await wb().openPreviewFromRow('newapi-wrapped');
    await wb().webview().locator('#status', { hasText: 'Ready' }).waitFor();
    const state = await wb().videoState();
    assert.ok(state.readyState >= 2 && state.width === 320, `the video plays: ${JSON.stringify(state)}`);
    assert.equal(await wb().webview().locator('#error').isHidden(), true, 'a URL in fail_reason is no failure reason');
    await wb().runAnyCommand('View: Close Editor');
  });

  it('plays a URL-less OpenAI-style video from the gateway’s content route, the key sent to the gateway only', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'video_123');
    await wb().waitForIcon('video_123', 'pass');
    assert.match(await wb().descriptionOf('video_123'), /^Ready/);
    await wb().openPreviewFromRow('video_123');
    const state = await wb().videoState();
    assert.ok(state.readyState >= 2 && state.width === 320, `the fetched copy plays: ${JSON.stringify(state)}`);
    const webview = wb().webview();
    assert.deepEqual(
      [await webview.locator('#openExternal').isHidden(), await webview.locator('#copyUrl').isHidden(), await webview.locator('#download').isVisible()],
      [true, true, true],
      'a kept copy has no URL to open or copy, but can be saved',
    );
    assert.deepEqual(
      gateway().contentRequests.map((request) => [request.url, request.headers.authorization]),
      [['/v1/videos/video_123/content', `Bearer ${gateway().apiKey}`]],
      'fetched once, with the key, from the gateway itself; the player reads the local copy',
    );
    await wb().runAnyCommand('View: Close Editor');
  });

  it('shows no reason for a completed task whose error field is a leftover', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'stale-error');
    await wb().waitForIcon('stale-error', 'pass');
    await wb().openPreviewFromRow('stale-error');
    await wb().webview().locator('#status', { hasText: 'Ready' }).waitFor();
    assert.equal(await wb().webview().locator('#error').isHidden(), true);
    await wb().runAnyCommand('View: Close Editor');
  });

  it('shows the reason of a failed task inside a "success" wrapper', async () => {
    await wb().clearNotifications();
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'wrapped-failure');
    await wb().waitForIcon('wrapped-failure', 'error');
    await wb().waitForNotification(/Video task wrapped-failure failed: Image pixel is invalid/);
    await wb().openPreviewFromRow('wrapped-failure');
    await wb().webview().locator('#error', { hasText: 'Image pixel is invalid' }).waitFor();
    await wb().runAnyCommand('View: Close Editor');
  });

  it('shows the reason a yunwu-style task gives under detail', async () => {
    // Built on the shape of test/fixtures/gateways/063 (a Sora task under the unified format, with its upstream
    // record in detail): no public answer with a reason there was found, so the failed answer is built, not recorded.
    const pending = loadGatewayFixtures().find((fixture) => fixture.name.startsWith('063-'))!.body as { detail: object };
    gateway().setTask('sora-2:detail-failure', [
      pending,
      { ...pending, status: 'failed', detail: { ...pending.detail, status: 'failed', error: { message: 'The prompt was blocked by moderation' } } },
    ]);
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'sora-2:detail-failure');
    await wb().waitForIcon('sora-2:detail-failure', 'error');
    await wb().openPreviewFromRow('sora-2:detail-failure');
    await wb().webview().locator('#error', { hasText: 'The prompt was blocked by moderation' }).waitFor();
    await wb().runAnyCommand('View: Close Editor');
  });

  it('shows the raw answer from the context menu and in the preview', async () => {
    await wb().contextMenu('wrapped-failure', 'Show Raw Response');
    const editor = wb().page.locator('.monaco-editor .view-lines').first();
    await editor.filter({ hasText: '"status": "FAILURE"' }).waitFor({ timeout: 10_000 });
    // Monaco draws spaces as no-break spaces.
    assert.match(((await editor.textContent()) ?? '').replace(/\s/g, ' '), /The last answer for wrapped-failure: HTTP 200/);
    await wb().runAnyCommand('View: Close Editor');
    await wb().openPreviewFromRow('wrapped-failure');
    const webview = wb().webview();
    await webview.locator('#rawSection summary').click();
    await webview.locator('#raw', { hasText: '"task_status_msg": "Image pixel is invalid"' }).waitFor();
    await wb().runAnyCommand('View: Close Editor');
  });
});
