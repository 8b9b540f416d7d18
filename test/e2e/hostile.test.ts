import * as assert from 'node:assert/strict';
import { HOSTILE_PAYLOADS, hostileTask } from '../fakeGateway/hostilePayloads';
import { recordScenarios, Session } from './harness/session';

/** What a page exposes after hostile text was rendered in it. */
interface Damage {
  readonly pwned: unknown;
  readonly title: string;
  /** Scripts other than ours and the one VS Code injects to provide `acquireVsCodeApi`. */
  readonly foreignScripts: string[];
  readonly injected: number;
}

/** The few browser globals the checks read (the tests compile without the DOM library). */
interface BrowserGlobals {
  readonly __pwned?: unknown;
  readonly top: { readonly __pwned?: unknown } | null;
  readonly document: {
    readonly title: string;
    querySelectorAll(selector: string): ArrayLike<{ readonly src?: string; readonly textContent: string | null }>;
  };
}

/** The hostile payloads in every field, rendered by the real workbench: the tree, tooltips and the preview webview. */
describe('End to end: hostile API text in a real workbench', function () {
  this.timeout(300_000);
  let session: Session | undefined;
  const wb = () => session!.workbench;
  const ids = HOSTILE_PAYLOADS.map((_, n) => `hostile-${n}`);
  const dialogs: string[] = [];

  before(async () => {
    session = await Session.start({ name: 'hostile' });
    ids.forEach((id, n) => session!.gateway.setTask(id, [hostileTask(n)]));
    wb().page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await wb().openSidebar();
    await wb().runCommand('Set API Key');
    await wb().answerInput('Set API Key', session.gateway.apiKey!);
    await wb().runCommand('Track Video Task');
    await wb().answerInput('Track Video Task', ids.join(' '));
  });
  recordScenarios(() => session);

  it('lists every task with a short, readable row', async () => {
    const deadline = Date.now() + 30_000;
    while (session!.gateway.requests.length < ids.length || (await wb().tasksView().locator('.codicon-clock').count()) > 0) {
      assert.ok(Date.now() < deadline, 'every task was checked within 30 s');
      await wb().page.waitForTimeout(200);
    }
    for (const id of ids.slice(0, 20)) {
      const row = wb().row(id);
      if ((await row.count()) === 0) {
        continue; // Rows below the fold are virtualised away.
      }
      const description = await wb().descriptionOf(id);
      assert.ok(description.length < 200, `${id}: ${description.length} characters`);
      assert.notEqual(await wb().iconOf(id), 'clock', `${id} was checked`);
    }
  });

  it('renders no link, image or HTML in tooltips', async () => {
    // Task n shows payload (n + 2) in its prompt: pick the ones carrying links, images and Markdown.
    for (const payload of [18, 23, 24, 25, 8]) {
      const id = ids[(payload - 2 + ids.length) % ids.length];
      await wb().row(id).scrollIntoViewIfNeeded();
      await wb().row(id).hover();
      // The row's own tooltip (built on hover), not another hover still on screen.
      const hover = wb().page.locator('.monaco-hover:visible, .workbench-hover-container:visible', { hasText: `Task: ${id}` }).last();
      await hover.waitFor({ timeout: 10_000 });
      const found = await hover.evaluate((element) => ({
        links: element.querySelectorAll('a[href]').length,
        images: element.querySelectorAll('img').length,
        bold: element.querySelectorAll('b').length,
        text: element.textContent ?? '',
      }));
      assert.match(found.text, /Status:/, `${id}: the tooltip lists the task`);
      assert.equal(found.links, 0, `${id}: no links in the tooltip (${found.text.slice(0, 120)})`);
      assert.equal(found.images, 0, `${id}: no images in the tooltip`);
      assert.equal(found.bold, 0, `${id}: no HTML rendered`);
      await wb().page.mouse.move(700, 800);
      await hover.waitFor({ state: 'hidden' }).catch(() => undefined);
    }
  });

  it('executes nothing and injects nothing in the preview, and shows the text literally', async () => {
    for (const [n, id] of ids.entries()) {
      await wb().runCommand('Open Preview');
      await wb().quickInputBox().fill(id);
      await wb().chooseQuickPickRow(new RegExp(`^${id}$`));
      const webview = wb().webview();
      await webview.locator('#status').filter({ hasText: /\S/ }).waitFor();
      const damage = await webview.locator('body').evaluate((): Damage => {
        const page = globalThis as unknown as BrowserGlobals;
        let topPwned: unknown;
        try {
          topPwned = page.top?.__pwned;
        } catch {
          topPwned = undefined; // Another origin: it cannot have been written from here either.
        }
        const scripts = Array.from(page.document.querySelectorAll('script'));
        return {
          pwned: page.__pwned ?? topPwned,
          title: page.document.title,
          foreignScripts: scripts
            .filter((script) => !(script.src ?? '').endsWith('/media/preview.js') && !(script.textContent ?? '').includes('acquireVsCodeApi'))
            .map((script) => `${script.src ?? ''} ${(script.textContent ?? '').slice(0, 80)}`),
          // The page's own SVGs are its codicon sprite and the icons drawn from it; no payload uses those classes.
          injected: page.document.querySelectorAll(
            'body img, body iframe, body svg:not(.icon-sprite, .codicon), body style, body meta, body a, body object, body embed, body b, body textarea',
          ).length,
        };
      });
      assert.deepEqual(damage, { pwned: undefined, title: 'Video preview', foreignScripts: [], injected: 0 }, `${id}`);
      const prompt = HOSTILE_PAYLOADS[(n + 2) % HOSTILE_PAYLOADS.length].trim();
      // eslint-disable-next-line no-control-regex
      if (prompt !== '' && prompt.length < 200 && !/[\u0000-\u001f]/.test(prompt)) {
        assert.equal(await webview.locator('#prompt').textContent(), prompt, `${id}: the prompt is shown as text`);
      }
      await wb().runAnyCommand('View: Close Editor');
    }
    assert.deepEqual(dialogs, [], 'no dialog was opened');
    assert.equal(await wb().page.evaluate(() => (globalThis as unknown as BrowserGlobals).__pwned), undefined);
  });
});
