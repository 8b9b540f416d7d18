import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { completingScript, failingScript, richCompleted, UNFENCED_PROMPT } from '../fakeGateway/scenarios';
import { recordScenarios, Session } from './harness/session';

/** Every file below `dir`. */
function filesUnder(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      files.push(...filesUnder(full));
    } else if (entry.isFile()) {
      files.push(full);
    }
  }
  return files;
}

/** The parts of an HTMLVideoElement the test reads (the test code compiles without the DOM library). */
interface VideoElement {
  readonly paused: boolean;
  readonly loop: boolean;
  readonly playbackRate: number;
  readonly readyState: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly error: { message: string } | null;
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
}

/** The product, driven from the keyboard and mouse in a real VS Code workbench (code-server + Chromium). */
describe('End to end: AnyAPI Video in a real workbench', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  let mediaHost: FakeGateway | undefined;
  const wb = () => session!.workbench;
  const gateway = () => session!.gateway;
  const apiKey = `sk-e2e-${randomBytes(12).toString('hex')}`;
  const wrongKey = `sk-wrong-${randomBytes(12).toString('hex')}`;

  before(async () => {
    session = await Session.start({ name: 'scenarios' });
    mediaHost = await FakeGateway.start();
    const { gateway } = session;
    gateway.apiKey = apiKey;
    gateway.setTask('grok:e2e-media', [{ ...richCompleted('grok:e2e-media', mediaHost), video_url: mediaHost.mediaUrl('sample.mp4') }]);
    gateway.setTask('grok:e2e-nokey', [{ id: 'grok:e2e-nokey', status: 'processing' }]);
    gateway.setTask('grok:e2e-success', completingScript('grok:e2e-success', gateway, 2));
    gateway.setTask('veo:e2e-failure', failingScript('veo:e2e-failure'));
    gateway.setTask('grok:e2e-key', completingScript('grok:e2e-key', gateway, 1));
    for (const id of ['batch-1', 'batch-2', 'batch-3']) {
      gateway.setTask(id, [{ id, status: 'processing', progress: 30 }]);
    }
  });
  recordScenarios(() => session);
  after(async () => {
    await mediaHost?.close();
  });

  it('tracks without a key but waits and says why, then takes the key from a password box', async () => {
    await wb().openSidebar();
    await wb().tasksView().getByText('Set your AnyAPI key').waitFor();
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:e2e-nokey');
    await wb().tasksView().getByText('No API key is set, so tasks are not checked').waitFor();
    assert.equal(await wb().iconOf('grok:e2e-nokey'), 'clock');
    assert.equal(gateway().queriesFor('grok:e2e-nokey').length, 0, 'nothing is sent without a key');
    const toast = await wb().waitForNotification(/no API key is set/);
    await toast.getByRole('button', { name: 'Set API Key' }).click();
    const input = wb().quickInputBox();
    await input.waitFor();
    assert.equal(await input.getAttribute('type'), 'password', 'the key is typed into a password box');
    await wb().answerInput('Set API Key', gateway().apiKey!);
    await wb().waitForIcon('grok:e2e-nokey', 'sync');
    assert.equal(await wb().tasksView().getByText('No API key is set').count(), 0);
    assert.match((await wb().statusItem().getAttribute('aria-label')) ?? '', /1 video in progress/);
    await wb().contextMenu('grok:e2e-nokey', 'Stop Tracking');
    await wb().tasksView().getByText('No video tasks tracked yet').waitFor();
    await wb().statusItem().waitFor({ state: 'hidden' });
  });

  it('refuses bad input in Track Video Task with a clear message', async () => {
    await wb().runCommand('Track Video Task');
    await wb().expectValidation('Track Video Task', '<script>alert(1)</script>', /does not look like a task id/);
    await wb().expectValidation('Track Video Task', 'x'.repeat(300), /at most 200 characters/);
    await wb().expectValidation('Track Video Task', '   ', /Enter a task id/);
    await wb().closeQuickInput();
  });

  it('tracks a task from the palette and follows it from queued to ready', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:e2e-success');
    await wb().row('grok:e2e-success').waitFor();
    const seen = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !seen.has('pass')) {
      seen.add(await wb().iconOf('grok:e2e-success'));
      await wb().page.waitForTimeout(150);
    }
    assert.ok(seen.has('pass'), `icons seen: ${[...seen].join(', ')}`);
    assert.ok(seen.has('sync') || seen.has('clock'), `a queued or running icon came first: ${[...seen].join(', ')}`);
    assert.match(await wb().descriptionOf('grok:e2e-success'), /^Ready · grok-3 · updated/);
    await wb().waitForNotification(/Video ready: grok:e2e-success/);
  });

  it('opens the preview, plays the video and shows the enhanced prompt without its fence', async () => {
    await wb().openPreviewFromRow('grok:e2e-success');
    const webview = wb().webview();
    await webview.locator('#enhancedPrompt').waitFor();
    assert.equal(await webview.locator('#enhancedPrompt').textContent(), UNFENCED_PROMPT);
    assert.equal(await webview.locator('#status').textContent(), 'Ready');
    const video = webview.locator('#video');
    const state = await wb().videoState();
    assert.ok(state.readyState >= 2, `the video has data to play: ${JSON.stringify(state)}`);
    assert.deepEqual([state.width, state.height], [320, 180]);
    assert.equal(await webview.locator('#videoInfo').textContent(), '320×180 · 0:03');
    await wb().screenshot('preview-playing');

    // The status codicon is drawn from the page's sprite: pointing its <use> nowhere changes what is painted.
    const icon = webview.locator('#statusIcon');
    const shape = icon.locator('use');
    assert.equal(await shape.getAttribute('href'), '#codicon-pass');
    const painted = await icon.screenshot();
    await shape.evaluate((element: { setAttribute(name: string, value: string): void }) => element.setAttribute('href', '#nothing'));
    assert.notDeepEqual(await icon.screenshot(), painted, 'the pass icon was drawn from its symbol');
    await shape.evaluate((element: { setAttribute(name: string, value: string): void }) => element.setAttribute('href', '#codicon-pass'));
    assert.equal(await webview.locator('#openExternal use[href="#codicon-link-external"]').count(), 1);

    // Keyboard and player controls: Space plays and pauses, Loop and Speed reach the video.
    const paused = (): Promise<boolean> => video.evaluate((element: VideoElement) => element.paused);
    await webview.locator('#enhancedPrompt').click();
    await wb().page.keyboard.press(' ');
    assert.equal(await paused(), false, 'Space plays');
    await wb().page.keyboard.press(' ');
    assert.equal(await paused(), true, 'Space pauses');
    await webview.locator('#loop').click();
    assert.equal(await webview.locator('#loop').getAttribute('aria-pressed'), 'true');
    assert.equal(await video.evaluate((element: VideoElement) => element.loop), true);
    await webview.locator('#speed').selectOption('2');
    assert.equal(await video.evaluate((element: VideoElement) => element.playbackRate), 2);
  });

  it('shows a failed task with its reason', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'veo:e2e-failure');
    await wb().waitForIcon('veo:e2e-failure', 'error');
    assert.match(await wb().descriptionOf('veo:e2e-failure'), /^Failed/);
    await wb().waitForNotification(/veo:e2e-failure failed: The prompt was rejected by the content policy/);
  });

  it('marks an id the gateway does not know, without a spinner', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'no-such-task-e2e');
    await wb().waitForIcon('no-such-task-e2e', 'error');
    assert.match(await wb().descriptionOf('no-such-task-e2e'), /^Not found/);
  });

  it('tracks many pasted ids at once', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'batch-1, batch-2 batch-3,batch-1');
    for (const id of ['batch-1', 'batch-2', 'batch-3']) {
      await wb().waitForIcon(id, 'sync');
      assert.match(await wb().descriptionOf(id), /^Running · 30%/);
    }
    // The status bar counts them with a spinner, and a click brings the tree back.
    const status = wb().statusItem();
    assert.match((await status.getAttribute('aria-label')) ?? '', /3 videos in progress/);
    assert.equal(await status.locator('.codicon-sync').count(), 1);
    await wb().runAnyCommand('View: Close Primary Side Bar');
    await wb().tasksView().waitFor({ state: 'hidden' });
    await status.click();
    await wb().tasksView().waitFor();
  });

  it('renames a task and groups the view by status and by model', async () => {
    await wb().contextMenu('batch-1', 'Rename…');
    await wb().answerInput('Rename batch-1', 'My first batch');
    await wb().row('batch-1').locator('.label-name', { hasText: 'My first batch' }).waitFor();
    assert.match(await wb().descriptionOf('batch-1'), /^batch-1 · Running/);

    await wb().runCommand('Group By…');
    await wb().chooseQuickPickRow(/^Status$/);
    const group = (label: string) => wb().tasksView().locator(`.monaco-list-row[aria-label^="Group ${label},"]`);
    await group('Running').waitFor();
    await group('Ready').waitFor();
    assert.equal(await wb().row('batch-2').getAttribute('aria-level'), '2', 'tasks sit under their group');

    await wb().runCommand('Group By…');
    await wb().chooseQuickPickRow(/^Model$/);
    await group('grok-3').waitFor();
    await group('Unknown model').waitFor();

    await wb().runCommand('Group By…');
    await wb().chooseQuickPickRow(/^None$/);
    await group('Unknown model').waitFor({ state: 'detached' });
    assert.equal(await wb().row('batch-2').getAttribute('aria-level'), '1');
  });

  it('filters the view from its title bar, says so, and clears the filter with one click', async () => {
    const sidebar = wb().page.locator('.part.sidebar');
    // The first of two: the view's own header is hidden while it is the only view in its container.
    await sidebar.locator('.action-label[aria-label="Filter Tasks…"]').first().click();
    await wb().expectValidation('Filter Tasks', 'status:done-ish', /“done-ish” is not a status/);
    await wb().expectValidation('Filter Tasks', 'status:running', /^3 of \d+ tasks match\.$/);
    await wb().quickInputBox().press('Enter');
    await wb().row('veo:e2e-failure').waitFor({ state: 'detached' });
    await wb().tasksView().getByText(/^Filtered by “status:running”: 3 of \d+ shown\.$/).waitFor();
    assert.deepEqual((await wb().taskIds()).sort(), ['batch-1', 'batch-2', 'batch-3']);

    await wb().runCommand('Filter Tasks…');
    await wb().answerInput('Filter Tasks', 'no such words anywhere');
    await wb().tasksView().getByText('No task matches “no such words anywhere”').waitFor();

    await sidebar.locator('.action-label[aria-label="Clear Filter"]').first().click();
    await wb().row('veo:e2e-failure').waitFor();
    // And the view no longer says it is filtered.
    await wb().tasksView().getByText(/^Filtered by|^No task matches/).waitFor({ state: 'detached' });
  });

  it('notifies only of failures when anyapiVideo.notifyOn says so', async () => {
    const settingsFile = path.join(session!.server.root, 'user-data', 'User', 'settings.json');
    const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    await wb().clearNotifications();
    // The extension says when a setting is out of range: that notice shows it has read the new settings.
    await wb().replaceUserSettings({ ...settings, 'anyapiVideo.notifyOn': 'failures', 'anyapiVideo.pollIntervalSeconds': 1 });
    try {
      await wb().waitForNotification(/pollIntervalSeconds is 1; using the minimum, 2/);
      gateway().setTask('grok:e2e-quiet', completingScript('grok:e2e-quiet', gateway(), 1));
      gateway().setTask('veo:e2e-loud', failingScript('veo:e2e-loud'));
      await wb().runCommand('Track Video Task');
      await wb().answerInput('Track Video Task', 'grok:e2e-quiet veo:e2e-loud');
      await wb().waitForNotification(/Video task veo:e2e-loud failed/);
      await wb().waitForIcon('grok:e2e-quiet', 'pass');
      await wb().page.waitForTimeout(2000);
      assert.equal((await wb().notifications()).filter((text) => /Video ready: grok:e2e-quiet/.test(text)).length, 0, 'no toast for a video that is ready');
    } finally {
      await wb().replaceUserSettings(settings);
    }
  });

  it('creates a video task through the guided flow and follows it to a video', async () => {
    await wb().runCommand('Create Video Task…');
    await wb().chooseQuickPickRow(/^grok-video-3$/);
    await wb().answerInput('Create Video Task (grok-video-3)', 'A paper boat drifting down a rainy street');
    await wb().chooseQuickPickRow(/^3:2$/);
    await wb().chooseQuickPickRow(/^720P$/);
    await wb().chooseQuickPickRow(/Create$/);
    await wb().waitForIcon('grok:created-1', 'pass');
    assert.deepEqual(gateway().created.at(-1), {
      model: 'grok-video-3',
      prompt: 'A paper boat drifting down a rainy street',
      aspect_ratio: '3:2',
      size: '720P',
    });
  });

  it('downloads a finished video into the workspace through the save dialog', async () => {
    await wb().contextMenu('grok:created-1', 'Download Video');
    // code-server's save dialog is a quick input holding the proposed path: accept it.
    const input = wb().quickInputBox();
    await input.waitFor();
    const proposed = /workspace\/a-paper-boat-drifting-down-a-rainy-created1\.mp4$/;
    for (let waited = 0; !proposed.test(await input.inputValue()); waited += 100) {
      assert.ok(waited < 10_000, `the dialog proposes the workspace and a name from the prompt (it shows ${await input.inputValue()})`);
      await wb().page.waitForTimeout(100);
    }
    await input.press('Enter');
    const file = path.join(session!.server.root, 'workspace', 'a-paper-boat-drifting-down-a-rainy-created1.mp4');
    const deadline = Date.now() + 15_000;
    while (!fs.existsSync(file)) {
      assert.ok(Date.now() < deadline, 'the video was saved within 15 s');
      await wb().page.waitForTimeout(200);
    }
    await wb().waitForNotification(/Saved a-paper-boat/);
    const sample = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fakeGateway', 'assets', 'sample.mp4'));
    assert.deepEqual(fs.readFileSync(file), sample);
  });

  it('keeps the request when the gateway refuses to create: Copy Prompt copies it, Retry sends it again', async () => {
    const prompt = 'A lighthouse keeper painting the storm';
    const create = async (): Promise<Locator> => {
      gateway().failCreate({ status: 400, body: { error: { message: 'prompt rejected', type: 'invalid_request_error' } } }, 1);
      await wb().runCommand('Create Video Task…');
      await wb().chooseQuickPickRow(/^grok-video-3$/);
      await wb().answerInput('Create Video Task (grok-video-3)', prompt);
      await wb().chooseQuickPickRow(/^2:3$/);
      await wb().chooseQuickPickRow(/^720P$/);
      await wb().chooseQuickPickRow(/Create$/);
      return wb().waitForNotification(/Could not create the video: .*prompt rejected/);
    };
    const [accepted, tracked] = [gateway().created.length, await wb().taskIds()];
    await wb().clearNotifications();
    await (await create()).getByRole('button', { name: 'Copy Prompt' }).click();
    assert.equal(await wb().waitForClipboard(new RegExp(`^${prompt}$`)), prompt);
    assert.equal(gateway().created.length, accepted, 'the refused request created nothing');
    assert.deepEqual(await wb().taskIds(), tracked, 'and nothing new is tracked');

    await wb().clearNotifications();
    await (await create()).getByRole('button', { name: 'Retry' }).click();
    await wb().waitForIcon('grok:created-2', 'pass');
    assert.deepEqual(gateway().created.at(-1), { model: 'grok-video-3', prompt, aspect_ratio: '2:3', size: '720P' });
  });

  it('generates a finished task again, each question answered as before, and links the two both ways', async () => {
    await wb().contextMenu('grok:created-1', 'Generate Again…');
    await wb().chooseQuickPickRow(/^grok-video-3$/);
    const prompt = wb().quickInputBox();
    await wb().page.locator('.quick-input-title', { hasText: 'Generate Again (grok-video-3)' }).waitFor();
    assert.equal(await prompt.inputValue(), 'A paper boat drifting down a rainy street', 'the prompt is there to edit');
    await wb().answerInput('Generate Again (grok-video-3)', 'A paper boat drifting down a snowy street');
    const ratio = wb().page.locator('.quick-input-widget .monaco-list-row').first();
    await ratio.locator('.label-name', { hasText: /^3:2$/ }).waitFor();
    assert.match(await ratio.innerText(), /as before/, 'the ratio used last time comes first');
    await wb().chooseQuickPickRow(/^3:2$/);
    await wb().chooseQuickPickRow(/^720P$/);
    await wb().chooseQuickPickRow(/Create$/);
    await wb().waitForIcon('grok:created-3', 'pass');
    assert.deepEqual(gateway().created.at(-1), { model: 'grok-video-3', prompt: 'A paper boat drifting down a snowy street', aspect_ratio: '3:2', size: '720P' });

    // The new task names its source; following it, the source lists the new task.
    await wb().openPreviewFromRow('grok:created-3');
    const source = wb().webview().locator('#sourceLine button', { hasText: 'grok:created-1' });
    await source.click();
    await wb().webview().locator('#generated button', { hasText: 'grok:created-3' }).waitFor();
    // And the source's preview offers to generate it again too.
    await wb().webview().getByRole('button', { name: 'Generate Again' }).click();
    await wb().page.locator('.quick-input-title', { hasText: 'Generate Again' }).waitFor();
    await wb().closeQuickInput();
  });

  it('keeps a copy before the link expires and plays it; an expired link says so and offers to ask again', async () => {
    const seconds = (ms: number): number => Math.floor(ms / 1000);
    const expiring = (id: string, file: string, expiresAt: number): object => ({ ...richCompleted(id, mediaHost!), video_url: mediaHost!.mediaUrl(file), expires_at: seconds(expiresAt) });
    gateway().setTask('grok:e2e-keep', [expiring('grok:e2e-keep', 'sample.mp4', Date.now() + 3 * 3_600_000)]);
    // Expired, and deleted from the host as the gateway said it would be: the host answers 404.
    gateway().setTask('grok:e2e-gone', [expiring('grok:e2e-gone', 'deleted.mp4', Date.now() - 60_000)]);
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:e2e-keep grok:e2e-gone');
    await wb().waitForIcon('grok:e2e-keep', 'pass');
    assert.match(await wb().descriptionOf('grok:e2e-keep'), /link expires in 3 h/);

    await wb().openPreviewFromRow('grok:e2e-keep');
    await wb().webview().getByRole('button', { name: 'Keep a Copy' }).click();
    await wb().webview().locator('#details dd', { hasText: /^\d+\.\d MB$/ }).waitFor();
    await wb().webview().getByRole('button', { name: 'Keep a Copy' }).waitFor({ state: 'hidden' });
    const kept = await wb().webview().locator('#video').getAttribute('src');
    assert.ok(kept !== null && !kept.startsWith(mediaHost!.url), `the preview plays the kept copy, not the link (${kept})`);
    assert.equal((await wb().videoState()).error, '');
    // A kept video no longer depends on the link: the row stops counting down.
    await wb().row('grok:e2e-keep').locator('.label-description', { hasText: /link expires/ }).waitFor({ state: 'detached' });

    assert.match(await wb().descriptionOf('grok:e2e-gone'), /link expired/);
    await wb().openPreviewFromRow('grok:e2e-gone');
    // Not a black box: the player fails on the deleted file, and the page says so.
    await wb().webview().locator('#linkNote', { hasText: /did not load: its link may have expired.*Refresh asks the gateway again/ }).waitFor();
    assert.ok(await wb().webview().getByRole('button', { name: 'Keep a Copy' }).isHidden(), 'nothing left to keep');
    const asked = gateway().queriesFor('grok:e2e-gone').length;
    await wb().webview().getByRole('button', { name: 'Refresh' }).click();
    for (const deadline = Date.now() + 10_000; gateway().queriesFor('grok:e2e-gone').length === asked; await wb().page.waitForTimeout(100)) {
      assert.ok(Date.now() < deadline, 'Refresh asks the gateway again');
    }
  });

  it('warns once before a link stops working, and keeps a copy from the warning', async () => {
    await wb().clearNotifications();
    const expiresAt = Math.floor((Date.now() + 20 * 60_000) / 1000);
    gateway().setTask('grok:e2e-soon', [{ ...richCompleted('grok:e2e-soon', mediaHost!), video_url: mediaHost!.mediaUrl('sample.mp4'), expires_at: expiresAt }]);
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:e2e-soon');
    const toast = await wb().waitForNotification(/The video link of grok:e2e-soon stops working in (19|20) min, and no copy of it is kept/);
    await wb().page.waitForTimeout(2000);
    assert.equal((await wb().notifications()).filter((text) => /stops working/.test(text)).length, 1, 'one notification');
    await toast.getByRole('button', { name: 'Keep a Copy' }).click();
    await wb().row('grok:e2e-soon').locator('.label-description', { hasText: /link expires/ }).waitFor({ state: 'detached' });
    await wb().page.waitForTimeout(2000);
    assert.equal((await wb().notifications()).filter((text) => /stops working/.test(text)).length, 0, 'not again once a copy is kept');
  });

  it('pauses on a rejected key with one notification, and recovers when the right key is set', async () => {
    await wb().clearNotifications();
    await wb().runCommand('Set API Key');
    await wb().answerInput('Set API Key', wrongKey);
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:e2e-key');
    const toast = await wb().waitForNotification(/rejected the API key/);
    await wb().tasksView().getByText('The gateway rejected the API key').waitFor();
    await wb().page.waitForTimeout(5000);
    assert.equal((await wb().notifications()).filter((text) => /rejected the API key/.test(text)).length, 1, 'one notification, not one per task');
    await toast.getByRole('button', { name: 'Set API Key' }).click();
    await wb().answerInput('Set API Key', gateway().apiKey!);
    await wb().waitForIcon('grok:e2e-key', 'pass');
    assert.equal(await wb().tasksView().getByText('The gateway rejected the API key').count(), 0);
  });

  it('stops tracking a task from its context menu', async () => {
    await wb().contextMenu('batch-3', 'Stop Tracking');
    await wb().row('batch-3').waitFor({ state: 'detached' });
    assert.ok(!(await wb().taskIds()).includes('batch-3'));
  });

  it('shares a task as a link that, opened in VS Code, tracks it again', async () => {
    await wb().contextMenu('batch-2', 'Copy Link to Task');
    const link = await wb().waitForClipboard(/\/track/);
    assert.match(link, /^[\w-]+:\/\/anyapi\.anyapi-video-tasks\/track\?id=batch-2$/);
    await wb().contextMenu('batch-2', 'Stop Tracking');
    await wb().row('batch-2').waitFor({ state: 'detached' });

    // VS Code's own URL service routes the link, and asks before letting the extension handle it.
    const open = async (url: string): Promise<void> => {
      await wb().runAnyCommand('Developer: Open URL');
      await wb().answerPrompt(url);
      const dialog = wb().page.locator('.monaco-dialog-box', { hasText: 'AnyAPI Video Tasks' });
      await dialog.getByRole('button', { name: 'Open' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await open(link);
    await wb().row('batch-2').waitFor();
    await wb().waitForIcon('batch-2', 'sync');
    await open(link.replace('/track?id=batch-2', '/track'));
    await wb().waitForNotification(/The link names no task/);
    // A link is someone else's text: a bad id is refused without repeating it (notifications render links).
    await open(link.replace('batch-2', encodeURIComponent('[run](command:workbench.action.terminal.new)')));
    const refusal = await wb().waitForNotification(/not a task id, so nothing was tracked/);
    assert.equal(await refusal.locator('.notification-list-item-message a').count(), 0);
  });

  it('keeps every task and its state across a window reload', async () => {
    const before = await snapshotTree();
    const reloaded = wb().page.waitForEvent('load');
    await wb().runAnyCommand('Developer: Reload Window');
    await reloaded;
    await wb().waitReady();
    await wb().openSidebar();
    await wb().row(before[0].id).waitFor();
    await wb().page.waitForTimeout(4000);
    assert.deepEqual(await snapshotTree(), before);
    // The preview that was open comes back with its task.
    assert.equal(await wb().webview().locator('#status').textContent(), 'Ready');
  });

  it('removes finished tasks after confirmation and keeps unfinished ones', async () => {
    await wb().runCommand('Remove Finished Tasks');
    const dialog = wb().page.locator('.monaco-dialog-box');
    await dialog.getByText(/Remove \d+ finished tasks\?/).waitFor();
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await wb().row('grok:e2e-success').waitFor({ state: 'detached' });
    const remaining = await wb().taskIds();
    assert.deepEqual(remaining.sort(), ['batch-1', 'batch-2', 'no-such-task-e2e'].sort());
  });

  it('sends no key to the host of the video, and leaves the key nowhere but in secret storage', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:e2e-media');
    await wb().waitForIcon('grok:e2e-media', 'pass');
    await wb().openPreviewFromRow('grok:e2e-media');
    await wb().webview().locator('#video').evaluate((video: VideoElement) =>
      new Promise<void>((resolve) => (video.readyState >= 2 ? resolve() : video.addEventListener('loadeddata', () => resolve(), { once: true }))),
    );
    assert.ok(mediaHost!.fileRequests.length > 0, 'the video came from the other host');
    assert.equal(mediaHost!.requests.length, 0, 'no API query went to the video host');
    for (const request of mediaHost!.fileRequests) {
      assert.equal(request.headers.authorization, undefined, 'no Authorization header to the video host');
      assert.ok(!JSON.stringify(request).includes(apiKey));
    }

    // Everything the extension could have written or shown: settings, state, logs, output, the workbench and the preview.
    const leaks: string[] = [];
    for (const file of filesUnder(session!.server.root)) {
      let text: string;
      try {
        text = fs.readFileSync(file).toString('latin1');
      } catch (error) {
        // A temporary file renamed into place since the listing: its text is read under its final name.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          continue;
        }
        throw error;
      }
      for (const key of [apiKey, wrongKey]) {
        if (text.includes(key)) {
          leaks.push(`${path.relative(session!.server.root, file)} contains ${key === apiKey ? 'the key' : 'the wrong key'}`);
        }
      }
    }
    const shown = [await wb().page.content(), await wb().webview().locator('html').evaluate((html: { outerHTML: string }) => html.outerHTML)];
    for (const text of shown) {
      if (text.includes(apiKey) || text.includes(wrongKey)) {
        leaks.push('the workbench or the preview shows a key');
      }
    }
    assert.deepEqual(leaks, []);
  });

  /** Each row's id, icon and status word (the description minus the relative time). */
  async function snapshotTree(): Promise<{ id: string; icon: string; status: string }[]> {
    const rows = [];
    for (const id of await wb().taskIds()) {
      rows.push({ id, icon: await wb().iconOf(id), status: (await wb().descriptionOf(id)).split(' · ')[0] });
    }
    return rows;
  }
});
