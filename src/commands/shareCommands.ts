import * as vscode from 'vscode';
import { CommandId, EXTENSION_ID } from '../commandIds';
import { errorMessage } from '../log';
import { notify } from '../notifications/notify';
import { exportTasks, type ExportFormat } from '../tasks/exportTasks';
import { findTaskIds } from '../tasks/findTaskIds';
import { taskLink } from '../tasks/taskLink';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';
import { askForSaveTarget } from './saveTarget';

/** "Track Task IDs in Selection", "Copy Link to Task" and "Export Tasks": moving task ids between files, people and the tracker. */
export function shareHandlers({ store }: CommandDeps): Handlers<typeof CommandId.trackSelection | typeof CommandId.copyTaskLink | typeof CommandId.exportTasks> {
  return {
    [CommandId.trackSelection]: async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void notify.info(vscode.l10n.t('Open a file that contains task ids, then run this again.'));
        return;
      }
      const selected = editor.selections.filter((selection) => !selection.isEmpty);
      const text = selected.length > 0 ? selected.map((selection) => editor.document.getText(selection)).join('\n') : editor.document.getText();
      const ids = findTaskIds(text);
      if (ids.length === 0) {
        void notify.info(
          selected.length > 0
            ? vscode.l10n.t('No task ids found in the selection. Ids look like 033fa60e-f37c-… or grok:eee6faa8-….')
            : vscode.l10n.t('No task ids found in this file. Ids look like 033fa60e-f37c-… or grok:eee6faa8-….'),
        );
        return;
      }
      await vscode.commands.executeCommand(CommandId.trackTask, ids);
      void notify.flash(ids.length === 1 ? vscode.l10n.t('Found 1 task id') : vscode.l10n.t('Found {0} task ids', ids.length), 4000);
    },
    [CommandId.copyTaskLink]: async (...args: unknown[]) => {
      const ids = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Copy a link to which tasks?'), canPickMany: true });
      if (ids.length > 0) {
        await vscode.env.clipboard.writeText(taskLink(vscode.env.uriScheme, EXTENSION_ID, ids));
        const copied =
          ids.length === 1
            ? vscode.l10n.t('Link copied: opening it in VS Code tracks the task')
            : vscode.l10n.t('Link copied: opening it in VS Code tracks the {0} tasks', ids.length);
        void notify.flash(copied, 4000);
      }
    },
    [CommandId.exportTasks]: async (suggested?: unknown, givenFormat?: unknown) => {
      const tasks = store.all();
      if (tasks.length === 0) {
        void notify.info(vscode.l10n.t('No video tasks are tracked, so there is nothing to export.'));
        return;
      }
      const format = givenFormat === 'json' || givenFormat === 'csv' ? givenFormat : await pickFormat();
      if (!format) {
        return;
      }
      const uri = await askForSaveTarget(vscode.l10n.t('Export Tasks'), `anyapi-video-tasks.${format}`, format === 'json' ? { JSON: ['json'] } : { CSV: ['csv'] }, suggested);
      if (!uri) {
        return;
      }
      try {
        await vscode.workspace.fs.writeFile(uri, Buffer.from(exportTasks(tasks, format), 'utf8'));
      } catch (error) {
        void notify.error(vscode.l10n.t('Could not write {0}: {1}', uri.fsPath, errorMessage(error)));
        return;
      }
      const message =
        tasks.length === 1 ? vscode.l10n.t('Exported 1 task to {0}.', uri.fsPath) : vscode.l10n.t('Exported {0} tasks to {1}.', tasks.length, uri.fsPath);
      const open = vscode.l10n.t('Open');
      void notify.info(message, open).then((choice) => {
        if (choice === open) {
          void vscode.window.showTextDocument(uri);
        }
      });
    },
  };
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: vscode.l10n.t('an array of objects'), format: 'json' as const },
      { label: 'CSV', description: vscode.l10n.t('for spreadsheets'), format: 'csv' as const },
    ],
    { title: vscode.l10n.t('Export Tasks'), placeHolder: vscode.l10n.t('Export the tracked tasks as…') },
  );
  return picked?.format;
}
