import * as vscode from 'vscode';
import type { Settings } from '../settings';
import { notify } from './notify';

/** Says, once per change, when a setting was out of range and which value is used instead; call it when settings change. */
export function settingsNotices(settings: Settings): () => void {
  let shown = '';
  return (): void => {
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
}
