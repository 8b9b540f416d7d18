import * as vscode from 'vscode';
import { CommandId, ViewId } from '../commandIds';
import { parseTaskIds } from '../tasks/parseTaskIds';
import { idsFromTaskLinkQuery, TASK_LINK_PATH } from '../tasks/taskLink';
import { notify } from '../notifications/notify';

/**
 * Opens links to `<scheme>://anyapi.anyapi-video-tasks/track?id=…`: shows the
 * view and tracks the ids through "Track Video Task". VS Code asks the user
 * before a link reaches this handler; still, a link comes from someone else,
 * so what it says is never echoed into a notification (they render links).
 */
export function registerTrackUriHandler(): vscode.Disposable {
  return vscode.window.registerUriHandler({
    handleUri: async (uri) => {
      if (uri.path !== TASK_LINK_PATH) {
        void notify.error(vscode.l10n.t('AnyAPI Video cannot open this link: it does not point to /track.'));
        return;
      }
      const ids = idsFromTaskLinkQuery(uri.query);
      if (ids.length === 0) {
        void notify.error(vscode.l10n.t('The link names no task: it needs ?id=<task id>.'));
        return;
      }
      const parsed = parseTaskIds(ids.join(' '));
      if ('error' in parsed) {
        void notify.error(vscode.l10n.t('The link names something that is not a task id, so nothing was tracked.'));
        return;
      }
      await vscode.commands.executeCommand(`${ViewId.tasks}.focus`);
      await vscode.commands.executeCommand(CommandId.trackTask, parsed.ids);
    },
  });
}
