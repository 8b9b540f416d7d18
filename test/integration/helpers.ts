import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

export const EXTENSION_ID = 'anyapi.anyapi-video-tasks';

/** Activates the extension under test and returns what it exposes for tests. */
export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** Points the extension at a gateway and polls fast. */
export async function configure(baseUrl: string): Promise<void> {
  const config = vscode.workspace.getConfiguration('anyapiVideo');
  await config.update('baseUrl', baseUrl, vscode.ConfigurationTarget.Global);
  await config.update('pollIntervalSeconds', 2, vscode.ConfigurationTarget.Global);
  await config.update('notifyOn', 'none', vscode.ConfigurationTarget.Global);
  // Save dialogs as quick inputs (code-server has no other kind), so tests can answer them under desktop VS Code too.
  await vscode.workspace.getConfiguration('files').update('simpleDialog.enable', true, vscode.ConfigurationTarget.Global);
}

/**
 * Runs a command that asks the user something (a save dialog, a confirmation,
 * an input box) and answers every 300 ms with the given workbench commands —
 * the keys a person would press — until the command has finished.
 */
async function answering(run: Thenable<unknown>, keys: readonly string[]): Promise<void> {
  let settled = false;
  const done = Promise.resolve(run).finally(() => (settled = true));
  const deadline = Date.now() + 15_000;
  while (!settled) {
    assert.ok(Date.now() < deadline, 'the command was still asking after 15 s');
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const key of keys) {
      if (!settled) {
        await vscode.commands.executeCommand(key);
      }
    }
  }
  await done;
}

/** Answers with what the question offers first (the suggested file, the offered name), as Enter would; with `down`, after that many Down arrows. */
export function answeringWithEnter(run: Thenable<unknown>, down = 0): Promise<void> {
  return answering(run, [...Array<string>(down).fill('workbench.action.quickOpenSelectNext'), 'workbench.action.acceptSelectedQuickOpenItem']);
}

/** Dismisses the question, as Escape would. */
export function answeringWithEscape(run: Thenable<unknown>): Promise<void> {
  return answering(run, ['workbench.action.closeQuickOpen']);
}

/** Waits until `condition` holds, checking every 100 ms; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
