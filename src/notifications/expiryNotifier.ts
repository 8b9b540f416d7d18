import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CommandDeps } from '../commands/commandDeps';
import { taskName } from '../tasks/lineage';
import type { KeptCopies } from '../tasks/keptCopies';
import { canKeepCopy } from '../tasks/trackedTask';
import { duration } from '../views/relativeTime';
import { notify } from './notify';

/** The tasks already warned of, kept across reloads so each is warned of once. */
const ANNOUNCED_KEY = 'anyapiVideo.expiryAnnounced';

/**
 * One notification for tasks whose links stop working within the hour and
 * of which no copy is kept (see `ExpiryWatch`), offering Keep a Copy and
 * Download; each task is warned of once, ever. A copy already downloading
 * is waited for: the warning is only for videos that would really be lost.
 * The polling window calls this, so windows do not repeat each other.
 */
export async function announceExpiring(ids: readonly string[], { store, state, settings }: Pick<CommandDeps, 'store' | 'state' | 'settings'>, keptCopies: Pick<KeptCopies, 'settled'>): Promise<void> {
  if (settings.current.notifyOn === 'none') {
    return;
  }
  await Promise.all(ids.map((id) => keptCopies.settled(id)));
  const announced = new Set(state.get<string[]>(ANNOUNCED_KEY, []).filter((id) => store.get(id) !== undefined));
  const now = Date.now();
  const fresh = ids.flatMap((id) => {
    const task = store.get(id);
    return task !== undefined && !announced.has(id) && canKeepCopy(task, now) && task.snapshot?.expiresAt !== undefined ? [task] : [];
  });
  if (fresh.length === 0) {
    return;
  }
  for (const task of fresh) {
    announced.add(task.id);
  }
  await state.update(ANNOUNCED_KEY, [...announced]);
  const [first] = fresh;
  const message =
    fresh.length > 1
      ? vscode.l10n.t('The video links of {0} tasks stop working within the hour, and no copy of them is kept.', fresh.length)
      : vscode.l10n.t('The video link of {0} stops working in {1}, and no copy of it is kept.', taskName(first), duration((first.snapshot?.expiresAt ?? now) - now));
  const keep = fresh.length > 1 ? vscode.l10n.t('Keep Copies') : vscode.l10n.t('Keep a Copy');
  const download = vscode.l10n.t('Download…');
  const choice = await notify.warning(message, keep, ...(fresh.length > 1 ? [] : [download]));
  if (choice === keep) {
    void vscode.commands.executeCommand(CommandId.keepCopy, fresh.map((task) => task.id));
  } else if (choice === download) {
    void vscode.commands.executeCommand(CommandId.downloadVideo, first.id);
  }
}
