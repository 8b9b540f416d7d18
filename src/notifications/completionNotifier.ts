import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { Settings } from '../settings';
import type { TrackedTask } from '../tasks/trackedTask';
import { notify } from './notify';

/**
 * "Video ready" (with a Preview button) or "failed" (with the reason) for a
 * task that finished while tracked, as `anyapiVideo.notifyOn` asks.
 */
export function notifyFinished(task: TrackedTask, settings: Settings): void {
  const notifyOn = settings.current.notifyOn;
  const snapshot = task.snapshot;
  if (notifyOn === 'none') {
    return;
  }
  if (snapshot?.status === 'succeeded' && notifyOn === 'all') {
    const preview = vscode.l10n.t('Preview');
    void notify.info(vscode.l10n.t('Video ready: {0}', task.id), preview).then((choice) => {
      if (choice === preview) {
        void vscode.commands.executeCommand(CommandId.openPreview, task.id);
      }
    });
  } else if (snapshot?.status === 'failed') {
    const message = snapshot.error
      ? vscode.l10n.t('Video task {0} failed: {1}', task.id, snapshot.error.slice(0, 300))
      : vscode.l10n.t('Video task {0} failed', task.id);
    const openPreview = vscode.l10n.t('Open Preview');
    void notify.warning(message, openPreview).then((choice) => {
      if (choice === openPreview) {
        void vscode.commands.executeCommand(CommandId.openPreview, task.id);
      }
    });
  }
}
