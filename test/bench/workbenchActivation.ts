import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/harness/browser';
import { CodeServer } from '../e2e/harness/codeServer';
import { CODE_SERVER_RELEASES, ensureCodeServer, type InstalledCodeServer } from '../e2e/harness/installCodeServer';
import { REPO_ROOT, RESULTS_DIR } from '../e2e/harness/paths';
import { run } from '../e2e/harness/processes';
import { Workbench } from '../e2e/harness/workbench';

/** One extension's row of the extension host's activation times, in ms. */
export interface ActivationRow {
  /** `require` of its main file, as the extension host times it. */
  readonly loadMs: number;
  /** The `activate()` call until it returned. */
  readonly callMs: number;
}

/** Activation times in one fresh workbench, in ms. */
export interface WorkbenchActivation {
  /** What VS Code reports for this extension (Show Running Extensions prints load + call). */
  readonly extensionMs: number;
  /** The same for an extension that does nothing, loaded right before ours. */
  readonly baselineMs: number;
  /** What activating this extension itself costs: our load less the baseline's, plus our call. */
  readonly ownMs: number;
  readonly gitBaseMs: number;
  readonly mergeConflictMs: number;
}

const EXTENSIONS = {
  extension: 'anyapi.anyapi-video-tasks',
  baseline: 'anyapi.activation-baseline',
  gitBase: 'vscode.git-base',
  mergeConflict: 'vscode.merge-conflict',
} as const;

/**
 * Packs test/bench/activationBaseline, an extension that does nothing. The
 * extension host orders extensions by folder name and loads all those that
 * start together one after the other, each timer running from before the
 * first `require` until its own is done; so every figure includes the loading
 * of the extensions before it. The baseline's folder sorts right before ours:
 * what VS Code reports for it is what it charges us for others.
 */
async function packBaseline(): Promise<string> {
  const out = path.join(RESULTS_DIR, 'bench', 'activation-baseline.vsix');
  fs.mkdirSync(path.dirname(out), { recursive: true }); // A fresh clone has no results folder yet.
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  await run(vsce, ['package', '--skip-license', '--allow-missing-repository', '--out', out], { cwd: path.join(REPO_ROOT, 'test', 'bench', 'activationBaseline') });
  return out;
}

/**
 * Starts a fresh code-server with the packaged extension and the baseline
 * (and `storedTasks` as our `tasks.json`, when given), opens it in Chromium,
 * and reads the table "Extension Activation Stats" of **Developer: Startup
 * Performance**: the extension host's own load and call times, from which
 * Show Running Extensions prints the sum.
 */
export async function measureWorkbenchActivation(
  codeServer: InstalledCodeServer,
  vsix: string,
  baseline: string,
  storedTasks: unknown,
  browser: Browser,
): Promise<WorkbenchActivation> {
  const server = await CodeServer.start({
    codeServer,
    extensions: [vsix, baseline],
    // Loopback only: the bench never reaches out, and with no key set nothing is sent anyway.
    settings: { 'anyapiVideo.baseUrl': 'http://127.0.0.1:9' },
    extensionStorage: storedTasks === undefined ? undefined : { 'tasks.json': storedTasks },
  });
  try {
    const workbench = await Workbench.open(browser, server.url, path.join(RESULTS_DIR, 'bench'));
    try {
      const rows = await readActivationRows(workbench);
      const row = (id: string): ActivationRow => {
        const found = rows.get(id);
        if (!found) {
          throw new Error(`${id} is not in the activation table`);
        }
        return found;
      };
      const [extension, baseline] = [row(EXTENSIONS.extension), row(EXTENSIONS.baseline)];
      if (baseline.loadMs > extension.loadMs) {
        throw new Error('The baseline was loaded after this extension: its figure says nothing about ours');
      }
      const reported = (found: ActivationRow): number => found.loadMs + found.callMs;
      return {
        extensionMs: reported(extension),
        baselineMs: reported(baseline),
        ownMs: extension.loadMs - baseline.loadMs + extension.callMs,
        gitBaseMs: reported(row(EXTENSIONS.gitBase)),
        mergeConflictMs: reported(row(EXTENSIONS.mergeConflict)),
      };
    } finally {
      await workbench.close();
    }
  } finally {
    await server.stop(false);
  }
}

/** The activation table by extension id, once it lists every extension the bench reads (ours activates after startup). */
async function readActivationRows(workbench: Workbench): Promise<Map<string, ActivationRow>> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await workbench.runAnyCommand('Developer: Startup Performance');
    const editor = workbench.page.locator('.part.editor .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await workbench.page.keyboard.press('Control+A');
    await workbench.page.keyboard.press('Control+C');
    const rows = parseActivationTable(await workbench.clipboardText());
    if (Object.values(EXTENSIONS).every((id) => rows.has(id))) {
      return rows;
    }
    if (Date.now() > deadline) {
      throw new Error(`The activation table lacks some of ${Object.values(EXTENSIONS).join(', ')}`);
    }
    await workbench.page.keyboard.press('Control+W');
    await workbench.page.waitForTimeout(1000);
  }
}

/** Rows of the Markdown table `| Extension | Eager | Load Code | Call Activate | Finish Activate | Event | By |`. */
export function parseActivationTable(markdown: string): Map<string, ActivationRow> {
  const rows = new Map<string, ActivationRow>();
  for (const line of markdown.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // ['', id, eager, load, call, finish, event, by, '']
    if (cells.length === 9 && /^(true|false)$/.test(cells[2]) && /^\d+$/.test(cells[3]) && /^\d+$/.test(cells[4])) {
      rows.set(cells[1], { loadMs: Number(cells[3]), callMs: Number(cells[4]) });
    }
  }
  return rows;
}

/** Three fresh workbenches with no stored tasks and three with `storedTasks`, taken in turns. */
export async function workbenchActivation(vsix: string, storedTasks: unknown): Promise<{ empty: WorkbenchActivation[]; stored: WorkbenchActivation[] }> {
  // Always the release docs/PERFORMANCE.md measures, whatever ANYAPI_E2E_CODE_SERVER says.
  const codeServer = await ensureCodeServer((line) => process.stdout.write(`  ${line}\n`), CODE_SERVER_RELEASES.main);
  const baseline = await packBaseline();
  const browser = await launchChromium();
  try {
    const empty: WorkbenchActivation[] = [];
    const stored: WorkbenchActivation[] = [];
    for (let round = 0; round < 3; round++) {
      empty.push(await measureWorkbenchActivation(codeServer, vsix, baseline, undefined, browser));
      stored.push(await measureWorkbenchActivation(codeServer, vsix, baseline, storedTasks, browser));
    }
    return { empty, stored };
  } finally {
    await browser.close();
  }
}
