import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Poller } from '../tasks/poller';

/**
 * One notification when polling pauses for a rejected key or a bad setting,
 * not one per task: the poller reports a pause once until it is lifted.
 */
export function registerPauseNotifier(poller: Poller): vscode.Disposable {
  return poller.onDidChangePause((pause) => {
    if (pause?.reason === 'auth') {
      void vscode.window.showErrorMessage(`${pause.message} Checks are paused until the key changes.`, 'Set API Key').then((choice) => {
        if (choice === 'Set API Key') {
          void vscode.commands.executeCommand(CommandId.setApiKey);
        }
      });
    } else if (pause?.reason === 'config') {
      void vscode.window.showErrorMessage(pause.message, 'Open Settings').then((choice) => {
        if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'anyapiVideo.baseUrl');
        }
      });
    }
  });
}
