import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import type { KeptCopies } from '../tasks/keptCopies';
import type { TrackedTask } from '../tasks/trackedTask';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

/** "Keep a Copy": the video into the extension's storage, with progress and Cancel, before its link expires. */
export function keepCopyHandlers({ store }: CommandDeps, copies: KeptCopies): Handlers<typeof CommandId.keepCopy> {
  return {
    [CommandId.keepCopy]: async (...args: unknown[]) => {
      const keepable = (task: TrackedTask): boolean => copies.keepable(task);
      const ids = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Keep a copy of which videos?'), canPickMany: true, filter: keepable });
      for (const task of ids.flatMap((id) => store.get(id) ?? [])) {
        if (!keepable(task)) {
          void notify.info(vscode.l10n.t('Task {0} has no video link a copy could be kept of.', task.id));
          continue;
        }
        try {
          const bytes = await notify.progress(vscode.l10n.t('Keeping a copy of {0}…', task.id), true, async (progress, token) => {
            const abort = new AbortController();
            const cancelled = token.onCancellationRequested(() => abort.abort());
            try {
              return await copies.keep(task, abort.signal, ({ receivedBytes }) => progress.report({ message: megabytes(receivedBytes) }));
            } finally {
              cancelled.dispose();
            }
          });
          void notify.flash(vscode.l10n.t('Kept a copy of {0} ({1})', task.id, megabytes(bytes)), 4000);
        } catch (error) {
          void notify.error(vscode.l10n.t('Could not keep a copy of {0}: {1}', task.id, errorMessage(error)));
        }
      }
    },
  };
}

/** "12.3 MB". */
export function megabytes(bytes: number): string {
  return vscode.l10n.t('{0} MB', (bytes / 1048576).toFixed(1));
}
