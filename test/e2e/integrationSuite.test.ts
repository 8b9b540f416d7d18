import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SuiteResult } from '../integration/index';
import { buildIntegrationRunner } from './harness/integrationRunner';
import { REPO_ROOT } from './harness/paths';
import { recordScenarios, Session } from './harness/session';

/** The suite @vscode/test-electron runs, run here inside code-server's Node extension host so it never rots. */
describe('Integration suite inside code-server', function () {
  this.timeout(240_000);
  let session: Session | undefined;
  let runnerVsix: string | undefined;
  const resultDir = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-integration-'));
  const resultFile = path.join(resultDir, 'result.json');

  before(async () => {
    runnerVsix = await buildIntegrationRunner();
    session = await Session.start({
      name: 'integration',
      extraExtensions: [runnerVsix],
      env: {
        ANYAPI_VIDEO_INTEGRATION_SUITE: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
        ANYAPI_VIDEO_INTEGRATION_RESULT: resultFile,
      },
    });
  });
  recordScenarios(() => session);
  after(() => {
    fs.rmSync(resultDir, { recursive: true, force: true });
    if (runnerVsix) {
      fs.rmSync(path.dirname(runnerVsix), { recursive: true, force: true });
    }
  });

  it('passes every integration test', async () => {
    const deadline = Date.now() + 180_000;
    while (!fs.existsSync(resultFile)) {
      assert.ok(Date.now() < deadline, `the suite wrote no result within 180 s; see ${session?.server.root}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
    for (const title of result.passed) {
      process.stdout.write(`      ✓ ${title}\n`);
    }
    assert.deepEqual(
      result.failed.map((failure) => `${failure.title}\n${failure.error}`),
      [],
      `${result.failed.length} integration test(s) failed inside code-server`,
    );
    assert.ok(result.passed.length >= 7, `only ${result.passed.length} integration tests ran`);
  });
});
