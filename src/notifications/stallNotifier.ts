import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { CommandDeps } from '../commands/commandDeps';
import { taskName } from '../tasks/lineage';
import { typicalDurations } from '../tasks/taskTimings';
import { duration } from '../views/relativeTime';
import { notify } from './notify';

/** The stalled tasks already announced, kept across reloads so each is announced once. */
const ANNOUNCED_KEY = 'anyapiVideo.stallAnnounced';

/**
 * One notification for tasks that just stalled, offering Refresh, Stop
 * Tracking and Copy Support Info for all of them; a task is announced once,
 * ever, while it is tracked. The polling window calls this, so windows do not
 * repeat each other.
 */
export function announceStalled(ids: readonly string[], { store, stalls, state, settings }: CommandDeps): void {
  if (settings.current.notifyOn === 'none') {
    return;
  }
  const announced = new Set(state.get<string[]>(ANNOUNCED_KEY, []).filter((id) => store.get(id) !== undefined));
  const fresh = ids.filter((id) => !announced.has(id) && stalls.timing(id)?.kind === 'stalled');
  if (fresh.length === 0) {
    return;
  }
  for (const id of fresh) {
    announced.add(id);
  }
  void state.update(ANNOUNCED_KEY, [...announced]);
  const first = store.get(fresh[0]);
  const timing = stalls.timing(fresh[0]);
  const model = first?.snapshot?.model;
  // Worked out again here, once per notification: the watch keeps the core small (its bundle is on a budget).
  const typical = model === undefined ? undefined : typicalDurations(store.all()).get(model);
  const message =
    fresh.length > 1
      ? vscode.l10n.t('{0} video tasks seem stuck: their status has not changed for much longer than their models usually take.', fresh.length)
      : first !== undefined && timing?.kind === 'stalled' && model !== undefined && typical !== undefined
        ? vscode.l10n.t('Video task {0} seems stuck: no change for {1}, while {2} usually takes {3}.', taskName(first), duration(timing.stillForMs), model, duration(typical))
        : vscode.l10n.t('Video task {0} seems stuck.', fresh[0]);
  const refresh = vscode.l10n.t('Refresh');
  const stop = vscode.l10n.t('Stop Tracking');
  const copy = vscode.l10n.t('Copy Support Info');
  void notify.warning(message, refresh, stop, copy).then((choice) => {
    const command = choice === refresh ? CommandId.refresh : choice === stop ? CommandId.untrackTask : choice === copy ? CommandId.copySupportInfo : undefined;
    if (command !== undefined) {
      void vscode.commands.executeCommand(command, fresh);
    }
  });
}
