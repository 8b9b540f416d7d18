import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CommandDeps } from '../commands/commandDeps';
import type { KeptCopies } from '../tasks/keptCopies';
import { taskName } from '../tasks/lineage';
import { canKeepCopy, type TrackedTask } from '../tasks/trackedTask';
import { duration } from '../views/relativeTime';
import { notify } from './notify';

/** The links already warned of, as `<id> <expiresAt>`, kept across reloads so each is warned of once. */
const ANNOUNCED_KEY = 'anyapiVideo.expiryAnnounced';

type Deps = Pick<CommandDeps, 'store' | 'state' | 'settings'>;

/**
 * Warns of tasks whose links stop working within the hour and of which no
 * copy is kept (see `ExpiryWatch`), offering Keep a Copy and Download; each
 * link is warned of once, ever (a fresh link from the gateway is a new one).
 * A copy already downloading is waited for, alone: the warning is only for
 * videos that would really be lost, and no other task's waits for it. The
 * polling window calls this, so windows do not repeat each other.
 */
export async function announceExpiring(ids: readonly string[], deps: Deps, keptCopies: Pick<KeptCopies, 'settled'>): Promise<void> {
  if (deps.settings.current.notifyOn === 'none') {
    return;
  }
  const downloading = new Map(
    ids.flatMap((id) => {
      const settled = keptCopies.settled(id);
      return settled === undefined ? [] : [[id, settled] as const];
    }),
  );
  await Promise.all([
    warn(ids.filter((id) => !downloading.has(id)), deps),
    ...[...downloading].map(([id, settled]) => settled.then(() => warn([id], deps))),
  ]);
}

/** One notification for those of these tasks still without a copy and not warned of yet. */
async function warn(ids: readonly string[], { store, state }: Deps): Promise<void> {
  const now = Date.now();
  const tracked = new Set(store.all().map((task) => task.id));
  const announced = new Set(state.get<string[]>(ANNOUNCED_KEY, []).filter((key) => tracked.has(key.slice(0, key.lastIndexOf(' ')))));
  const fresh = ids.flatMap((id) => {
    const task = store.get(id);
    return task !== undefined && canKeepCopy(task, now) && task.snapshot?.expiresAt !== undefined && !announced.has(linkKey(task)) ? [task] : [];
  });
  if (fresh.length === 0) {
    return;
  }
  for (const task of fresh) {
    announced.add(linkKey(task));
  }
  await state.update(ANNOUNCED_KEY, [...announced]);
  const [first] = fresh;
  const message =
    fresh.length > 1
      ? vscode.l10n.t('The video links of {0} tasks stop working within the hour, and no copy of them is kept.', fresh.length)
      : vscode.l10n.t('The video link of {0} stops working in {1}, and no copy of it is kept.', taskName(first), duration((first.snapshot?.expiresAt ?? now) - now));
  const keep = fresh.length > 1 ? vscode.l10n.t('Keep Copies') : vscode.l10n.t('Keep a Copy');
  const download = vscode.l10n.t('Download…');
  // Not awaited: a warning left open must not hold back the next one.
  void notify.warning(message, keep, ...(fresh.length > 1 ? [] : [download])).then((choice) => {
    if (choice === keep) {
      void vscode.commands.executeCommand(CommandId.keepCopy, fresh.map((task) => task.id));
    } else if (choice === download) {
      void vscode.commands.executeCommand(CommandId.downloadVideo, first.id);
    }
  });
}

/** One link of one task: the id and when the gateway said it stops working. */
function linkKey(task: TrackedTask): string {
  return `${task.id} ${task.snapshot?.expiresAt}`;
}
