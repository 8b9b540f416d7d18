import * as vscode from 'vscode';
import type { Settings } from '../settings';
import { notify } from './notify';

/** Says, once per change, when a setting was out of range and which value is used instead. */
export function registerSettingsNotifier(settings: Settings): vscode.Disposable {
  let shown = '';
  const show = (): void => {
    const notices = settings.notices.join(' ');
    if (notices === shown) {
      return;
    }
    shown = notices;
    if (notices !== '') {
      const openSettings = vscode.l10n.t('Open Settings');
      void notify.warning(notices, openSettings).then((choice) => {
        if (choice === openSettings) {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'anyapiVideo');
        }
      });
    }
  };
  show();
  return settings.onDidChange(show);
}
