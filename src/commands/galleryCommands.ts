import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Comparison } from '../compare/comparePanel';
import type { Gallery } from '../gallery/galleryPanel';
import { notify } from '../notifications/notify';
import { isTerminalTask } from '../tasks/trackedTask';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

/** Open Gallery, and Compare: two tasks from the tree's selection, the gallery or a quick pick. */
export function galleryHandlers({ store }: CommandDeps, gallery: Gallery, comparison: Comparison): Handlers<typeof CommandId.openGallery | typeof CommandId.compareTasks> {
  return {
    [CommandId.openGallery]: () => gallery.open(),
    [CommandId.compareTasks]: async (...args: unknown[]) => {
      const chosen = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Choose two finished tasks to compare'), canPickMany: true, filter: isTerminalTask });
      // Ids from the view's selection or another command skip the pick's filter: checked here too.
      const ids = [...new Set(chosen)].filter((id) => {
        const task = store.get(id);
        return task !== undefined && isTerminalTask(task);
      });
      if (ids.length === 2) {
        comparison.open([ids[0], ids[1]]);
      } else if (chosen.length > 0) {
        void notify.info(vscode.l10n.t('Compare shows two finished tasks side by side: choose exactly two.'));
      }
    },
  };
}
