import * as path from 'node:path';

/** The repository root, from out/test/e2e/harness. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** Downloaded or installed test tools live here; git ignores it. */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
/** Screenshots and logs of end-to-end runs; CI keeps this folder. */
export const RESULTS_DIR = path.join(REPO_ROOT, 'test-results', 'e2e');
