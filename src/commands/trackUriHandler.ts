import * as vscode from 'vscode';
import { CommandId, ViewId } from '../commandIds';
import { idsFromTaskLinkQuery, TASK_LINK_PATH } from '../tasks/taskLink';

/**
 * Opens links to `<scheme>://anyapi.anyapi-video-tasks/track?id=…`: shows the
 * view and tracks the ids through "Track Video Task", which checks them and
 * says what it did. VS Code asks the user before a link reaches this handler.
 */
export function registerTrackUriHandler(): vscode.Disposable {
  return vscode.window.registerUriHandler({
    handleUri: async (uri) => {
      if (uri.path !== TASK_LINK_PATH) {
        void vscode.window.showErrorMessage(vscode.l10n.t('AnyAPI Video cannot open this link: {0}', uri.toString(true).slice(0, 200)));
        return;
      }
      const ids = idsFromTaskLinkQuery(uri.query);
      if (ids.length === 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The link names no task: it needs ?id=<task id>.'));
        return;
      }
      await vscode.commands.executeCommand(`${ViewId.tasks}.focus`);
      await vscode.commands.executeCommand(CommandId.trackTask, ids);
    },
  });
}
