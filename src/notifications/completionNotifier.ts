import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Settings } from '../settings';
import type { TaskStore } from '../tasks/taskStore';

/** "Video ready" (with a Preview button) or "failed" (with the reason) when a task finishes while tracked. */
export function registerCompletionNotifier(store: TaskStore, settings: Settings): vscode.Disposable {
  return store.onDidFinish(({ task }) => {
    if (!settings.current.notifyOnCompletion) {
      return;
    }
    const snapshot = task.snapshot;
    if (snapshot?.status === 'succeeded') {
      void vscode.window.showInformationMessage(`Video ready: ${task.id}`, 'Preview').then((choice) => {
        if (choice === 'Preview') {
          void vscode.commands.executeCommand(CommandId.openPreview, task.id);
        }
      });
    } else if (snapshot?.status === 'failed') {
      const reason = snapshot.error ? `: ${snapshot.error.slice(0, 300)}` : '';
      void vscode.window.showWarningMessage(`Video task ${task.id} failed${reason}`, 'Open Preview').then((choice) => {
        if (choice === 'Open Preview') {
          void vscode.commands.executeCommand(CommandId.openPreview, task.id);
        }
      });
    }
  });
}
