import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CODE_SERVER_RELEASES, ensureCodeServer, type CodeServerRole } from '../e2e/harness/installCodeServer';

/**
 * `npm run test:compat [-- floor|newest|main …]`: the smoke suite in each
 * named code-server release, one after the other. Each is installed on first
 * use before its suite starts (the newest takes minutes, longer than a
 * suite's set-up may). Without names: the floor, the oldest VS Code
 * `engines.vscode` allows, and the newest release verified.
 */
async function main(): Promise<void> {
  const roles = process.argv.length > 2 ? process.argv.slice(2) : ['floor', 'newest'];
  const unknown = roles.filter((role) => !Object.hasOwn(CODE_SERVER_RELEASES, role));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown release ${unknown.join(', ')}; choose from ${Object.keys(CODE_SERVER_RELEASES).join(', ')}.\n`);
    process.exitCode = 2;
    return;
  }
  const mocha = require.resolve('mocha/bin/mocha.js');
  const failed: string[] = [];
  for (const role of roles as CodeServerRole[]) {
    const { version } = CODE_SERVER_RELEASES[role];
    process.stdout.write(`\ncode-server ${version} (${role})\n`);
    try {
      await ensureCodeServer((line) => process.stdout.write(`  ${line}\n`), CODE_SERVER_RELEASES[role]);
    } catch (error) {
      process.stderr.write(`  ${error instanceof Error ? error.message : String(error)}\n`);
      failed.push(`${role} (code-server ${version}, not installed)`);
      continue;
    }
    const result = spawnSync(process.execPath, [mocha, '--timeout', '300000', path.join(__dirname, 'smoke.test.js')], {
      env: { ...process.env, ANYAPI_E2E_CODE_SERVER: role },
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      failed.push(`${role} (code-server ${version})`);
    }
  }
  if (failed.length > 0) {
    process.stderr.write(`\nThe smoke test failed in ${failed.join(' and ')}.\n`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
