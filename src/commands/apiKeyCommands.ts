import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CommandDeps } from './commandDeps';
import { notify } from '../notifications/notify';

/** "Set API Key" and "Clear API Key". The key goes to SecretStorage and nowhere else. */
export function registerApiKeyCommands({ apiKeys }: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(CommandId.setApiKey, async (given?: unknown) => {
      const key = typeof given === 'string' ? given.trim() : await askForKey();
      if (!key) {
        return;
      }
      await apiKeys.set(key);
      void notify.flash(vscode.l10n.t('AnyAPI Video: API key saved'), 4000);
    }),
    vscode.commands.registerCommand(CommandId.clearApiKey, async () => {
      if (apiKeys.current === undefined) {
        void notify.info(vscode.l10n.t('No AnyAPI key is set.'));
        return;
      }
      await apiKeys.clear();
      void notify.info(vscode.l10n.t('The AnyAPI key was removed. Tracked tasks are kept; checks resume when a key is set.'));
    }),
  );
}

async function askForKey(): Promise<string | undefined> {
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set API Key'),
    prompt: vscode.l10n.t('Your AnyAPI (or compatible gateway) API key. It is kept in VS Code’s secret storage.'),
    placeHolder: 'sk-…',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const trimmed = value.trim();
      if (trimmed === '') {
        return vscode.l10n.t('Enter the key, or press Escape to cancel.');
      }
      return /\s/.test(trimmed) ? vscode.l10n.t('An API key has no spaces or line breaks.') : undefined;
    },
  });
  return key?.trim();
}
