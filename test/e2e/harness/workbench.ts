import * as fs from 'node:fs';
import * as path from 'node:path';
import * as axe from 'axe-core';
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from 'playwright-core';

/** The extension's own words the harness finds its way by, in the workbench's display language. */
export interface ExtensionWords {
  /** Command category and activity-bar title. */
  readonly category: string;
  readonly viewName: string;
  /** A task row's aria label starts with this and the task id. */
  readonly taskRowPrefix: string;
  /** …and goes on with this after the id. */
  readonly taskRowSeparator: string;
}

export const ENGLISH_WORDS: ExtensionWords = { category: 'AnyAPI Video', viewName: 'Video Tasks', taskRowPrefix: 'Video task ', taskRowSeparator: ',' };

/** What the preview's player has loaded. */
export interface VideoState {
  readonly readyState: number;
  readonly width: number;
  readonly height: number;
  readonly error: string;
}

/** The parts of an HTMLVideoElement the harness reads (the test code compiles without the DOM library). */
interface VideoElementLike {
  readonly readyState: number;
  readonly videoWidth: number;
  readonly videoHeight: number;
  readonly error: { message: string } | null;
  addEventListener(type: string, listener: () => void, options: { once: boolean }): void;
}

/** The parts of a DOM element the keyboard walk reads. */
interface ElementLike {
  readonly id: string;
  readonly tagName: string;
  readonly textContent: string | null;
  readonly ownerDocument: {
    readonly body: ElementLike;
    readonly activeElement: ElementLike | null;
    readonly defaultView: { getComputedStyle(element: ElementLike): { outlineStyle: string; outlineWidth: string; boxShadow: string } } | null;
    hasFocus(): boolean;
    getElementById(id: string): ElementLike | null;
  };
  getAttribute(name: string): string | null;
  checkVisibility(): boolean;
}

/** What a keyboard user can move to in our pages. */
const CONTROLS =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, summary, video[controls], [tabindex]:not([tabindex="-1"])';

/** A VS Code workbench in a browser page, driven the way a person drives it. */
export class Workbench {
  private constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
    private readonly screenshotDir: string,
    private readonly words: ExtensionWords,
  ) {}

  static async open(browser: Browser, url: string, screenshotDir: string, words: ExtensionWords = ENGLISH_WORDS): Promise<Workbench> {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();
    fs.mkdirSync(screenshotDir, { recursive: true });
    const workbench = new Workbench(context, page, screenshotDir, words);
    await page.goto(url);
    await workbench.waitReady();
    return workbench;
  }

  /**
   * Opens the same workbench in another tab of the same browser context: one
   * profile, two windows, as two desktop windows share one profile.
   */
  async openTab(): Promise<Workbench> {
    const page = await this.context.newPage();
    const tab = new Workbench(this.context, page, this.screenshotDir, this.words);
    await page.goto(this.page.url());
    await tab.waitReady();
    return tab;
  }

  /** Closes this tab the way a person closes a window (the page's unload handlers run). */
  async closeTab(): Promise<void> {
    await this.page.close({ runBeforeUnload: true });
  }

  /** Waits for the workbench and for our activity-bar entry, which means the extension's contributions loaded. */
  async waitReady(): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench .statusbar', { timeout: 60_000 });
    await this.activityBarEntry().waitFor({ timeout: 60_000 });
    // Keys go nowhere until the page has been clicked once; the empty editor area is a neutral place.
    await this.page.locator('.part.editor').click({ position: { x: 10, y: 10 } });
  }

  /**
   * Opens the AnyAPI Video sidebar. Its activity-bar icon toggles, and right
   * after a reload the sidebar may still be restoring, so look, click, and
   * look again until the view is there.
   */
  async openSidebar(): Promise<void> {
    for (let attempt = 0; attempt < 4; attempt++) {
      if (await this.tasksView().isVisible()) {
        return;
      }
      await this.activityBarEntry().click();
      await this.tasksView()
        .waitFor({ timeout: 3000 })
        .catch(() => undefined);
    }
    await this.tasksView().waitFor({ timeout: 5000 });
  }

  /** The "Video Tasks" view's body. */
  tasksView(): Locator {
    return this.page.locator(`.pane:has(.pane-header[aria-label^="${this.words.viewName}"]) .pane-body`);
  }

  private activityBarEntry(): Locator {
    return this.page.locator(`.activitybar .action-item a[aria-label^="${this.words.category}"]`);
  }

  /** Runs one of our commands from the Command Palette by its title. */
  async runCommand(title: string): Promise<void> {
    await this.runAnyCommand(`${this.words.category}: ${title}`);
  }

  /**
   * Answers an input box the extension opened, identified by its title, and
   * waits until it is gone (closed, or replaced by the flow's next question).
   */
  async answerInput(title: string, text: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const titled = widget.locator('.quick-input-title', { hasText: title });
    await titled.waitFor();
    await this.quickInputBox().fill(text);
    await this.quickInputBox().press('Enter');
    await titled.waitFor({ state: 'hidden' });
  }

  /** Answers the open input box, whatever its title (VS Code's own prompts have none), and waits until it closes. */
  async answerPrompt(text: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await this.quickInputBox().waitFor();
    await this.quickInputBox().fill(text);
    await this.quickInputBox().press('Enter');
    await widget.waitFor({ state: 'hidden' });
  }

  /** Types `text` into an open input box and waits for the validation message to match, without submitting. */
  async expectValidation(title: string, text: string, message: RegExp): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: title }).waitFor();
    await this.quickInputBox().fill(text);
    await widget.locator('.quick-input-message', { hasText: message }).waitFor({ timeout: 5000 });
  }

  /**
   * The text box of the open quick input. Only `input.input`: VS Code 1.96
   * puts a hidden "check all" checkbox before it.
   */
  quickInputBox(): Locator {
    return this.page.locator('.quick-input-widget input.input');
  }

  /** Runs any command from the Command Palette by its full title, e.g. "Developer: Reload Window". */
  async runAnyCommand(fullTitle: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInputBox();
    await input.waitFor();
    await input.fill(`>${fullTitle}`);
    await this.chooseQuickPickRow(new RegExp(`^${escapeRegExp(fullTitle)}$`));
  }

  /**
   * Chooses a row of the open quick pick with the keyboard: arrows until it
   * is focused, then Enter. (A webview below the quick pick can swallow clicks.)
   * The keys go to the pick's input box, focused first: with a preview open,
   * keyboard focus can stay in the webview when a pick opens (seen twice: the
   * pick stayed open with its row highlighted, and a second Enter was lost
   * too). Enter is pressed once more only if the same pick still shows that row.
   */
  async chooseQuickPickRow(label: RegExp): Promise<void> {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { has: this.page.locator('.label-name', { hasText: label }) }).first();
    await row.waitFor();
    const input = this.quickInputBox();
    await input.focus();
    for (let presses = 0; !(await row.evaluate((element) => element.classList.contains('focused'))); presses++) {
      if (presses > 30) {
        throw new Error(`Could not focus the quick pick row ${label}`);
      }
      await this.page.keyboard.press('ArrowDown');
    }
    const title = this.page.locator('.quick-input-widget .quick-input-title');
    const before = await title.textContent();
    // A command such as Reload Window takes the page away: then nothing is
    // still here, and a read of the old widget would wait in the new page.
    let navigated = false;
    const onNavigated = (frame: Frame): void => {
      navigated ||= frame === this.page.mainFrame();
    };
    this.page.on('framenavigated', onNavigated);
    try {
      await this.page.keyboard.press('Enter');
      const bounded = { timeout: 2000 };
      const stillHere = async (): Promise<boolean> =>
        !navigated &&
        (await this.page.locator('.quick-input-widget').isVisible()) &&
        (await title.textContent(bounded).catch(() => undefined)) === before &&
        (await row.isVisible()) &&
        (await row.evaluate((element) => element.classList.contains('focused'), undefined, bounded).catch(() => false));
      for (const deadline = Date.now() + 3000; await stillHere(); await this.page.waitForTimeout(100)) {
        if (Date.now() > deadline) {
          await input.focus();
          await this.page.keyboard.press('Enter');
          return;
        }
      }
    } finally {
      this.page.off('framenavigated', onNavigated);
    }
  }

  async closeQuickInput(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** The tree row of a task (its aria label starts with "Video task <id>,"). */
  row(taskId: string): Locator {
    return this.tasksView().locator(`.monaco-list-row[aria-label^="${this.words.taskRowPrefix}${taskId}${this.words.taskRowSeparator}"]`);
  }

  /**
   * Clicks a task's row, which opens its preview. Rows carried their command
   * until 0.13.0, and a click that met a refresh of its row ran nothing
   * ("Actual command not found"; twice in a row in one CI run). The command
   * is now resolved on open, which leaves a window of milliseconds between
   * resolving and running it; a click that opened no preview within 5 s is
   * made once more for that window, not for the old race.
   */
  async openPreviewFromRow(taskId: string): Promise<void> {
    // The preview of this task, not another one still open (a check of any preview passed on the wrong page once).
    const shown = this.webview().locator('#details dd', { hasText: new RegExp(`^${escapeRegExp(taskId)}$`) }).first();
    await this.row(taskId).click();
    try {
      await shown.waitFor({ timeout: 5000 });
    } catch {
      await this.row(taskId).click();
      await shown.waitFor();
    }
  }

  /** Waits until a task's row shows the given codicon, e.g. `pass` or `error`. */
  async waitForIcon(taskId: string, icon: string, timeout = 30_000): Promise<void> {
    await this.row(taskId).locator(`.custom-view-tree-node-item-icon.codicon-${icon}`).waitFor({ timeout });
  }

  async iconOf(taskId: string): Promise<string> {
    const classes = (await this.row(taskId).locator('.custom-view-tree-node-item-icon').getAttribute('class')) ?? '';
    return /codicon-(?!modifier)([\w-]+)/.exec(classes)?.[1] ?? '';
  }

  async descriptionOf(taskId: string): Promise<string> {
    return (await this.row(taskId).locator('.label-description').textContent()) ?? '';
  }

  /** Task ids in the tree, top to bottom. */
  async taskIds(): Promise<string[]> {
    const labels = await this.tasksView().locator('.monaco-list-row').evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('aria-label') ?? ''),
    );
    const pattern = new RegExp(`^${escapeRegExp(this.words.taskRowPrefix)}(.*?)${escapeRegExp(this.words.taskRowSeparator)}`);
    return labels.map((label) => pattern.exec(label)?.[1]).filter((id): id is string => id !== undefined);
  }

  /** Runs a context-menu entry of a task's row. */
  async contextMenu(taskId: string, entry: string): Promise<void> {
    await this.row(taskId).click({ button: 'right' });
    // A menu entry runs on a click only after the pointer has rested on it, as a person's would.
    const item = this.page.locator('.monaco-menu a.action-menu-item', { hasText: new RegExp(`^${escapeRegExp(entry)}`) }).first();
    await item.hover();
    await this.page.waitForTimeout(200);
    await item.click();
    await this.page.locator('.monaco-menu').waitFor({ state: 'detached' });
  }

  /** The extension's status bar item, by the id VS Code gives it (`<extension id>.<item id>`). */
  statusItem(): Locator {
    return this.page.locator('[id="anyapi.anyapi-video-tasks.anyapiVideo.status"]');
  }

  /** The latest notification toasts' messages. */
  async notifications(): Promise<string[]> {
    return this.page.locator('.notification-toast .notification-list-item-message').allTextContents();
  }

  async waitForNotification(text: RegExp, timeout = 20_000): Promise<Locator> {
    const toast = this.page.locator('.notification-toast', { hasText: text });
    await toast.first().waitFor({ timeout });
    return toast.first();
  }

  async clearNotifications(): Promise<void> {
    await this.runAnyCommand('Notifications: Clear All Notifications');
  }

  /** The document inside the active webview (VS Code nests it in two frames). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
  }

  /**
   * Runs axe-core over the page of the active webview and returns what it
   * finds at `serious` or `critical` impact. The audit is evaluated through
   * the DevTools protocol, which the page's CSP does not govern: the page
   * itself is not changed to allow it.
   */
  async auditWebview(): Promise<{ id: string; impact: string; help: string; targets: string[] }[]> {
    const handle = await this.webview().locator('html').elementHandle();
    const frame = await handle?.ownerFrame();
    if (!frame) {
      throw new Error('no webview to audit');
    }
    await frame.evaluate(axe.source);
    return frame.evaluate(async () => {
      interface AxeResult {
        violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
      }
      const { axe: engine } = globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } };
      const result = await engine.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact ?? '', help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
    });
  }

  /**
   * Walks the active webview with the keyboard: focuses its first control,
   * then presses Tab until the focus leaves the page or comes back round,
   * and clicks the editor's tab so keys go to the workbench again.
   * For each stop it says what has the focus and whether that is drawn (an
   * outline or a shadow on it, or on the option a listbox's
   * `aria-activedescendant` names), and it lists every control a user can
   * see, so a caller can tell what Tab never reached.
   */
  async tabThroughWebview(): Promise<{ stops: { control: string; drawn: boolean }[]; controls: string[] }> {
    // Page functions run in the webview: each spells out its own naming of a control.
    const controls = this.webview().locator(CONTROLS);
    const seen = await controls.evaluateAll((elements: ElementLike[]) =>
      elements
        .filter((element) => element.checkVisibility())
        .map((element) => `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ` "${(element.textContent ?? '').trim().slice(0, 30)}"`}`),
    );
    await controls.first().focus();
    // A key pressed in the page, so the first stop too counts as reached by the
    // keyboard (:focus-visible). Not Tab and back: on a page with one control
    // that leaves the page.
    await this.page.keyboard.press('Shift');
    const stops: { control: string; drawn: boolean }[] = [];
    const body = this.webview().locator('body');
    for (let presses = 0; presses < 60; presses++) {
      const stop = await body.evaluate((page: ElementLike) => {
        const document = page.ownerDocument;
        const focused = document.hasFocus() ? document.activeElement : null;
        if (!focused || focused === document.body) {
          return undefined;
        }
        const descendant = focused.getAttribute('aria-activedescendant');
        const shown = descendant ? (document.getElementById(descendant) ?? focused) : focused;
        const style = document.defaultView!.getComputedStyle(shown);
        return {
          control: `${focused.tagName.toLowerCase()}${focused.id ? `#${focused.id}` : ` "${(focused.textContent ?? '').trim().slice(0, 30)}"`}`,
          drawn: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
        };
      });
      if (!stop || stops.slice(0, -1).some((earlier) => earlier.control === stop.control)) {
        break;
      }
      // A video's own controls are several stops inside one element.
      if (stop.control !== stops.at(-1)?.control) {
        stops.push(stop);
      }
      await this.page.keyboard.press('Tab');
    }
    // Keys go back to the workbench, as after a click on the editor's tab.
    await this.page.locator('.tabs-container .tab.active').click();
    return { stops, controls: seen };
  }

  /** Picks a colour theme by its name in the theme picker, e.g. "Light High Contrast". */
  async setColorTheme(name: string): Promise<void> {
    await this.runAnyCommand('Preferences: Color Theme');
    // Typed first: the list shows only the themes that fit in it.
    await this.quickInputBox().fill(name);
    await this.chooseQuickPickRow(new RegExp(`^${escapeRegExp(name)}$`));
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Waits until the preview's video has data to play (or failed, or 15 s
   * passed) and says what the player has: readyState ≥ 2 means it plays.
   */
  async videoState(): Promise<VideoState> {
    return this.webview()
      .locator('#video')
      .evaluate(
        (element: VideoElementLike) =>
          new Promise<VideoState>((resolve) => {
            const report = (): void =>
              resolve({ readyState: element.readyState, width: element.videoWidth, height: element.videoHeight, error: String(element.error?.message ?? '') });
            if (element.readyState >= 2) {
              report();
            } else {
              element.addEventListener('loadeddata', report, { once: true });
              element.addEventListener('error', report, { once: true });
              setTimeout(report, 15_000);
            }
          }),
      );
  }

  /** The text on the clipboard (the harness may read it: see {@link open}). */
  async clipboardText(): Promise<string> {
    return this.page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
  }

  /** The clipboard's text once it matches: the extension host writes it a moment after the click that asked. */
  async waitForClipboard(expected: RegExp, timeout = 5000): Promise<string> {
    let text = await this.clipboardText();
    for (const deadline = Date.now() + timeout; !expected.test(text) && Date.now() < deadline; await this.page.waitForTimeout(100)) {
      text = await this.clipboardText();
    }
    return text;
  }

  /**
   * Replaces the user's settings.json as a person would: opened in an
   * editor, its text replaced (inserted whole, so no bracket is closed for
   * us), saved. VS Code does not notice the file changing behind its back.
   */
  async replaceUserSettings(settings: Record<string, unknown>): Promise<void> {
    await this.runAnyCommand('Preferences: Open User Settings (JSON)');
    const editor = this.page.locator('.part.editor .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(JSON.stringify(settings, null, 2));
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.part.editor .tab.active:not(.dirty)').waitFor();
    await this.page.keyboard.press('Control+W');
  }

  async screenshot(name: string): Promise<string> {
    const file = path.join(this.screenshotDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
