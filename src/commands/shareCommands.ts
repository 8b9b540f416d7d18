import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { exportTasks, type ExportFormat } from '../tasks/exportTasks';
import { findTaskIds } from '../tasks/findTaskIds';
import type { CommandDeps, CommandHandlers } from './commandDeps';

/** "Track Task IDs in Selection" and "Export Tasks": moving task ids between files and the tracker. */
export function shareHandlers({ store }: CommandDeps): CommandHandlers {
  return {
    [CommandId.trackSelection]: async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage('Open a file that contains task ids, then run this again.');
        return;
      }
      const selected = editor.selections.filter((selection) => !selection.isEmpty);
      const text = selected.length > 0 ? selected.map((selection) => editor.document.getText(selection)).join('\n') : editor.document.getText();
      const ids = findTaskIds(text);
      if (ids.length === 0) {
        const where = selected.length > 0 ? 'the selection' : 'this file';
        void vscode.window.showInformationMessage(`No task ids found in ${where}. Ids look like 033fa60e-f37c-… or grok:eee6faa8-….`);
        return;
      }
      await vscode.commands.executeCommand(CommandId.trackTask, ids);
      void vscode.window.setStatusBarMessage(ids.length === 1 ? 'Found 1 task id' : `Found ${ids.length} task ids`, 4000);
    },
    // Tests and other extensions may pass the target file and format; people get a picker and a save dialog.
    [CommandId.exportTasks]: async (target?: unknown, givenFormat?: unknown) => {
      const tasks = store.all();
      if (tasks.length === 0) {
        void vscode.window.showInformationMessage('No video tasks are tracked, so there is nothing to export.');
        return;
      }
      const format = givenFormat === 'json' || givenFormat === 'csv' ? givenFormat : await pickFormat();
      if (!format) {
        return;
      }
      const uri = target instanceof vscode.Uri ? target : await pickFile(format);
      if (!uri) {
        return;
      }
      try {
        await vscode.workspace.fs.writeFile(uri, Buffer.from(exportTasks(tasks, format), 'utf8'));
      } catch (error) {
        void vscode.window.showErrorMessage(`Could not write ${uri.fsPath}: ${errorMessage(error)}`);
        return;
      }
      const count = tasks.length === 1 ? '1 task' : `${tasks.length} tasks`;
      void vscode.window.showInformationMessage(`Exported ${count} to ${uri.fsPath}.`, 'Open').then((choice) => {
        if (choice === 'Open') {
          void vscode.window.showTextDocument(uri);
        }
      });
    },
  };
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'an array of objects', format: 'json' as const },
      { label: 'CSV', description: 'for spreadsheets', format: 'csv' as const },
    ],
    { title: 'Export Tasks', placeHolder: 'Export the tracked tasks as…' },
  );
  return picked?.format;
}

async function pickFile(format: ExportFormat): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `anyapi-video-tasks.${format}`;
  return vscode.window.showSaveDialog({
    title: 'Export Tasks',
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] },
  });
}
