import * as vscode from 'vscode';
import type { ApiKeyStore } from '../auth/apiKeyStore';
import { CommandId } from '../commandIds';
import type { PollerPause } from '../tasks/pollPause';
import { notify } from './notify';

/**
 * The one notification when polling pauses for a rejected key or a bad
 * setting, not one per task and not one per window: the poller announces a
 * pause once, in the window that polls; the others show it in their view.
 */
export function announcePause(pause: PollerPause, apiKeys: ApiKeyStore): void {
  if (pause.reason === 'keyOrigin' && pause.origin !== undefined) {
    const origin = pause.origin;
    // The button names the origin, and says "clear text" when it is one: pressing it is the user's informed yes.
    const allow = pause.clearText ? vscode.l10n.t('Send in Clear Text to {0}', origin) : vscode.l10n.t('Send Key to {0}', origin);
    const openSettings = vscode.l10n.t('Open Settings');
    void notify.warning(pause.message, allow, openSettings).then((choice) => {
      if (choice === allow) {
        void apiKeys.allowOrigin(origin);
      } else if (choice === openSettings) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'anyapiVideo.baseUrl');
      }
    });
    return;
  }
  if (pause.reason === 'auth') {
    const setKey = vscode.l10n.t('Set API Key');
    void notify.error(vscode.l10n.t('{0} Checks are paused until the key changes.', pause.message), setKey).then((choice) => {
      if (choice === setKey) {
        void vscode.commands.executeCommand(CommandId.setApiKey);
      }
    });
  } else if (pause.reason === 'config') {
    const openSettings = vscode.l10n.t('Open Settings');
    void notify.error(pause.message, openSettings).then((choice) => {
      if (choice === openSettings) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'anyapiVideo.baseUrl');
      }
    });
  }
}
