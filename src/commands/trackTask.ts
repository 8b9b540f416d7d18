import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { parseTaskIds } from '../tasks/parseTaskIds';
import type { TaskStore } from '../tasks/taskStore';
import type { CommandDeps } from './commandDeps';

/** "Track Video Task": asks for ids (or takes them as an argument), tracks the new ones, reveals them all. */
export function registerTrackTask({ store, treeView, apiKeys }: CommandDeps): vscode.Disposable {
  return vscode.commands.registerCommand(CommandId.trackTask, async (input?: unknown) => {
    const text = typeof input === 'string' ? input : Array.isArray(input) ? input.join(' ') : await askForIds(store);
    if (text === undefined) {
      return;
    }
    const parsed = parseTaskIds(text);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(parsed.error);
      return;
    }
    const { added, existing } = store.add(parsed.ids);
    const first = added[0] ?? existing[0];
    if (first !== undefined) {
      await treeView.reveal(first);
    }
    if (existing.length > 0) {
      const which = existing.length === 1 ? `Task ${existing[0]} is` : `${existing.length} of these tasks are`;
      void vscode.window.showInformationMessage(`${which} already tracked.`);
    }
    if (added.length > 0 && apiKeys.current === undefined) {
      const choice = await vscode.window.showWarningMessage(
        'Tracking started, but no API key is set, so the status cannot be checked yet.',
        'Set API Key',
      );
      if (choice === 'Set API Key') {
        await vscode.commands.executeCommand(CommandId.setApiKey);
      }
    }
  });
}

function askForIds(store: TaskStore): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Track Video Task',
    prompt: 'Task ids from the video API, separated by spaces, commas or new lines; or a pasted JSON response.',
    placeHolder: 'grok:eee6faa8-9dee-455c-aa82-02ac623adf3a',
    ignoreFocusOut: true,
    validateInput: (value) => {
      const parsed = parseTaskIds(value);
      return 'error' in parsed ? parsed.error : describeInput(parsed.ids, parsed.duplicates, store);
    },
  });
}

/** An informational note under the input box when some ids repeat or are tracked already. */
function describeInput(ids: readonly string[], duplicates: number, store: TaskStore): vscode.InputBoxValidationMessage | undefined {
  const tracked = ids.filter((id) => store.get(id) !== undefined).length;
  const notes: string[] = [];
  if (duplicates > 0) {
    notes.push(duplicates === 1 ? '1 repeated id is tracked once' : `${duplicates} repeated ids are tracked once`);
  }
  if (tracked > 0) {
    notes.push(tracked === 1 ? '1 id is tracked already' : `${tracked} ids are tracked already`);
  }
  if (notes.length === 0) {
    return undefined;
  }
  const count = ids.length === 1 ? '1 id' : `${ids.length} ids`;
  return { message: `${count}: ${notes.join('; ')}.`, severity: vscode.InputBoxValidationSeverity.Info };
}
