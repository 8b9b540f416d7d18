import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import { canKeepCopy, type KeptCopies } from '../tasks/keptCopies';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

/** "Keep a Copy": the video into the extension's storage, with progress and Cancel, before its link expires. */
export function keepCopyHandlers({ store }: CommandDeps, copies: KeptCopies): Handlers<typeof CommandId.keepCopy> {
  return {
    [CommandId.keepCopy]: async (...args: unknown[]) => {
      const ids = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Keep a copy of which videos?'), canPickMany: true, filter: canKeepCopy });
      for (const task of ids.flatMap((id) => store.get(id) ?? [])) {
        if (!canKeepCopy(task)) {
          continue; // Kept already, or no video of its own.
        }
        try {
          const bytes = await notify.progress(vscode.l10n.t('Keeping a copy of {0}…', task.id), true, (progress, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return copies.keep(task, abort.signal, ({ receivedBytes }) => progress.report({ message: megabytes(receivedBytes) }));
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
