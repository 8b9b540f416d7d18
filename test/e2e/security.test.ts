import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { completingScript } from '../fakeGateway/scenarios';
import { recordScenarios, Session } from './harness/session';

/** A failure reason or error text that VS Code would render as a live link to quit the window. */
const COMMAND_LINK = '[Renew your plan](command:workbench.action.quit)';

/**
 * The threats of docs/SECURITY.md that only a real workbench can show: a
 * cloned repository's settings, gateway text in notifications, an error page
 * built to freeze the extension host, and a link naming 500 tasks.
 */
describe('End to end: hostile workspaces, gateways and links in a real workbench', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  let attacker: FakeGateway | undefined;
  // Where the cloned repository asks for finished videos to be saved: somewhere of its choosing, outside it.
  const stolen = path.join(os.tmpdir(), `anyapi-e2e-stolen-${process.pid}-${Date.now()}`);
  const wb = () => session!.workbench;
  const gateway = () => session!.gateway;

  before(async () => {
    // The opened folder is a cloned repository that points the extension at someone else's server.
    attacker = await FakeGateway.start();
    attacker.apiKey = undefined;
    session = await Session.start({ name: 'security', workspaceSettings: { 'anyapiVideo.baseUrl': attacker.url, 'anyapiVideo.autoDownloadFolder': stolen } });
    gateway().setTask('grok:sec-own', completingScript('grok:sec-own', gateway(), 1));
    gateway().setTask('veo:sec-failed', [
      { id: 'veo:sec-failed', status: 'pending' },
      { id: 'veo:sec-failed', status: 'failed', error: COMMAND_LINK },
    ]);
  });
  recordScenarios(() => session);
  after(async () => {
    await attacker?.close();
  });

  it('sends the key only to the user’s own gateway, whatever the workspace settings say', async () => {
    await wb().openSidebar();
    await wb().runCommand('Set API Key');
    const title = wb().page.locator('.quick-input-widget .quick-input-title');
    await title.filter({ hasText: 'Set API Key' }).waitFor();
    assert.equal(await title.textContent(), `Set API Key for ${gateway().url}`, 'the box names the origin the key goes to');
    await wb().answerInput('Set API Key', gateway().apiKey!);
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:sec-own');
    await wb().waitForIcon('grok:sec-own', 'pass');
    assert.ok(gateway().queriesFor('grok:sec-own').every((request) => request.headers.authorization === `Bearer ${gateway().apiKey}`));
    assert.deepEqual([...attacker!.requests, ...attacker!.fileRequests], [], 'the workspace’s server received nothing at all');
    // The workspace also asked for finished videos to be saved where it likes; that setting is the user's alone.
    // Saving the small sample takes well under the two seconds waited here when the setting is in effect.
    await wb().page.waitForTimeout(2000);
    assert.equal(fs.existsSync(stolen), false, 'nothing was saved where the workspace asked');
  });

  it('shows a failure reason that carries a command link as plain text', async () => {
    await wb().clearNotifications();
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'veo:sec-failed');
    const toast = await wb().waitForNotification(/Video task veo:sec-failed failed/);
    const message = toast.locator('.notification-list-item-message');
    assert.match((await message.textContent()) ?? '', /Renew your plan/);
    assert.equal(await message.locator('a').count(), 0, 'no link in the notification');
  });

  it('shows a 401 body that carries a command link as plain text', async () => {
    await wb().clearNotifications();
    gateway().setTask('grok:sec-401', [{ id: 'grok:sec-401', status: 'processing' }]);
    gateway().failQuery('grok:sec-401', { status: 401, body: { error: { message: COMMAND_LINK, type: 'new_api_error', code: '' } } });
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:sec-401');
    const toast = await wb().waitForNotification(/rejected the API key/);
    const message = toast.locator('.notification-list-item-message');
    assert.match((await message.textContent()) ?? '', /Renew your plan/);
    assert.equal(await message.locator('a').count(), 0, 'no link in the notification');
    gateway().clearFaults();
    await wb().contextMenu('grok:sec-401', 'Refresh');
    await wb().waitForIcon('grok:sec-401', 'sync');
  });

  it('keeps checking other tasks on time while one answers with a 1 MiB page built to freeze a regex', async () => {
    const page = `<html>${'<title'.repeat(Math.floor((1024 * 1024 - 64) / 6))}`;
    gateway().setTask('grok:sec-page', [{ id: 'grok:sec-page', status: 'processing' }]);
    gateway().failQuery('grok:sec-page', { status: 502, headers: { 'content-type': 'text/html' }, body: page });
    gateway().setTask('grok:sec-other', completingScript('grok:sec-other', gateway(), 1));
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:sec-page grok:sec-other');
    const started = Date.now();
    // Three checks two seconds apart; a frozen extension host would not get there for minutes.
    await wb().waitForIcon('grok:sec-other', 'pass', 20_000);
    assert.ok(Date.now() - started < 20_000);
    assert.ok(gateway().queriesFor('grok:sec-page').length >= 1, 'the hostile page was served');
    assert.match(await wb().descriptionOf('grok:sec-page'), /Could not check|Running/);
    gateway().clearFaults();
  });

  it('asks before tracking the 500 tasks a link names, and tracks nothing when told no', async () => {
    const ids = Array.from({ length: 500 }, (_, n) => `link-${n}`);
    const before = await wb().taskIds();
    await wb().runAnyCommand('Developer: Open URL');
    // code-server's product scheme; Copy Link to Task writes the same (see scenarios.test.ts).
    await wb().answerPrompt(`code-oss://anyapi.anyapi-video-tasks/track?${ids.map((id) => `id=${id}`).join('&')}`);
    const allow = wb().page.locator('.monaco-dialog-box', { hasText: 'AnyAPI Video Tasks' });
    await allow.getByRole('button', { name: 'Open' }).click();
    await allow.waitFor({ state: 'detached' });
    const question = wb().page.locator('.monaco-dialog-box', { hasText: 'Track 500 tasks?' });
    await question.waitFor();
    const listed = (await question.textContent()) ?? '';
    assert.match(listed, /link-0[\s\S]*link-19[\s\S]*and 480 more/, 'the question lists the ids');
    await question.getByRole('button', { name: 'Cancel' }).click();
    await question.waitFor({ state: 'detached' });
    await wb().page.waitForTimeout(1000);
    assert.deepEqual(await wb().taskIds(), before, 'nothing was tracked');
    assert.equal(gateway().queriesFor('link-0').length, 0);
  });
});
