import * as vscode from 'vscode';
import { videoFileName } from '../api/videoDownloader';
import { CommandId } from '../commandIds';
import { errorMessage } from '../log';
import { hasVideo, type TrackedTask } from '../tasks/trackedTask';
import type { CommandDeps, CommandHandlers } from './commandDeps';
import { resolveTaskIds } from './pickTasks';

/**
 * "Download Video": a save dialog (tests and other commands may pass the
 * target), then a cancellable progress notification with percent and MB/s.
 */
export function downloadHandlers({ store, downloader }: CommandDeps): CommandHandlers {
  const download = async (...args: unknown[]): Promise<void> => {
    const given = args.find((arg): arg is vscode.Uri => arg instanceof vscode.Uri);
    const [id] = await resolveTaskIds(args.filter((arg) => !(arg instanceof vscode.Uri)), store, {
      placeHolder: 'Download the video of which task?',
      filter: hasVideo,
    });
    const task = id === undefined ? undefined : store.get(id);
    const url = task?.snapshot?.videoUrl;
    if (!task || url === undefined) {
      if (id !== undefined) {
        void vscode.window.showInformationMessage(`Task ${id} has no video yet.`);
      }
      return;
    }
    const target = given ?? (await askForTarget(task));
    if (!target) {
      return;
    }
    const name = target.path.slice(target.path.lastIndexOf('/') + 1);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Downloading ${name}`, cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        const cancelled = token.onCancellationRequested(() => controller.abort());
        const started = Date.now();
        let reported = 0;
        try {
          const { bytes } = await downloader.download(url, target.fsPath, {
            signal: controller.signal,
            onProgress: ({ receivedBytes, totalBytes }) => {
              const seconds = Math.max(0.001, (Date.now() - started) / 1000);
              const speed = `${(receivedBytes / 1024 / 1024 / seconds).toFixed(1)} MB/s`;
              const percent = totalBytes ? Math.floor((receivedBytes / totalBytes) * 100) : undefined;
              progress.report({
                increment: percent === undefined ? undefined : percent - reported,
                message: percent === undefined ? `${(receivedBytes / 1024 / 1024).toFixed(1)} MB · ${speed}` : `${percent}% · ${speed}`,
              });
              reported = percent ?? reported;
            },
          });
          void vscode.window.showInformationMessage(`Saved ${name} (${(bytes / 1024 / 1024).toFixed(1)} MB) to ${target.fsPath}.`);
        } catch (error) {
          if (controller.signal.aborted) {
            void vscode.window.showInformationMessage(`Download of ${name} cancelled; nothing was left behind.`);
            return;
          }
          const reason = errorMessage(error);
          void vscode.window.showErrorMessage(`Could not download ${name}: ${reason} The partial file was removed.`, 'Try Again').then((choice) => {
            if (choice === 'Try Again') {
              void vscode.commands.executeCommand(CommandId.downloadVideo, task.id, target);
            }
          });
        } finally {
          cancelled.dispose();
        }
      },
    );
  };
  return { [CommandId.downloadVideo]: download };
}

function askForTarget(task: TrackedTask): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = videoFileName(task.id, task.snapshot?.prompt ?? task.snapshot?.enhancedPrompt);
  return vscode.window.showSaveDialog({
    title: 'Download Video',
    defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
    filters: { Video: ['mp4'] },
  });
}
