import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { FakeGateway } from '../../fakeGateway/fakeGateway';
import { launchChromium } from './browser';
import { buildVsix } from './buildVsix';
import { CodeServer } from './codeServer';
import { ensureCodeServer } from './installCodeServer';
import { RESULTS_DIR } from './paths';
import { Workbench, type ExtensionWords } from './workbench';

export interface SessionOptions {
  /** Folder name under test-results/e2e for this suite's screenshots. */
  readonly name: string;
  /** Extra `.vsix` files installed next to the extension. */
  readonly extraExtensions?: readonly string[];
  readonly settings?: Record<string, unknown>;
  /** The opened folder's `.vscode/settings.json`. */
  readonly workspaceSettings?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  /** Files in the extension's global storage before it starts, e.g. `tasks.json`. */
  readonly extensionStorage?: Record<string, unknown>;
  /** Display language, e.g. `zh-cn`, with the extension's words in it. */
  readonly locale?: { readonly id: string; readonly words: ExtensionWords };
}

/** Everything one end-to-end suite runs against: a fake gateway, code-server with the packaged extension, and Chromium. */
export class Session {
  private constructor(
    readonly gateway: FakeGateway,
    readonly server: CodeServer,
    readonly browser: Browser,
    readonly workbench: Workbench,
    readonly screenshotDir: string,
  ) {}

  static async start(options: SessionOptions): Promise<Session> {
    const codeServer = await ensureCodeServer((line) => process.stdout.write(`      ${line}\n`));
    const vsix = await buildVsix();
    const gateway = await FakeGateway.start();
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    try {
      server = await CodeServer.start({
        codeServer,
        extensions: [vsix, ...(options.extraExtensions ?? [])],
        settings: { 'anyapiVideo.baseUrl': gateway.url, 'anyapiVideo.pollIntervalSeconds': 2, ...options.settings },
        workspaceSettings: options.workspaceSettings,
        env: options.env,
        extensionStorage: options.extensionStorage,
        locale: options.locale?.id,
      });
      browser = await launchChromium();
      const screenshotDir = path.join(RESULTS_DIR, options.name);
      const workbench = await Workbench.open(browser, server.url, screenshotDir, options.locale?.words);
      return new Session(gateway, server, browser, workbench, screenshotDir);
    } catch (error) {
      await browser?.close();
      await server?.stop(true);
      await gateway.close();
      throw error;
    }
  }

  /** Stops everything; keeps code-server's folder (logs) when the suite failed. */
  async stop(failed: boolean): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop(failed);
    await this.gateway.close();
  }
}

/**
 * Mocha hooks for a suite: a screenshot after every test (CI keeps them), and
 * on failure the screenshot's path and the extension host log's location in
 * the error, so a red run says where to look.
 */
export function recordScenarios(session: () => Session | undefined): void {
  let failed = false;
  afterEach(async function () {
    const test = this.currentTest;
    const current = session();
    if (!test || !current) {
      return;
    }
    const file = await current.workbench.screenshot(test.fullTitle()).catch((error: unknown) => `(no screenshot: ${String(error)})`);
    if (test.state === 'failed' && test.err) {
      failed = true;
      const note = `\n    Screenshot: ${file}\n    code-server log and extension host logs: ${current.server.root}`;
      test.err.message += note;
      if (test.err.stack) {
        test.err.stack = test.err.stack.replace(/^(.*)$/m, `$1${note}`);
      }
    }
  });
  after(async () => {
    await session()?.stop(failed);
  });
}
