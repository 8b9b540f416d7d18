import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/harness/browser';
import { CodeServer } from '../e2e/harness/codeServer';
import { ensureCodeServer } from '../e2e/harness/installCodeServer';
import { RESULTS_DIR } from '../e2e/harness/paths';
import { Workbench } from '../e2e/harness/workbench';

/** Activation times as **Developer: Show Running Extensions** shows them in one fresh workbench, in ms. */
export interface WorkbenchActivation {
  readonly extensionMs: number;
  readonly gitBaseMs: number;
  readonly mergeConflictMs: number;
}

/** The rows of the Running Extensions editor the bench reads, by display name. */
const ROWS = { extensionMs: 'AnyAPI Video Tasks', gitBaseMs: 'Git Base', mergeConflictMs: 'Merge Conflict' } as const;

/**
 * Starts a fresh code-server with the packaged extension (and `storedTasks`
 * as its `tasks.json`, when given), opens it in Chromium, and reads the
 * activation times VS Code itself reports — code loading plus the `activate`
 * call, the figure Show Running Extensions prints — for this extension and
 * two built-ins in the same workbench.
 */
export async function measureWorkbenchActivation(vsix: string, storedTasks: unknown, browser: Browser): Promise<WorkbenchActivation> {
  const server = await CodeServer.start({
    extensions: [vsix],
    // Loopback only: the bench never reaches out, and with no key set nothing is sent anyway.
    settings: { 'anyapiVideo.baseUrl': 'http://127.0.0.1:9' },
    extensionStorage: storedTasks === undefined ? undefined : { 'tasks.json': storedTasks },
  });
  try {
    const workbench = await Workbench.open(browser, server.url, path.join(RESULTS_DIR, 'bench'));
    try {
      await workbench.runAnyCommand('Developer: Show Running Extensions');
      const times = {} as Record<keyof WorkbenchActivation, number>;
      for (const [key, name] of Object.entries(ROWS) as [keyof WorkbenchActivation, string][]) {
        const row = workbench.page.locator('.runtime-extensions-editor .monaco-list-row', { has: workbench.page.locator('.name', { hasText: name }) });
        const time = row.locator('.activation-time', { hasText: /\d+ms/ });
        // Rows appear as extensions activate; ours activates when startup has finished.
        await time.first().waitFor({ timeout: 60_000 });
        const text = (await time.first().textContent()) ?? '';
        times[key] = Number(/(\d+)ms/.exec(text)?.[1]);
      }
      return times;
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop(false);
  }
}

/** Median of three fresh workbenches with no stored tasks and of three with `storedTasks`. */
export async function workbenchActivation(vsix: string, storedTasks: unknown): Promise<{ empty: WorkbenchActivation[]; stored: WorkbenchActivation[] }> {
  await ensureCodeServer((line) => process.stdout.write(`  ${line}\n`));
  const browser = await launchChromium();
  try {
    const empty: WorkbenchActivation[] = [];
    const stored: WorkbenchActivation[] = [];
    for (let run = 0; run < 3; run++) {
      empty.push(await measureWorkbenchActivation(vsix, undefined, browser));
      stored.push(await measureWorkbenchActivation(vsix, storedTasks, browser));
    }
    return { empty, stored };
  } finally {
    await browser.close();
  }
}
