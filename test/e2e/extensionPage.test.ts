import * as assert from 'node:assert/strict';
import { recordScenarios, Session } from './harness/session';

/** The extension's own page in the Extensions view, as someone who just installed it sees it. */
describe('End to end: the extension’s page in the Extensions view', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;

  before(async () => {
    session = await Session.start({ name: 'extension-page' });
  });
  recordScenarios(() => session);

  it('shows the icon and the README, with no broken image', async () => {
    await wb().runAnyCommand('View: Show Extensions');
    const search = wb().page.locator('.extensions-viewlet .suggest-input-container');
    await search.click();
    await wb().page.keyboard.type('@installed AnyAPI');
    const row = wb().page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'AnyAPI Video Tasks' }).first();
    await row.click();
    const editor = wb().page.locator('.extension-editor');
    await editor.locator('.name', { hasText: 'AnyAPI Video Tasks' }).first().waitFor();
    const icon = editor.locator('.header img.icon');
    await icon.waitFor();
    for (const deadline = Date.now() + 10_000; !(await icon.evaluate((image: { complete: boolean; naturalWidth: number }) => image.complete && image.naturalWidth > 0)); await wb().page.waitForTimeout(100)) {
      assert.ok(Date.now() < deadline, 'the icon loaded');
    }
    assert.equal(await icon.evaluate((image: { naturalWidth: number }) => image.naturalWidth), 128);
    const readme = wb().webview();
    await readme.locator('h1', { hasText: 'AnyAPI Video Tasks' }).waitFor();
    await readme.locator('h2', { hasText: 'Features' }).waitFor();
    const images = await readme.locator('img').evaluateAll((nodes) => nodes.map((node) => ({ src: node.getAttribute('src'), loaded: (node as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0 })));
    assert.deepEqual(images.filter((image) => !image.loaded), [], 'every image in the README loaded');
    await wb().screenshot('extension-page');
  });
});
