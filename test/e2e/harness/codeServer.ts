import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InstalledCodeServer } from './installCodeServer';
import { cleanEnv, freePort, run } from './processes';

export interface CodeServerOptions {
  /** The release to run, from `ensureCodeServer`. */
  readonly codeServer: InstalledCodeServer;
  /** `.vsix` files to install before starting. */
  readonly extensions: readonly string[];
  /** User settings written before the first start. */
  readonly settings: Record<string, unknown>;
  /** The opened folder's `.vscode/settings.json`, as a cloned repository would bring it. */
  readonly workspaceSettings?: Record<string, unknown>;
  /** Extra environment for the server and so for its extension host. */
  readonly env?: Record<string, string>;
  /** Port to bind; a free one when absent. */
  readonly port?: number;
  /** Display language of the workbench and the extension host, such as `zh-cn`. */
  readonly locale?: string;
  /** Files in the extension's global storage folder before the first start (name → JSON), such as stored tasks. */
  readonly extensionStorage?: Record<string, unknown>;
}

/** The extension's id, and the name of its global storage folder. */
export const EXTENSION_ID = 'anyapi.anyapi-video-tasks';

/** Process groups still running, ended when this process exits however it exits (Ctrl+C included). */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) {
    killGroup(pid, 'SIGKILL');
  }
});

/**
 * A code-server with a fresh user-data and extensions folder, bound to
 * 127.0.0.1, and everything it writes kept inside one temporary folder.
 */
export class CodeServer {
  private constructor(
    /** The code-server release running. */
    readonly release: InstalledCodeServer,
    private readonly child: ChildProcess,
    readonly url: string,
    readonly root: string,
    readonly logFile: string,
  ) {}

  static async start(options: CodeServerOptions): Promise<CodeServer> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'anyapi-video-e2e-'));
    const dirs = {
      userData: path.join(root, 'user-data'),
      extensions: path.join(root, 'extensions'),
      workspace: path.join(root, 'workspace'),
      config: path.join(root, 'config'),
      data: path.join(root, 'data'),
    };
    for (const dir of Object.values(dirs)) {
      fs.mkdirSync(dir, { recursive: true });
    }
    fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
    fs.writeFileSync(
      path.join(dirs.userData, 'User', 'settings.json'),
      JSON.stringify(
        {
          // The welcome page steals focus and closes quick inputs.
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'security.workspace.trust.enabled': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'extensions.autoCheckUpdates': false,
          ...options.settings,
        },
        null,
        2,
      ),
    );
    if (options.workspaceSettings) {
      fs.mkdirSync(path.join(dirs.workspace, '.vscode'));
      fs.writeFileSync(path.join(dirs.workspace, '.vscode', 'settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
    }
    if (options.locale) {
      writeLanguagePack(dirs.userData, options.locale);
    }
    const storage = path.join(dirs.userData, 'User', 'globalStorage', EXTENSION_ID);
    for (const [name, content] of Object.entries(options.extensionStorage ?? {})) {
      fs.mkdirSync(storage, { recursive: true });
      fs.writeFileSync(path.join(storage, name), JSON.stringify(content));
    }
    const env = cleanEnv({ XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, ...options.codeServer.env, ...options.env });
    const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
    for (const vsix of options.extensions) {
      await run(options.codeServer.bin, [...common, '--install-extension', vsix, '--force'], { env });
    }
    const port = options.port ?? (await freePort());
    const logFile = path.join(root, 'code-server.log');
    const log = fs.openSync(logFile, 'a');
    const child = spawn(
      options.codeServer.bin,
      [
        ...common,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        ...(options.locale ? ['--locale', options.locale] : []),
        dirs.workspace,
      ],
      // Its own process group, so stop() ends the extension host and watchers too.
      { env, detached: true, stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    if (child.pid !== undefined) {
      liveGroups.add(child.pid);
    }
    const server = new CodeServer(options.codeServer, child, `http://127.0.0.1:${port}`, root, logFile);
    try {
      await server.waitHealthy();
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }

  /** Ends code-server and everything it started, and removes its folder unless asked to keep it. */
  async stop(keepFiles = false): Promise<void> {
    if (this.child.exitCode === null && this.child.pid !== undefined) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      killGroup(this.child.pid, 'SIGTERM');
      const timedOut = await Promise.race([exited.then(() => false), delay(5000).then(() => true)]);
      if (timedOut) {
        killGroup(this.child.pid, 'SIGKILL');
        await exited;
      }
      liveGroups.delete(this.child.pid);
    }
    if (!keepFiles) {
      fs.rmSync(this.root, { recursive: true, force: true });
    }
  }

  /** The extension host's log of this run, for failure reports. */
  extensionHostLog(): string {
    const logs = path.join(this.root, 'user-data', 'logs');
    const found: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          walk(full);
        } else if (/exthost|AnyAPI Video/i.test(full)) {
          found.push(`--- ${path.relative(logs, full)}\n${fs.readFileSync(full, 'utf8')}`);
        }
      }
    };
    walk(logs);
    return found.join('\n');
  }

  private async waitHealthy(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`code-server exited with ${this.child.exitCode}:\n${fs.readFileSync(this.logFile, 'utf8').slice(-3000)}`);
      }
      try {
        const response = await fetch(`${this.url}/healthz`);
        if (response.ok) {
          return;
        }
      } catch {
        // Not listening yet.
      }
      await delay(200);
    }
    throw new Error(`code-server did not become healthy within 30 s:\n${fs.readFileSync(this.logFile, 'utf8').slice(-3000)}`);
  }
}

/**
 * code-server honours `--locale` only when a language pack for it is
 * installed, and the real packs live on the marketplace, out of reach here.
 * An empty pack (the form VS Code caches in `languagepacks.json`) makes the
 * workbench run in that locale with its own strings left in English, which is
 * all the extension's bundles key on.
 */
function writeLanguagePack(userData: string, locale: string): void {
  const translations = path.join(userData, 'empty-language-pack.i18n.json');
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  fs.writeFileSync(
    path.join(userData, 'languagepacks.json'),
    JSON.stringify({
      [locale]: {
        hash: 'empty',
        label: locale,
        extensions: [{ extensionIdentifier: { id: 'anyapi-e2e.empty-language-pack' }, version: '0.0.0' }],
        translations: { vscode: translations },
      },
    }),
  );
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
