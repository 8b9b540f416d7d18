import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';
import { rawAnswerUri } from './rawAnswerDocuments';

/**
 * "Show Raw Response": the last answer the gateway sent for a task, in a
 * read-only editor, so a shape the extension does not understand can be seen
 * and reported. The answers are kept by `RawAnswers` and shown by the
 * document provider of `rawAnswerDocuments.ts`.
 */
export function rawAnswerHandlers({ store }: CommandDeps): Handlers<typeof CommandId.showRawResponse> {
  return {
    [CommandId.showRawResponse]: async (...args: unknown[]) => {
      const [id] = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Show the last answer for which task?') });
      if (id === undefined) {
        return;
      }
      try {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rawAnswerUri(id)), { preview: true });
      } catch (error) {
        void notify.error(vscode.l10n.t('Could not show the answer for {0}: {1}', id, errorMessage(error)));
      }
    },
  };
}
