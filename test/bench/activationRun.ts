import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createContext, installVscodeStandIn } from './vscodeStandIn';

/**
 * One fresh process, one activation: how long `require` of the bundle takes,
 * how long `activate()` takes, and how long until the step it leaves for
 * right after (status bar, notifiers; not the key read or the status bar's
 * first look, which come later still) has run too. Prints one JSON line for
 * the bench.
 */
async function main(): Promise<void> {
  const bundle = process.argv[2];
  installVscodeStandIn();
  const requireStart = performance.now();
  const extension = require(bundle) as { activate(context: unknown): unknown };
  const requireMs = performance.now() - requireStart;
  const context = createContext();
  const activateStart = performance.now();
  extension.activate(context);
  const activateMs = performance.now() - activateStart;
  // Queued after the extension's own "after activation" step, so it runs once that is done.
  await new Promise((resolve) => setImmediate(resolve));
  const startedMs = performance.now() - activateStart;
  // No lazy bundle may be loaded by activation itself.
  const loadedLazyBundle = Object.keys(require.cache).some((file) => ['undici.js', 'client.js', 'features.js'].some((lazy) => file.endsWith(lazy)));
  process.stdout.write(`${JSON.stringify({ requireMs, activateMs, startedMs, loadedLazyBundle })}\n`);
  context.subscriptions.forEach((subscription) => subscription.dispose());
  fs.rmSync((context.globalStorageUri as { fsPath: string }).fsPath, { recursive: true, force: true });
  process.exit(0);
}

void main();
