import * as vscode from 'vscode';
import { notify } from '../notifications/notify';
import type { TaskStore } from '../tasks/taskStore';
import type { TrackedTask } from '../tasks/trackedTask';
import { plainLabel } from '../untrustedText';
import { compareTasks, statusLabel, truncate } from '../views/taskPresentation';

interface PickOptions {
  readonly placeHolder: string;
  readonly canPickMany?: boolean;
  /** Only tasks this accepts are offered. */
  readonly filter?: (task: TrackedTask) => boolean;
}

/**
 * The tasks a command should act on: the ids it was called with (a tree item
 * and the tree's selection, or ids from another command), or, from the
 * Command Palette, the user's choice in a quick pick.
 */
export async function resolveTaskIds(args: readonly unknown[], store: TaskStore, options: PickOptions): Promise<string[]> {
  const given = taskIdsFromArguments(args, store);
  if (given !== undefined) {
    return options.canPickMany ? given : given.slice(0, 1);
  }
  return pick(store, options);
}

/**
 * Tracked ids from a command's arguments, or undefined when it got none.
 * A tree passes the clicked item and the whole selection; the selection
 * counts only when it includes the clicked item, as in VS Code's own views.
 */
export function taskIdsFromArguments(args: readonly unknown[], store: TaskStore): string[] | undefined {
  const [first, selection] = args;
  let candidates: unknown[];
  if (typeof first === 'string') {
    candidates = Array.isArray(selection) && selection.includes(first) ? selection : [first];
  } else if (Array.isArray(first)) {
    candidates = first;
  } else {
    return undefined;
  }
  return candidates.filter((id): id is string => typeof id === 'string' && store.get(id) !== undefined);
}

async function pick(store: TaskStore, options: PickOptions): Promise<string[]> {
  const tasks = store.all().filter(options.filter ?? (() => true)).sort(compareTasks);
  if (tasks.length === 0) {
    void notify.info(
      store.size === 0 ? vscode.l10n.t('No video tasks are tracked yet.') : vscode.l10n.t('No tracked task fits this command.'),
    );
    return [];
  }
  // The gateway's words are shown as text: a quick pick draws `$(name)` as an icon.
  const items = tasks.map((task) => ({
    label: plainLabel(task.id),
    description: plainLabel(statusLabel(task)),
    detail: task.snapshot?.prompt === undefined ? undefined : plainLabel(truncate(task.snapshot.prompt, 100)),
    id: task.id,
  }));
  if (options.canPickMany) {
    const picked = await vscode.window.showQuickPick(items, { placeHolder: options.placeHolder, canPickMany: true, matchOnDetail: true });
    return (picked ?? []).map((item) => item.id);
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: options.placeHolder, matchOnDetail: true });
  return picked ? [picked.id] : [];
}
