import * as vscode from 'vscode';
import { WALKTHROUGH_ID } from './commandIds';

/** Set on the first start after the extension was installed: the walkthrough opens only then. */
const FIRST_START_SEEN_KEY = 'anyapiVideo.firstStartSeen';

/**
 * Opens "Get started with AnyAPI Video" on the first start after install,
 * never again, and not when the user told VS Code not to open walkthroughs
 * on install (`workbench.welcomePage.walkthroughs.openOnInstall`). VS Code
 * opens it itself after an install from the Extensions view; this covers
 * the others (a `.vsix` or the command line), and opening it twice only
 * shows it.
 */
export function openWalkthroughOnce(state: vscode.Memento): void {
  if (state.get(FIRST_START_SEEN_KEY) === true) {
    return;
  }
  void state.update(FIRST_START_SEEN_KEY, true);
  if (vscode.workspace.getConfiguration('workbench.welcomePage.walkthroughs').get<boolean>('openOnInstall', true)) {
    void vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  }
}
