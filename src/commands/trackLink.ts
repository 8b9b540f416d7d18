import * as vscode from 'vscode';
import { CommandId, ViewId } from '../commandIds';
import { notify } from '../notifications/notify';
import { MAX_IDS_PER_INPUT, parseTaskIds } from '../tasks/parseTaskIds';
import { idsFromTaskLinkQuery, TASK_LINK_PATH } from '../tasks/taskLink';

/**
 * Opens a link to `<scheme>://anyapi.anyapi-video-tasks/track?id=…`: shows the
 * view and tracks the ids through "Track Video Task". VS Code asks the user
 * before a link reaches this handler; still, a link comes from someone else,
 * so what it says is never echoed into a notification (they render links), a
 * link names at most as many ids as a paste, and Track Video Task lists more
 * than a few in a question before anything is tracked.
 */
export async function openTrackLink(uri: vscode.Uri): Promise<void> {
  if (uri.path !== TASK_LINK_PATH) {
    void notify.error(vscode.l10n.t('AnyAPI Video cannot open this link: it does not point to /track.'));
    return;
  }
  const ids = idsFromTaskLinkQuery(uri.query);
  if (ids.length === 0) {
    void notify.error(vscode.l10n.t('The link names no task: it needs ?id=<task id>.'));
    return;
  }
  if (ids.length > MAX_IDS_PER_INPUT) {
    void notify.error(vscode.l10n.t('The link names {0} tasks; a link may name at most {1}, so nothing was tracked.', ids.length, MAX_IDS_PER_INPUT));
    return;
  }
  const parsed = parseTaskIds(ids.join(' '));
  if ('error' in parsed) {
    void notify.error(vscode.l10n.t('The link names something that is not a task id, so nothing was tracked.'));
    return;
  }
  await vscode.commands.executeCommand(`${ViewId.tasks}.focus`);
  await vscode.commands.executeCommand(CommandId.trackTask, parsed.ids);
}
