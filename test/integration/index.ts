import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/** What a run of the suite found; the code-server runner reports it to the end-to-end harness. */
export interface SuiteResult {
  readonly passed: string[];
  readonly failed: { readonly title: string; readonly error: string }[];
}

/** Runs every `*.test.js` beside this file inside the extension host it is loaded in. */
export async function runSuite(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'bdd', color: true, timeout: 30_000 });
  for (const file of fs.readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const result: SuiteResult = { passed: [], failed: [] };
  await new Promise<void>((resolve) => {
    mocha
      .run(() => resolve())
      .on('pass', (test) => result.passed.push(test.fullTitle()))
      .on('fail', (test, error: Error) => result.failed.push({ title: test.fullTitle(), error: error.stack ?? String(error) }));
  });
  return result;
}

/** Entry point @vscode/test-electron calls. */
export async function run(): Promise<void> {
  const { failed } = await runSuite();
  if (failed.length > 0) {
    throw new Error(`${failed.length} integration test(s) failed.`);
  }
}
