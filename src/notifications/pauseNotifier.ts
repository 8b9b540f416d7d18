import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import type { Poller } from '../tasks/poller';

/**
 * One notification when polling pauses for a rejected key or a bad setting,
 * not one per task: the poller reports a pause once until it is lifted.
 */
export function registerPauseNotifier(poller: Poller, apiKeys: ApiKeyStore): vscode.Disposable {
  return poller.onDidChangePause((pause) => {
    if (pause?.reason === 'keyOrigin' && pause.origin !== undefined) {
      const origin = pause.origin;
      const allow = `Send Key to ${origin}`;
      void vscode.window.showWarningMessage(pause.message, { modal: false }, allow, 'Open Settings').then((choice) => {
        if (choice === allow) {
          void apiKeys.allowOrigin(origin);
        } else if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'anyapiVideo.baseUrl');
        }
      });
      return;
    }
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
