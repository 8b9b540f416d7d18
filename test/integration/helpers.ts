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
  await config.update('notifyOnCompletion', false, vscode.ConfigurationTarget.Global);
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
