import * as assert from 'node:assert/strict';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { richCompleted } from '../fakeGateway/scenarios';
import { recordScenarios, Session } from './harness/session';

/** The themes every page is audited in, by their names in VS Code's theme picker. */
const THEMES = ['Light Modern', 'Dark Modern', 'Dark High Contrast', 'Light High Contrast'];

/**
 * Every webview — the preview, the gallery and Compare — walked with Tab
 * (every control reached, the focus always drawn) and audited with axe-core
 * in light, dark and high-contrast themes: no serious or critical violation.
 */
describe('End to end: accessibility of the pages', function () {
  this.timeout(300_000);
  let session: Session | undefined;
  let media: FakeGateway | undefined;
  const wb = () => session!.workbench;

  before(async () => {
    media = await FakeGateway.start();
    session = await Session.start({ name: 'accessibility' });
    for (const id of ['grok:a11y-1', 'grok:a11y-2']) {
      session.gateway.setTask(id, [{ ...richCompleted(id, media), video_url: media.mediaUrl('sample.mp4'), prompt: `a paper boat ${id}` }]);
    }
    session.gateway.setTask('veo:a11y-failed', [{ id: 'veo:a11y-failed', status: 'failed', fail_reason: 'content policy' }]);
    await wb().openSidebar();
    // The extension has started: a view it fills while the palette is open takes the focus and closes it.
    await wb().tasksView().getByText('Set your AnyAPI key').waitFor();
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', 'grok:a11y-1 grok:a11y-2 veo:a11y-failed');
    await wb().page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await wb().runCommand('Set API Key');
    await wb().answerInput('Set API Key', session.gateway.apiKey!);
    await wb().waitForIcon('grok:a11y-2', 'pass');
    await wb().waitForIcon('veo:a11y-failed', 'error');
  });
  recordScenarios(() => session);
  after(async () => {
    await media?.close();
  });

  /**
   * Opens every page in turn — the preview of a ready and of a failed task,
   * the gallery, Compare of the two finished tasks — and hands each to `visit`.
   */
  const visitPages = async (visit: (page: string) => Promise<void>): Promise<void> => {
    await wb().openPreviewFromRow('grok:a11y-1');
    await wb().webview().locator('#status').filter({ hasText: 'Ready' }).waitFor();
    await visit('preview (ready)');
    await wb().openPreviewFromRow('veo:a11y-failed');
    await visit('preview (failed)');
    await wb().runCommand('Open Gallery');
    await wb().webview().locator('.card').first().waitFor();
    await visit('gallery');
    // The gallery keeps its selection from an earlier visit.
    for (const id of ['grok:a11y-1', 'grok:a11y-2']) {
      const card = wb().webview().locator(`.card[data-id="${id}"]`);
      if ((await card.getAttribute('aria-selected')) !== 'true') {
        await card.click({ modifiers: ['Control'] });
      }
    }
    await wb().webview().getByRole('button', { name: 'Compare (2/2)' }).click();
    await wb().webview().locator('#name1').filter({ hasText: /\S/ }).waitFor();
    await visit('compare');
  };

  it('reaches every control of the preview, the gallery and Compare with Tab, and shows where the focus is', async () => {
    await wb().setColorTheme('Dark Modern');
    const problems: string[] = [];
    const walk = async (page: string): Promise<void> => {
      const { stops, controls } = await wb().tabThroughWebview();
      for (const stop of stops.filter((stop) => !stop.drawn)) {
        problems.push(`${page}: ${stop.control} has the focus but does not show it`);
      }
      for (const control of controls.filter((control) => !stops.some((stop) => stop.control === control))) {
        problems.push(`${page}: Tab never reaches ${control}`);
      }
    };
    await visitPages(walk);
    assert.deepEqual(problems, []);
  });

  for (const theme of THEMES) {
    it(`finds no serious or critical violation in the preview, the gallery and Compare (${theme})`, async () => {
      await wb().setColorTheme(theme);
      const found: string[] = [];
      const audit = async (page: string): Promise<void> => {
        await wb().page.waitForTimeout(500); // The theme's colours reach the page.
        for (const violation of await wb().auditWebview()) {
          found.push(`${page}: ${violation.impact} ${violation.id} (${violation.help}) at ${violation.targets.join(', ')}`);
        }
        if ((await wb().webview().locator('main').count()) !== 1) {
          found.push(`${page}: no main landmark`);
        }
      };
      await visitPages(audit);
      await wb().screenshot(`compare-${theme}`);
      assert.deepEqual(found, []);
    });
  }
});
