import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { cleanEnv, run } from './processes';

/** Packs test/e2e/integrationRunner (compiled) into a `.vsix` that code-server can install. */
export async function buildIntegrationRunner(): Promise<string> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-runner-'));
  const manifest = {
    name: 'anyapi-video-integration-runner',
    displayName: 'AnyAPI Video integration test runner',
    description: 'Runs the integration suite inside code-server; for tests only.',
    version: '0.0.0',
    publisher: 'anyapi',
    private: true,
    engines: { vscode: '^1.96.0' },
    main: './extension.js',
    activationEvents: ['onStartupFinished'],
    extensionDependencies: ['anyapi.anyapi-video-tasks'],
  };
  fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify(manifest, null, 2));
  fs.copyFileSync(path.join(REPO_ROOT, 'out', 'test', 'e2e', 'integrationRunner', 'extension.js'), path.join(staging, 'extension.js'));
  fs.writeFileSync(path.join(staging, 'README.md'), manifest.description);
  const vsix = path.join(staging, 'runner.vsix');
  await run(path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce'), ['package', '--skip-license', '--allow-missing-repository', '--out', vsix], {
    cwd: staging,
    env: cleanEnv(),
  });
  return vsix;
}
