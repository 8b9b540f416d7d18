import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { cleanEnv, run } from './processes';

export const VSIX_PATH = path.join(REPO_ROOT, 'dist', 'anyapi-video-tasks.vsix');

let packed: Promise<string> | undefined;

/**
 * Packs the `.vsix` exactly as a release would (vsce runs the production
 * build first), once per test process: the sources do not change during a
 * run, and each pack costs every suite about ten seconds.
 */
export function buildVsix(): Promise<string> {
  packed ??= run('npm', ['run', 'vsix'], { cwd: REPO_ROOT, env: cleanEnv() }).then(() => VSIX_PATH);
  return packed;
}
