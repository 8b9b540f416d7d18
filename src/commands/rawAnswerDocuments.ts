import * as vscode from 'vscode';
import type { RawAnswers } from '../tasks/rawAnswers';

/** Read-only documents of last answers: `anyapi-video-raw:/<task id>.jsonc`. */
export const RAW_ANSWER_SCHEME = 'anyapi-video-raw';

/** The document Show Raw Response opens for a task. */
export function rawAnswerUri(taskId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RAW_ANSWER_SCHEME, path: `/${encodeURIComponent(taskId)}.jsonc` });
}

/** The text of a raw-answer document (see `LazyFeatures.provideRawAnswers`). */
export async function rawAnswerDocument(uri: vscode.Uri, rawAnswers: RawAnswers): Promise<string> {
  const taskId = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.jsonc$/, ''));
  const answer = await rawAnswers.read(taskId);
  if (answer === undefined) {
    return `// ${vscode.l10n.t('No answer from the gateway is kept for {0} yet.', taskId)}\n`;
  }
  const header = vscode.l10n.t('The last answer for {0}: HTTP {1}, received {2}. The API key is never shown here.', taskId, answer.httpStatus, answer.receivedAt);
  return `// ${header}\n${answer.text}\n`;
}
