import * as vscode from 'vscode';

/**
 * The save dialog of Download Video and Export Tasks. A `file:` `Uri` passed
 * to the command only picks the folder the dialog starts in (the first
 * workspace folder otherwise); the name is always the extension's own. A
 * command link can pass arguments too: it must not be able to write a file
 * the user did not choose, nor suggest one a single Enter would regret.
 */
export function askForSaveTarget(
  title: string,
  name: string,
  filters: Record<string, string[]>,
  suggested: unknown,
): Thenable<vscode.Uri | undefined> {
  const folder =
    suggested instanceof vscode.Uri && suggested.scheme === 'file' ? vscode.Uri.joinPath(suggested, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({ title, defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters });
}
