import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { completingScript, failingScript } from '../fakeGateway/scenarios';
import { activateExtension, answeringWithEnter, answeringWithEscape, configure, waitFor } from './helpers';

describe('AnyAPI Video in VS Code', () => {
  let gateway: FakeGateway;
  let api: ExtensionApi;

  before(async () => {
    gateway = await FakeGateway.start();
    await configure(gateway.url);
    api = await activateExtension();
    await setKey(gateway.apiKey!);
  });

  /** What Set API Key does once the user has typed the key into the box that names the gateway. */
  const setKey = (key: string): Promise<void> => api.apiKeys.set(key, new URL(api.apiKeys.baseUrl()).origin);

  after(async () => {
    await vscode.commands.executeCommand('anyapiVideo.untrackTask', api.store.all().map((task) => task.id));
    await gateway.close();
  });

  it('registers every command package.json contributes', async () => {
    const manifest = vscode.extensions.getExtension('anyapi.anyapi-video-tasks')?.packageJSON as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((entry) => entry.command);
    assert.ok(contributed.length >= 18, contributed.join());
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((command) => !registered.has(command)), []);
  });

  it('tracks a task, follows it to success and previews it', async () => {
    const id = 'grok:integration-success';
    gateway.setTask(id, completingScript(id, gateway, 1));
    await vscode.commands.executeCommand('anyapiVideo.trackTask', id);
    assert.ok(api.store.get(id), 'the task is tracked at once');
    await waitFor('the task to succeed', () => api.store.get(id)?.snapshot?.status === 'succeeded');
    assert.equal(api.store.get(id)?.snapshot?.videoUrl, gateway.mediaUrl('sample.mp4'));
    await vscode.commands.executeCommand('anyapiVideo.openPreview', id);
    assert.ok((await api.features.get()).previews.isOpen(id));
    await vscode.commands.executeCommand('anyapiVideo.copyVideoUrl', id);
    assert.equal(await vscode.env.clipboard.readText(), gateway.mediaUrl('sample.mp4'));
  });

  it('shows a failed task with its reason', async () => {
    const id = 'veo:integration-failure';
    gateway.setTask(id, failingScript(id));
    await vscode.commands.executeCommand('anyapiVideo.trackTask', id);
    await waitFor('the task to fail', () => api.store.get(id)?.snapshot?.status === 'failed');
    assert.match(api.store.get(id)?.snapshot?.error ?? '', /content policy/);
  });

  it('marks an id the gateway does not know', async () => {
    await vscode.commands.executeCommand('anyapiVideo.trackTask', 'no-such-task');
    await waitFor('the not-found mark', () => api.store.get('no-such-task')?.problem?.kind === 'notFound');
  });

  it('tracks many pasted ids at once, without duplicates', async () => {
    const before = api.store.size;
    await vscode.commands.executeCommand('anyapiVideo.trackTask', 'm1, m2\nm3 m1');
    assert.equal(api.store.size, before + 3);
  });

  it('pauses on a rejected key and resumes when the right one is set', async () => {
    const id = 'grok:integration-key';
    gateway.setTask(id, [{ id, status: 'processing' }]);
    await setKey('wrong-key');
    await vscode.commands.executeCommand('anyapiVideo.trackTask', id);
    await waitFor('the auth pause', () => api.poller.paused?.reason === 'auth');
    await setKey(gateway.apiKey!);
    await waitFor('the task to be checked', () => api.store.get(id)?.snapshot?.status === 'running');
    assert.equal(api.poller.paused, undefined);
  });

  it('does not send the key to a new gateway origin until the user allows it', async () => {
    const other = await FakeGateway.start();
    const id = 'grok:integration-origin';
    other.setTask(id, [{ id, status: 'processing' }]);
    const config = vscode.workspace.getConfiguration('anyapiVideo');
    try {
      await config.update('baseUrl', other.url, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('anyapiVideo.trackTask', id);
      await waitFor('the origin pause', () => api.poller.paused?.reason === 'keyOrigin');
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.equal(other.requests.length, 0, 'nothing was sent to the new origin');
      // The user presses "Send Key to <origin>" in the notification.
      await api.apiKeys.allowOrigin(other.url);
      await waitFor('the task to be checked at the new origin', () => api.store.get(id)?.snapshot?.status === 'running');
    } finally {
      await config.update('baseUrl', gateway.url, vscode.ConfigurationTarget.Global);
      await api.apiKeys.allowOrigin(gateway.url);
      await other.close();
    }
  });

  it('pauses with a clear error on an invalid base URL, and resumes when it is fixed', async () => {
    const config = vscode.workspace.getConfiguration('anyapiVideo');
    const id = 'grok:integration-config';
    gateway.setTask(id, [{ id, status: 'processing' }]);
    try {
      await config.update('baseUrl', `${gateway.url}/v1?x=1`, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('anyapiVideo.trackTask', id);
      await waitFor('the settings pause', () => api.poller.paused?.reason === 'config');
      assert.match(api.poller.paused?.message ?? '', /anyapiVideo\.baseUrl.*origin only/);
    } finally {
      await config.update('baseUrl', gateway.url, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the task to be checked', () => api.store.get(id)?.snapshot?.status === 'running');
  });

  it('downloads a finished video to the file chosen in the save dialog', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-download-'));
    // The Uri only says which folder the dialog starts in; the name is the extension's own, and Enter accepts it.
    const target = vscode.Uri.file(path.join(dir, 'a-cow-with-wings-flying-over-farmland-integrat.mp4'));
    try {
      await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.downloadVideo', 'grok:integration-success', vscode.Uri.file(path.join(dir, 'cow.sh'))));
      await waitFor('the download to finish', () => fs.existsSync(target.fsPath));
      const expected = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fakeGateway', 'assets', 'sample.mp4'));
      assert.deepEqual(fs.readFileSync(target.fsPath), expected);
      assert.deepEqual(fs.readdirSync(dir), [path.basename(target.fsPath)], 'no partial file is left');
      assert.ok(gateway.fileRequests.every((request) => request.headers.authorization === undefined));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes a file passed as an argument without the save dialog (a command link could pass one)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-argument-'));
    try {
      const video = vscode.Uri.file(path.join(dir, 'planted.mp4'));
      const exported = vscode.Uri.file(path.join(dir, 'planted.json'));
      await answeringWithEscape(vscode.commands.executeCommand('anyapiVideo.downloadVideo', 'grok:integration-success', video));
      await answeringWithEscape(vscode.commands.executeCommand('anyapiVideo.exportTasks', exported, 'json'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(fs.readdirSync(dir), [], 'nothing was written once the dialogs were dismissed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('saves a video that finishes into anyapiVideo.autoDownloadFolder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-auto-'));
    const config = vscode.workspace.getConfiguration('anyapiVideo');
    const id = 'grok:integration-auto';
    gateway.setTask(id, completingScript(id, gateway, 1));
    try {
      await config.update('autoDownloadFolder', dir, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('anyapiVideo.trackTask', id);
      await waitFor('the video to be saved', () => fs.readdirSync(dir).some((name) => name.endsWith('.mp4') && !name.endsWith('.part')));
      assert.deepEqual(fs.readdirSync(dir), ['a-cow-with-wings-flying-over-farmland-integrat.mp4']);
    } finally {
      await config.update('autoDownloadFolder', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('renames a task, and takes the name away again', async () => {
    // A name passed as an argument is only offered in the box; Enter accepts it.
    await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.renameTask', 'grok:integration-success', 'Flying cow'));
    assert.equal(api.store.get('grok:integration-success')?.label, 'Flying cow');
    await answeringWithEscape(vscode.commands.executeCommand('anyapiVideo.renameTask', 'grok:integration-success', 'Renamed by a link'));
    assert.equal(api.store.get('grok:integration-success')?.label, 'Flying cow', 'nothing changes without the user');
    await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.renameTask', 'grok:integration-success', ''));
    assert.equal(api.store.get('grok:integration-success')?.label, undefined);
  });

  it('creates a video task after the confirmation, tracks it at once and follows it to a video', async () => {
    const before = gateway.created.length;
    const request = { model: 'grok-video-3', prompt: 'a cow with wings', aspect_ratio: '3:2', callback_url: 'https://evil.example/hook' };
    // Cancel comes first for a request built elsewhere: one Down, then Enter.
    await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.createTask', request), 1);
    assert.equal(gateway.created.length, before + 1);
    assert.deepEqual(gateway.created.at(-1), { model: 'grok-video-3', prompt: 'a cow with wings', aspect_ratio: '3:2' }, 'fields the API does not take are dropped');
    const id = `grok:created-${before + 1}`;
    assert.ok(api.store.get(id), 'tracked at once');
    await waitFor('the created task to finish', () => api.store.get(id)?.snapshot?.status === 'succeeded');
  });

  it('sends nothing when the confirmation is dismissed or answered with Enter alone (creating spends credits)', async () => {
    const before = gateway.created.length;
    await answeringWithEscape(vscode.commands.executeCommand('anyapiVideo.createTask', { model: 'sora-2-pro', prompt: 'an expensive video' }));
    await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.createTask', { model: 'sora-2-pro', prompt: 'an expensive video' }));
    assert.equal(gateway.created.length, before);
  });

  it('tracks nothing when the gateway refuses a create request', async () => {
    const size = api.store.size;
    const before = gateway.created.length;
    gateway.failCreate({ status: 400, body: { error: { message: 'prompt rejected', type: 'invalid_request_error' } } }, 1);
    await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.createTask', { model: 'grok-video-3', prompt: 'a refused prompt' }), 1);
    assert.equal(gateway.created.length, before);
    assert.equal(api.store.size, size);
  });

  it('tracks every task id found in the editor selection', async () => {
    const content = 'log: created grok:5b1c6a0e-1111-4222-8333-944445555666, then 0f0e0d0c-aaaa-4bbb-8ccc-ddddeeeeffff; status:pending';
    const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(document.positionAt(0), document.positionAt(content.length));
    await vscode.commands.executeCommand('anyapiVideo.trackSelection');
    assert.ok(api.store.get('grok:5b1c6a0e-1111-4222-8333-944445555666'));
    assert.ok(api.store.get('0f0e0d0c-aaaa-4bbb-8ccc-ddddeeeeffff'));
    assert.equal(api.store.get('status:pending'), undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('exports the tracked tasks as JSON and as CSV through the save dialog', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-export-'));
    try {
      await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.exportTasks', vscode.Uri.file(path.join(dir, 'x')), 'json'));
      const rows = JSON.parse(fs.readFileSync(path.join(dir, 'anyapi-video-tasks.json'), 'utf8')) as { id: string; status: string | null }[];
      assert.deepEqual(rows.map((row) => row.id).sort(), api.store.all().map((task) => task.id).sort());
      assert.equal(rows.find((row) => row.id === 'veo:integration-failure')?.status, 'failed');
      await answeringWithEnter(vscode.commands.executeCommand('anyapiVideo.exportTasks', vscode.Uri.file(path.join(dir, 'x')), 'csv'));
      const csv = fs.readFileSync(path.join(dir, 'anyapi-video-tasks.csv'), 'utf8');
      assert.match(csv, /^id,status,prompt,video_url,created_at,updated_at,completed_at,tracked_at\r\n/);
      assert.equal(csv.trimEnd().split('\r\n').length, api.store.size + 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("copies a link that names the selected tasks, in the product's own URI scheme", async () => {
    await vscode.commands.executeCommand('anyapiVideo.copyTaskLink', 'grok:integration-success', ['grok:integration-success', 'veo:integration-failure']);
    const link = await vscode.env.clipboard.readText();
    assert.equal(
      link,
      `${vscode.env.uriScheme}://anyapi.anyapi-video-tasks/track?id=grok%3Aintegration-success&id=veo%3Aintegration-failure`,
    );
  });

  it('stops tracking and closes the preview', async () => {
    const id = 'grok:integration-success';
    await vscode.commands.executeCommand('anyapiVideo.untrackTask', id);
    assert.equal(api.store.get(id), undefined);
    assert.equal((await api.features.get()).previews.isOpen(id), false);
  });
});
