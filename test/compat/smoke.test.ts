import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CODE_SERVER_RELEASES, chosenRelease } from '../e2e/harness/installCodeServer';
import { REPO_ROOT } from '../e2e/harness/paths';
import { recordScenarios, Session } from '../e2e/harness/session';
import { completingScript, UNFENCED_PROMPT } from '../fakeGateway/scenarios';

/**
 * The product's path from first start to a played video, in the code-server
 * release `ANYAPI_E2E_CODE_SERVER` names (`npm run test:compat` runs it in
 * the oldest VS Code `engines.vscode` allows and the newest verified). Each
 * step needs the one before it.
 */
describe(`Compatibility smoke test: code-server ${chosenRelease().version}`, function () {
  this.timeout(180_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;
  const taskId = 'grok:compat-smoke';

  before(async () => {
    session = await Session.start({ name: `compat-${chosenRelease().version}` });
    session.gateway.apiKey = `sk-compat-${randomBytes(12).toString('hex')}`;
    session.gateway.setTask(taskId, completingScript(taskId, session.gateway, 2));
  });
  recordScenarios(() => session);

  it('runs in the VS Code this release carries', async () => {
    const { version, vscodeVersion } = session!.server.release;
    await wb().runAnyCommand('Help: About');
    const about = wb().page.locator('.monaco-dialog-box');
    await about.waitFor();
    const text = await about.innerText();
    assert.match(text, new RegExp(`^code-server: v${version.replaceAll('.', '\\.')}$`, 'm'));
    assert.match(text, new RegExp(`^Code: ${vscodeVersion.replaceAll('.', '\\.')}$`, 'm'));
    await wb().page.keyboard.press('Escape');
    await about.waitFor({ state: 'hidden' });
    if (chosenRelease() === CODE_SERVER_RELEASES.floor) {
      // The floor is the oldest VS Code package.json lets install the extension, or it tests nothing.
      const engines = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } }).engines.vscode;
      assert.equal(vscodeVersion.split('.').slice(0, 2).join('.'), /^\^(\d+\.\d+)\.\d+$/.exec(engines)?.[1], `engines.vscode is ${engines}`);
    }
  });

  it('asks for the key, then takes it from a password box', async () => {
    await wb().openSidebar();
    await wb().tasksView().getByText('Set your AnyAPI key').waitFor();
    await wb().runCommand('Set API Key');
    await wb().page.locator('.quick-input-widget .quick-input-title', { hasText: 'Set API Key' }).waitFor();
    assert.equal(await wb().quickInputBox().getAttribute('type'), 'password');
    await wb().answerInput('Set API Key', session!.gateway.apiKey!);
  });

  it('tracks a task and follows it to ready', async () => {
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', taskId);
    await wb().waitForIcon(taskId, 'pass');
    assert.match(await wb().descriptionOf(taskId), /^Ready · grok-3 · updated/);
  });

  it('plays the video in the preview, with the enhanced prompt', async () => {
    await wb().openPreviewFromRow(taskId);
    const webview = wb().webview();
    await webview.locator('#enhancedPrompt').waitFor();
    assert.equal(await webview.locator('#enhancedPrompt').textContent(), UNFENCED_PROMPT);
    const state = await wb().videoState();
    assert.ok(state.readyState >= 2, `the video has data to play: ${JSON.stringify(state)}`);
    assert.deepEqual([state.width, state.height], [320, 180]);
  });

  it('keeps the task, its state and its preview across a window reload', async () => {
    const description = await wb().descriptionOf(taskId);
    const reloaded = wb().page.waitForEvent('domcontentloaded');
    await wb().runAnyCommand('Developer: Reload Window');
    await reloaded;
    await wb().waitReady();
    await wb().openSidebar();
    await wb().row(taskId).waitFor();
    assert.equal(await wb().iconOf(taskId), 'pass');
    assert.equal((await wb().descriptionOf(taskId)).split(' · updated')[0], description.split(' · updated')[0]);
    await wb().webview().locator('#status').waitFor();
    assert.equal(await wb().webview().locator('#status').textContent(), 'Ready');
  });
});
