import { FakeGateway } from './fakeGateway';
import { loadDemoTasks } from './scenarios';

/** `npm run fake-gateway [-- --port N]`: the fake gateway with demo tasks, for manual tries. */
async function main(): Promise<void> {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag === -1 ? 0 : Number(process.argv[portFlag + 1]);
  const gateway = await FakeGateway.start(port);
  const ids = loadDemoTasks(gateway);
  process.stdout.write(
    [
      `Fake gateway listening on ${gateway.url}`,
      `  Set "anyapiVideo.baseUrl" to ${gateway.url}`,
      `  API key: ${gateway.apiKey}`,
      `  Demo task ids: ${ids.join(' ')}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = (): void => {
    void gateway.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
