import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from './paths';
import { cleanEnv, run } from './processes';

/** The last code-server whose VS Code runs on Node 20 (newer ones need Node 22). */
export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep that code-server's VS Code depends on, and the rg build it downloads. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

const INSTALL_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = path.join(INSTALL_DIR, 'node_modules', '.bin', 'code-server');

/**
 * Installs code-server into the project's cache folder if it is not there.
 * Two install steps would reach the internet, so they are fed locally:
 * @vscode/ripgrep finds Debian's `rg` in its download cache, and node-pty's
 * `npx node-gyp` runs without asking.
 */
export async function ensureCodeServer(log: (line: string) => void): Promise<string> {
  if (fs.existsSync(CODE_SERVER_BIN) && fs.existsSync(path.join(INSTALL_DIR, 'installed'))) {
    return CODE_SERVER_BIN;
  }
  await checkPrerequisites();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), INSTALL_DIR)} (once, about a minute)…`);
  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), JSON.stringify({ private: true }));
  const tmp = path.join(INSTALL_DIR, 'tmp');
  await seedRipgrep(tmp);
  await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: INSTALL_DIR,
    env: cleanEnv({ TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' }),
  });
  fs.writeFileSync(path.join(INSTALL_DIR, 'installed'), CODE_SERVER_VERSION);
  return CODE_SERVER_BIN;
}

/** Debian packages code-server's install needs, by a command each provides. */
const PREREQUISITES: readonly [command: string, aptPackage: string][] = [
  ['rg', 'ripgrep'],
  ['pkg-config', 'pkg-config'],
  ['krb5-config', 'libkrb5-dev'],
  ['make', 'build-essential'],
  ['g++', 'build-essential'],
  ['python3', 'python3'],
];

async function checkPrerequisites(): Promise<void> {
  const missing = new Set<string>();
  for (const [command, aptPackage] of PREREQUISITES) {
    await run('sh', ['-c', `command -v ${command}`]).catch(() => missing.add(aptPackage));
  }
  if (missing.size > 0) {
    throw new Error(
      `code-server cannot be installed: missing ${[...missing].join(', ')}. Install with:\n` +
        `  sudo apt-get install -y ${[...missing].join(' ')}`,
    );
  }
}

async function seedRipgrep(tmp: string): Promise<void> {
  const rg = (await run('sh', ['-c', 'command -v rg'])).trim();
  const cache = path.join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const staging = path.join(tmp, 'rg-staging');
  fs.mkdirSync(cache, { recursive: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  await run('tar', ['-czf', path.join(cache, RIPGREP_ASSET), '-C', staging, 'rg']);
}
