import * as fs from 'node:fs';
import type { SuiteResult } from '../../integration/index';

/**
 * A tiny extension that runs test/integration inside code-server's Node
 * extension host, the same suite @vscode/test-electron runs in desktop
 * VS Code, and writes what it found where the harness waits for it.
 */
export async function activate(): Promise<void> {
  const suite = process.env.ANYAPI_VIDEO_INTEGRATION_SUITE;
  const resultFile = process.env.ANYAPI_VIDEO_INTEGRATION_RESULT;
  if (!suite || !resultFile) {
    return;
  }
  let result: SuiteResult;
  try {
    const { runSuite } = require(suite) as typeof import('../../integration/index');
    result = await runSuite();
  } catch (error) {
    result = { passed: [], failed: [{ title: 'the integration suite could not run', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }] };
  }
  fs.writeFileSync(resultFile, JSON.stringify(result));
}
