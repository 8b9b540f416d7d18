import * as vscode from 'vscode';
import { parseBaseUrl } from '../api/baseUrl';
import { isClearTextRemote } from '../api/hosts';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import type { CommandDeps, Handlers } from './commandDeps';

/**
 * "Set API Key" and "Clear API Key". The key goes to SecretStorage and is
 * bound to the gateway origin the input box names. The command takes no
 * arguments: a key arriving from a link or another command would be bound
 * to an origin nobody looked at.
 */
export function apiKeyHandlers({ apiKeys }: CommandDeps): Handlers<typeof CommandId.setApiKey | typeof CommandId.clearApiKey> {
  return {
    [CommandId.setApiKey]: async () => {
      const origin = await askForOrigin(apiKeys.baseUrl());
      const key = origin === undefined ? undefined : await askForKey(origin);
      if (origin === undefined || !key) {
        return;
      }
      await apiKeys.set(key, origin);
      notify.flash(vscode.l10n.t('AnyAPI Video: API key saved for {0}', origin), 4000);
    },
    [CommandId.clearApiKey]: async () => {
      if (apiKeys.current === undefined) {
        void notify.info(vscode.l10n.t('No AnyAPI key is set.'));
        return;
      }
      // Asked, because a command link can run this too.
      const remove = vscode.l10n.t('Remove Key');
      if ((await notify.ask(vscode.l10n.t('Remove the AnyAPI key?'), vscode.l10n.t('Tracked tasks are kept; checks pause until a key is set again.'), remove)) !== remove) {
        return;
      }
      await apiKeys.clear();
      void notify.info(vscode.l10n.t('The AnyAPI key was removed. Tracked tasks are kept; checks resume when a key is set.'));
    },
  };
}

/** The origin a key set now would go to, once the user has accepted it; undefined when they cannot or would not. */
async function askForOrigin(baseUrl: string): Promise<string | undefined> {
  let url: URL;
  try {
    url = parseBaseUrl(baseUrl);
  } catch (error) {
    const openSettings = vscode.l10n.t('Open Settings');
    const choice = await notify.error(errorMessage(error), openSettings);
    if (choice === openSettings) {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'anyapiVideo.baseUrl');
    }
    return undefined;
  }
  if (!isClearTextRemote(url)) {
    return url.origin;
  }
  const sendAnyway = vscode.l10n.t('Send in Clear Text');
  const choice = await notify.ask(
    vscode.l10n.t('anyapiVideo.baseUrl is {0}, which is not encrypted.', url.origin),
    vscode.l10n.t(
      'A key set for it travels in clear text: anyone on the network path can read it and spend your credits. Use an https:// address if the gateway has one.',
    ),
    sendAnyway,
  );
  return choice === sendAnyway ? url.origin : undefined;
}

async function askForKey(origin: string): Promise<string | undefined> {
  const key = await vscode.window.showInputBox({
    title: vscode.l10n.t('Set API Key for {0}', origin),
    prompt: vscode.l10n.t('Sent only to {0}. Kept in VS Code’s secret storage.', origin),
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
