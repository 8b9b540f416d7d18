import * as path from 'node:path';
import type { TrackedTask } from '../tasks/trackedTask';

/** Where automatic downloads go, and whether it must stay inside the workspace. */
export interface AutoDownloadFolder {
  readonly folder: string;
  /** Set when the setting is relative to the workspace: the folder (after symlinks) must stay inside it. */
  readonly within?: string;
}

/**
 * `anyapiVideo.autoDownloadFolder` as a folder: `${workspaceFolder}` and `~`
 * expanded, a relative path inside the first workspace folder. A path
 * relative to the workspace may not leave it (`../..`); an absolute or `~`
 * path is the user's own choice. Undefined when off or not resolvable now.
 */
export function resolveAutoDownloadFolder(setting: string, workspace: string | undefined, home: string): AutoDownloadFolder | undefined {
  const trimmed = setting.trim();
  if (trimmed === '') {
    return undefined;
  }
  const usesWorkspace = trimmed.includes('${workspaceFolder}');
  const expanded = trimmed.replace(/\$\{workspaceFolder\}/g, workspace ?? '').replace(/^~(?=$|[\\/])/, home);
  const relative = usesWorkspace || !path.isAbsolute(expanded);
  if (!relative) {
    return { folder: path.normalize(expanded) };
  }
  if (workspace === undefined) {
    return undefined;
  }
  const folder = path.resolve(workspace, expanded);
  return isInside(folder, workspace) ? { folder, within: workspace } : undefined;
}

/** Whether `child` is `parent` or below it. */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** Whether a task that just finished is one automatic downloads save: only a ready video, and only with the setting on. */
export function wantsAutoDownload(task: TrackedTask, setting: string): boolean {
  return setting.trim() !== '' && task.snapshot?.status === 'succeeded' && task.snapshot.videoUrl !== undefined;
}
