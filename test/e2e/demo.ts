import * as fs from 'node:fs';
import * as path from 'node:path';
import { FakeGateway } from '../fakeGateway/fakeGateway';
import { loadDemoTasks, loadRealGatewayTasks } from '../fakeGateway/scenarios';
import { buildVsix } from './harness/buildVsix';
import { CodeServer } from './harness/codeServer';
import { ensureCodeServer } from './harness/installCodeServer';

/**
 * `npm start`: the whole product in a browser, without an API key. Starts the
 * fake gateway with demo tasks and code-server with the packaged extension
 * pointed at it, then prints the URL. Ctrl+C stops both. `PORT` picks the
 * port, `LOCALE` (e.g. `zh-cn`) the display language.
 */
async function main(): Promise<void> {
  const say = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const codeServer = await ensureCodeServer(say);
  say('Packing the extension…');
  const vsix = await buildVsix();
  const gateway = await FakeGateway.start();
  gateway.apiKey = undefined; // The demo gateway takes any key.
  const ids = [...loadDemoTasks(gateway), ...loadRealGatewayTasks(gateway)];
  const port = Number(process.env.PORT ?? 8080);
  const server = await CodeServer.start({
    codeServer,
    extensions: [vsix],
    settings: {
      'anyapiVideo.baseUrl': gateway.url,
      'anyapiVideo.pollIntervalSeconds': 3,
      'workbench.startupEditor': 'readme',
    },
    port,
    locale: process.env.LOCALE,
  });
  fs.writeFileSync(path.join(server.root, 'workspace', 'README.md'), demoGuide(ids));
  say('');
  say(`  AnyAPI Video demo: open ${server.url} in your browser`);
  say('');
  say('  1. Click the AnyAPI Video icon in the activity bar.');
  say('  2. Run "Set API Key" and type anything: the demo gateway accepts any key.');
  say('  3. Run "Track Video Task" and paste:');
  say(`     ${ids.join(' ')}`);
  say('');
  say(`  Fake gateway: ${gateway.url}   Press Ctrl+C to stop.`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    await server.stop();
    await gateway.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function demoGuide(ids: readonly string[]): string {
  return `# AnyAPI Video demo

This VS Code runs the packaged extension against a fake gateway on your machine.

1. Open the **AnyAPI Video** view from the activity bar (the film icon).
2. Run **AnyAPI Video: Set API Key** (F1) and type anything: the demo gateway accepts any key.
3. Run **AnyAPI Video: Track Video Task** and paste these ids, all at once:

\`\`\`
${ids.join(' ')}
\`\`\`

One is ready, one renders for a few seconds and then finishes, one stays queued, and one fails.
Click a task to open its preview.
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
