import * as vscode from 'vscode';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { CommandId } from '../commandIds';
import { notify } from '../notifications/notify';
import type { PreviewPanels } from '../preview/previewPanels';
import { hasVideo, isTerminalTask } from '../tasks/trackedTask';
import type { CommandDeps, Handlers } from './commandDeps';
import { resolveTaskIds, taskIdsFromArguments } from './pickTasks';

/** Commands on tracked tasks, from the tree, the preview or the Command Palette. */
export function taskHandlers(deps: CommandDeps, previews: PreviewPanels, vetMedia: MediaUrlVetter): Handlers<typeof CommandId.refresh | typeof CommandId.openPreview | typeof CommandId.untrackTask | typeof CommandId.copyTaskId | typeof CommandId.copyVideoUrl | typeof CommandId.openVideoExternal | typeof CommandId.clearFinished> {
  const { store, poller } = deps;
  return {
    [CommandId.refresh]: (...args: unknown[]) => {
      // From the view title there is no argument: refresh every unfinished task.
      poller.refresh(taskIdsFromArguments(args, store));
    },
    [CommandId.openPreview]: async (...args: unknown[]) => {
      for (const id of await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Preview which task?') })) {
        previews.open(id);
      }
    },
    [CommandId.untrackTask]: async (...args: unknown[]) => {
      const ids = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Stop tracking which tasks?'), canPickMany: true });
      const removed = store.remove(ids);
      if (removed.length > 1) {
        void notify.flash(vscode.l10n.t('Stopped tracking {0} tasks', removed.length), 4000);
      }
    },
    [CommandId.copyTaskId]: async (...args: unknown[]) => {
      const ids = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Copy the id of which task?'), canPickMany: true });
      if (ids.length > 0) {
        await vscode.env.clipboard.writeText(ids.join('\n'));
        void notify.flash(ids.length === 1 ? vscode.l10n.t('Task id copied') : vscode.l10n.t('{0} task ids copied', ids.length), 3000);
      }
    },
    [CommandId.copyVideoUrl]: async (...args: unknown[]) => {
      const [id] = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Copy the video URL of which task?'), filter: hasVideo });
      const url = id === undefined ? undefined : store.get(id)?.snapshot?.videoUrl;
      if (url === undefined) {
        return noVideo(id);
      }
      await vscode.env.clipboard.writeText(url);
      void notify.flash(vscode.l10n.t('Video URL copied'), 3000);
    },
    [CommandId.openVideoExternal]: async (...args: unknown[]) => {
      const [id] = await resolveTaskIds(args, store, { placeHolder: vscode.l10n.t('Open the video of which task?'), filter: hasVideo });
      const raw = id === undefined ? undefined : store.get(id)?.snapshot?.videoUrl;
      if (raw === undefined) {
        return noVideo(id);
      }
      const vetted = vetMedia(raw);
      if (!vetted) {
        void notify.error(vscode.l10n.t('The video URL from the gateway is not a public https address, so it is not opened.'));
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(vetted.url, true));
    },
    [CommandId.clearFinished]: async () => {
      const finished = store.all().filter(isTerminalTask);
      if (finished.length === 0) {
        void notify.info(vscode.l10n.t('No finished tasks to remove.'));
        return;
      }
      const question = finished.length === 1 ? vscode.l10n.t('Remove 1 finished task?') : vscode.l10n.t('Remove {0} finished tasks?', finished.length);
      const remove = vscode.l10n.t('Remove');
      const choice = await notify.ask(question, vscode.l10n.t('Their ids, prompts and video URLs are no longer kept here. Unfinished tasks stay.'), remove);
      if (choice === remove) {
        store.remove(finished.map((task) => task.id));
      }
    },
  };
}

function noVideo(id: string | undefined): void {
  if (id !== undefined) {
    void notify.info(vscode.l10n.t('Task {0} has no video yet.', id));
  }
}
