import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { notify } from '../notifications/notify';
import type { CommandDeps, CommandHandlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

/** Read-only documents of last answers: `anyapi-video-raw:/<task id>.jsonc`. */
const SCHEME = 'anyapi-video-raw';

/**
 * "Show Raw Response": the last answer the gateway sent for a task, in a
 * read-only editor, so a shape the extension does not understand can be seen
 * and reported. The answers themselves are kept by `RawAnswers`. The
 * document provider is registered with the handler, on first use; `owned`
 * receives it so it is disposed with the features.
 */
export function rawAnswerHandlers({ store, rawAnswers }: CommandDeps, owned: vscode.Disposable[]): CommandHandlers {
  owned.push(
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
      provideTextDocumentContent: async (uri) => {
        const taskId = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.jsonc$/, ''));
        const answer = await rawAnswers.read(taskId);
        if (answer === undefined) {
          return `// ${vscode.l10n.t('No answer from the gateway is kept for {0} yet.', taskId)}\n`;
        }
        const header = vscode.l10n.t('The last answer for {0}: HTTP {1}, received {2}. The API key is never shown here.', taskId, answer.httpStatus, answer.receivedAt);
        return `// ${header}\n${answer.text}\n`;
      },
    }),
  );
  return {
    [CommandId.showRawResponse]: async (...args: unknown[]) => {
      const [id] = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Show the last answer for which task?') });
      if (id === undefined) {
        return;
      }
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: SCHEME, path: `/${encodeURIComponent(id)}.jsonc` }));
        await vscode.window.showTextDocument(document, { preview: true });
      } catch (error) {
        void notify.error(vscode.l10n.t('Could not show the answer for {0}: {1}', id, error instanceof Error ? error.message : String(error)));
      }
    },
  };
}
