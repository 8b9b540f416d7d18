import * as assert from 'node:assert/strict';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { recordScenarios, Session } from './harness/session';

const MINUTE = 60_000;
const MODELS = ['veo3', 'sora-2', 'kling-v2', 'grok-video-3'];
const SUBJECTS = ['a red fox', 'a lighthouse', 'a paper boat', 'a city tram', 'an old violinist'];
const PLACES = ['in the snow', 'at sunset', 'on a stormy sea', 'under neon rain'];

/** Task `n` of the stored 200: models, prompts and outcomes vary, the newest first. */
function storedTask(n: number, now: number, media: FakeGateway): object {
  const model = MODELS[n % MODELS.length];
  const prompt = `${SUBJECTS[n % SUBJECTS.length]} ${PLACES[Math.floor(n / SUBJECTS.length) % PLACES.length]}, shot ${n}`;
  const completedAt = now - (n + 1) * 7 * MINUTE;
  const failed = n % 10 === 9;
  return {
    id: `gallery-${String(n).padStart(3, '0')}`,
    addedAt: completedAt - 3 * MINUTE,
    snapshot: failed
      ? { rawStatus: 'failed', status: 'failed', model, prompt, error: 'content policy', createdAt: completedAt - 3 * MINUTE, completedAt }
      : {
          rawStatus: 'completed',
          status: 'succeeded',
          model,
          prompt,
          videoUrl: media.mediaUrl('sample.mp4'),
          // Half have a thumbnail; the other half show their first frame.
          ...(n % 2 === 0 ? { thumbnailUrl: media.mediaUrl('sample.jpg') } : {}),
          createdAt: completedAt - 3 * MINUTE,
          completedAt,
        },
  };
}

/** The parts of an HTMLVideoElement the test reads (the test code compiles without the DOM library). */
interface Player {
  readonly paused: boolean;
  readonly currentTime: number;
}

/** The gallery and Compare, in a real workbench, with 200 finished tasks stored by an earlier session. */
describe('End to end: the gallery and Compare', function () {
  this.timeout(180_000);
  let session: Session | undefined;
  let media: FakeGateway | undefined;
  const wb = () => session!.workbench;
  const page = () => wb().webview();

  before(async () => {
    media = await FakeGateway.start();
    const now = Date.now();
    const tasks = Array.from({ length: 200 }, (_, n) => storedTask(n, now, media!));
    session = await Session.start({ name: 'gallery', extensionStorage: { 'tasks.json': { version: 2, removed: {}, tasks } } });
  });
  recordScenarios(() => session);
  after(async () => {
    await media?.close();
  });

  it('filters 200 finished tasks, draws only what is in view, plays on hover, and opens one from the keyboard', async () => {
    await wb().openSidebar();
    await wb().runCommand('Open Gallery');
    const count = page().locator('#count');
    await count.filter({ hasText: '200 finished tasks' }).waitFor();
    const drawn = await page().locator('.card').count();
    assert.ok(drawn > 0 && drawn < 100, `only the cards in view are drawn (${drawn} of 200)`);
    await wb().screenshot('gallery');

    // Muted play while the pointer rests on a card.
    const first = page().locator('.card[aria-posinset="1"]');
    await first.hover();
    const firstPlayer = first.locator('video');
    for (const deadline = Date.now() + 10_000; await firstPlayer.evaluate((video: Player) => video.paused); await wb().page.waitForTimeout(100)) {
      assert.ok(Date.now() < deadline, 'the hovered card plays');
    }

    // Words, then a model, then a status: each narrows the grid.
    await page().locator('#text').fill('lighthouse');
    await count.filter({ hasText: '40 of 200 finished tasks' }).waitFor();
    await page().locator('#model').selectOption('sora-2');
    await count.filter({ hasText: /^\d+ of 200 finished tasks$/ }).waitFor();
    const metas = await page().locator('.card .meta').allTextContents();
    assert.ok(metas.length > 0 && metas.every((meta) => meta.startsWith('sora-2 · ')), metas.join(' | '));
    await page().locator('#status').selectOption('failed');
    await page().locator('#empty', { hasText: 'No finished task matches the filter.' }).waitFor();
    await page().locator('#status').selectOption('');
    const names = await page().locator('.card .name').allTextContents();
    const prompts = await page().locator('.card').evaluateAll((cards) => cards.map((card) => card.getAttribute('title') ?? ''));
    assert.ok(prompts.every((prompt) => prompt.includes('lighthouse')), prompts.join(' | '));

    // The keyboard: into the grid, one card to the right, Enter opens its preview.
    await page().locator('#grid').focus();
    await wb().page.keyboard.press('ArrowRight');
    const chosen = await page().locator('.card.active[aria-posinset="2"]').getAttribute('data-id');
    assert.ok(chosen !== null && names.includes(chosen), `${chosen} is one of the cards shown`);
    await wb().page.keyboard.press('Enter');
    await wb().webview().locator('#details dd', { hasText: chosen }).first().waitFor();
    await wb().webview().locator('#video').waitFor();
  });

  it('reaches the 200th card from the keyboard, drawing it on the way', async () => {
    await wb().runCommand('Open Gallery');
    await page().locator('#text').fill('');
    await page().locator('#model').selectOption('');
    await page().locator('#count', { hasText: '200 finished tasks' }).waitFor();
    await page().locator('#grid').focus();
    await wb().page.keyboard.press('End');
    await page().locator('.card.active[aria-posinset="200"]').waitFor();
    assert.ok((await page().locator('.card').count()) < 100, 'still only the cards in view');
    assert.equal(await page().locator('.card[aria-posinset="1"]').count(), 0, 'the first cards were let go');
    await wb().page.keyboard.press('Home');
    await page().locator('.card.active[aria-posinset="1"]').waitFor();
  });

  it('compares two videos chosen in the gallery: they play together, and the prompts’ differences are marked', async () => {
    await page().locator('#grid').focus();
    await wb().page.keyboard.press('Home');
    await wb().page.keyboard.press(' ');
    await wb().page.keyboard.press('ArrowRight');
    await wb().page.keyboard.press(' ');
    const compare = page().getByRole('button', { name: 'Compare (2/2)' });
    await compare.click();

    const players = page().locator('video');
    await page().locator('#name0').filter({ hasText: /\S/ }).waitFor();
    assert.equal(await players.count(), 2);
    assert.ok((await page().locator('mark').count()) > 0, 'the prompts differ, and the differences are marked');
    await page().getByRole('button', { name: 'Play Both' }).click();
    let times: number[];
    for (const deadline = Date.now() + 10_000; ; await wb().page.waitForTimeout(100)) {
      const states = await players.evaluateAll((videos) => (videos as unknown as Player[]).map((video) => ({ paused: video.paused, time: video.currentTime })));
      times = states.map((state) => state.time);
      if (states.every((state) => !state.paused) && times.every((time) => time > 0.3)) {
        break;
      }
      assert.ok(Date.now() < deadline, `both play (${JSON.stringify(states)})`);
    }
    assert.ok(Math.abs(times[0] - times[1]) < 0.5, `together: ${times.join(' and ')} s`);
    await wb().screenshot('compare');
    // Pausing one pauses the other.
    await players.first().evaluate((video) => (video as unknown as { pause(): void }).pause());
    for (const deadline = Date.now() + 5000; !(await players.last().evaluate((video: Player) => video.paused)); await wb().page.waitForTimeout(100)) {
      assert.ok(Date.now() < deadline, 'the second follows the first');
    }
  });

  it('compares two tasks selected in the Video Tasks view, from its context menu', async () => {
    await wb().openPreviewFromRow('gallery-001');
    await wb().row('gallery-002').click({ modifiers: ['Control'] });
    await wb().contextMenu('gallery-002', 'Compare Tasks');
    await page().locator('#details0 dd', { hasText: /^gallery-00[12]$/ }).waitFor();
    const compared = await page().locator('#details0 dd, #details1 dd').filter({ hasText: /^gallery-\d+$/ }).allTextContents();
    assert.deepEqual([...compared].sort(), ['gallery-001', 'gallery-002']);
  });
});
