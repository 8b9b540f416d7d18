import * as vscode from 'vscode';
import type { RawAnswers } from '../tasks/rawAnswers';

/** Read-only documents of last answers: `anyapi-video-raw:/<task id>.jsonc`. */
const SCHEME = 'anyapi-video-raw';

/** The document Show Raw Response opens for a task. */
export function rawAnswerUri(taskId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${encodeURIComponent(taskId)}.jsonc` });
}

/**
 * Provides the raw-answer documents. Registered at activation, not with the
 * command: VS Code restores an open raw-answer tab after a reload, before
 * anyone runs the command again.
 */
export function registerRawAnswerDocuments(rawAnswers: RawAnswers): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEME, {
    provideTextDocumentContent: async (uri) => {
      const taskId = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.jsonc$/, ''));
      const answer = await rawAnswers.read(taskId);
      if (answer === undefined) {
        return `// ${vscode.l10n.t('No answer from the gateway is kept for {0} yet.', taskId)}\n`;
      }
      const header = vscode.l10n.t('The last answer for {0}: HTTP {1}, received {2}. The API key is never shown here.', taskId, answer.httpStatus, answer.receivedAt);
      return `// ${header}\n${answer.text}\n`;
    },
  });
}
