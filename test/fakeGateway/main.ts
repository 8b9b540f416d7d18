import { FakeGateway } from './fakeGateway';
import { loadDemoTasks } from './scenarios';

/** The number after `--name` on the command line, or `fallback`. */
function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
}

/**
 * `npm run fake-gateway [-- --port N]`: the fake gateway with demo tasks, for
 * manual tries. The benchmark also runs it in its own process with
 * `--latency MS` (delay before every answer) and `--running N` (tasks
 * `run-0` … `run-N-1`, always processing).
 */
async function main(): Promise<void> {
  const gateway = await FakeGateway.start(flag('port', 0));
  gateway.latencyMs = flag('latency', 0);
  for (let i = 0; i < flag('running', 0); i++) {
    gateway.setTask(`run-${i}`, [{ id: `run-${i}`, status: 'processing', progress: 50 }]);
  }
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
