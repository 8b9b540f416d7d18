import * as assert from 'node:assert/strict';
import { completingScript } from '../fakeGateway/scenarios';
import { recordScenarios, Session } from './harness/session';

/** "Get started with AnyAPI Video", as someone who just installed the extension meets it. */
describe('End to end: the walkthrough', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;
  const page = () => wb().page;
  const title = () => page().locator('.part.editor .category-title', { hasText: 'Get started with AnyAPI Video' });
  const step = (id: string) => page().locator(`.part.editor .getting-started-step[data-step-id$="#${id}"]`);
  const done = (id: string) => page().locator(`.part.editor .getting-started-step[data-step-id$="#${id}"][aria-checked="true"]`);

  before(async () => {
    session = await Session.start({ name: 'walkthrough' });
    session.gateway.setTask('grok:walk-1', completingScript('grok:walk-1', session.gateway, 1));
  });
  recordScenarios(() => session);

  it('opens from the empty view’s welcome text, and each step is checked when the user does it', async () => {
    await wb().openSidebar();
    await wb().tasksView().getByText('Get Started', { exact: true }).click();
    await title().waitFor();
    for (const id of ['setKey', 'trackTask', 'openPreview', 'settings']) {
      assert.equal(await done(id).count(), 0, `${id} is not done yet`);
    }
    await wb().screenshot('walkthrough');

    await step('setKey').click();
    await step('setKey').getByRole('button', { name: 'Set API Key' }).click();
    await wb().answerInput('Set API Key', session!.gateway.apiKey!);
    await done('setKey').waitFor();

    await step('trackTask').click();
    await step('trackTask').getByRole('button', { name: 'Track Video Task' }).click();
    await wb().answerInput('Track Video Task', 'grok:walk-1');
    await done('trackTask').waitFor();

    await wb().waitForIcon('grok:walk-1', 'pass');
    await wb().openPreviewFromRow('grok:walk-1');
    await wb().runCommand('Open Settings');
    await page().locator('.settings-editor').waitFor();
    await wb().runCommand('Get Started');
    await done('openPreview').waitFor();
    await done('settings').waitFor();
  });
});
