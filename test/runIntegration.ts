import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * Runs test/integration inside VS Code with @vscode/test-electron.
 * `--download` lets it download VS Code (developer machines with internet);
 * without it, a VS Code must be given in VSCODE_EXECUTABLE, because tests
 * and CI never reach the internet.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath && !process.argv.includes('--download')) {
    process.stdout.write(
      'Integration tests NOT RUN: no VS Code here. Set VSCODE_EXECUTABLE to a VS Code binary, ' +
        'or run `npm run test:integration -- --download` on a machine that can download one.\n',
    );
    return;
  }
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'integration', 'index.js'),
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`Integration tests failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
