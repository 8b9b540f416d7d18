import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { cleanEnv, run } from './processes';

export const VSIX_PATH = path.join(REPO_ROOT, 'dist', 'anyapi-video-tasks.vsix');

/** Packs the `.vsix` exactly as a release would (vsce runs the production build first). */
export async function buildVsix(): Promise<string> {
  await run('npm', ['run', 'vsix'], { cwd: REPO_ROOT, env: cleanEnv() });
  return VSIX_PATH;
}
