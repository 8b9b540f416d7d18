import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { notify } from '../notifications/notify';
import type { RawAnswers } from '../tasks/rawAnswers';
import type { TaskStore } from '../tasks/taskStore';
import { resolveTaskIds } from './pickTasks';

/** Read-only documents of last answers: `anyapi-video-raw:/<task id>.jsonc`. */
const SCHEME = 'anyapi-video-raw';

/**
 * "Show Raw Response": the last answer the gateway sent for a task, in a
 * read-only editor, so a shape the extension does not understand can be seen
 * and reported. The answers themselves are kept by {@link RawAnswers}; this
 * removes a task's answer when the task is removed.
 */
export function registerRawAnswers(store: TaskStore, rawAnswers: RawAnswers): vscode.Disposable {
  return vscode.Disposable.from(
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
    vscode.commands.registerCommand(CommandId.showRawResponse, async (...args: unknown[]) => {
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
    }),
    store.onDidChange((change) => {
      if (change.membership) {
        void rawAnswers.remove(change.ids.filter((id) => store.get(id) === undefined));
      }
    }),
  );
}
