import type { MediaUrlVetter } from '../api/mediaUrl';
import { requestToRepeat } from '../create/videoModels';
import { l10n } from '../l10n';
import type { RelatedTask } from '../tasks/lineage';
import { canKeepCopy, displayState, isTerminalTask, type TrackedTask } from '../tasks/trackedTask';
import { formatTime, statusLabel, taskIcon } from '../views/taskPresentation';
import type { PreviewDetail, PreviewModel } from './protocol';

/** The tasks a task is linked to by Generate Again. */
export interface Lineage {
  readonly source?: RelatedTask;
  readonly generated: readonly RelatedTask[];
}

/**
 * What the preview shows for a task; URLs that are not safe to load are left
 * out and said so. `localVideoUrl` is the webview URL of the copy fetched from
 * the gateway's content route, played when the gateway gave no URL.
 */
export function createPreviewModel(task: TrackedTask, vetMedia: MediaUrlVetter, lineage: Lineage, localVideoUrl?: string, now = Date.now()): PreviewModel {
  const snapshot = task.snapshot;
  const vetted = vetMedia(snapshot?.videoUrl);
  // The copy first: when the gateway's own URL needs the key, only the copy can play.
  const videoUrl = localVideoUrl ?? vetted?.url;
  const poster = vetMedia(snapshot?.thumbnailUrl);
  const state = displayState(task);
  return {
    taskId: task.id,
    state,
    statusLabel: statusLabel(task),
    icon: taskIcon(task).id,
    progress: isTerminalTask(task) ? undefined : snapshot?.progress,
    videoUrl,
    localCopy: localVideoUrl !== undefined,
    posterUrl: videoUrl === undefined ? undefined : poster?.url,
    videoRefused:
      snapshot?.videoUrl !== undefined && vetted === undefined
        ? l10n.t('The video URL from the gateway is not a public https address, so it is not loaded.')
        : undefined,
    enhancedPrompt: snapshot?.enhancedPrompt,
    prompt: snapshot?.prompt,
    error: snapshot?.error ?? task.problem?.message,
    notUnderstood:
      state === 'unknown'
        ? l10n.t('AnyAPI Video does not know the status “{0}”. The gateway’s answer is under Raw response below; the README says how to report it.', snapshot?.rawStatus ?? '')
        : task.problem?.kind === 'badResponse'
          ? l10n.t('AnyAPI Video did not understand the gateway’s last answer. It is under Raw response below; the README says how to report it.')
          : undefined,
    details: details(task),
    canKeepCopy: localVideoUrl === undefined && vetted !== undefined && canKeepCopy(task, now),
    linkExpired:
      localVideoUrl === undefined && vetted !== undefined && snapshot?.expiresAt !== undefined && snapshot.expiresAt <= now
        ? l10n.t('The gateway said this link would stop working at {0}. If the video does not play, Refresh asks the gateway again: some answer with a new link.', formatTime(snapshot.expiresAt))
        : undefined,
    loadFailed:
      localVideoUrl === undefined && vetted !== undefined
        ? l10n.t('The video did not load: its link may have expired (some hosts delete videos after a while). Refresh asks the gateway again: some answer with a new link.')
        : undefined,
    canGenerateAgain: requestToRepeat(task) !== undefined,
    source: lineage.source,
    generated: lineage.generated,
  };
}

/** The origins the preview's CSP must allow for this task's media. */
export function mediaOrigins(task: TrackedTask, vetMedia: MediaUrlVetter, localSource?: string): string[] {
  const origins = [vetMedia(task.snapshot?.videoUrl), vetMedia(task.snapshot?.thumbnailUrl)]
    .filter((vetted) => vetted !== undefined)
    .map((vetted) => vetted.origin);
  return [...new Set([...origins, ...(localSource === undefined ? [] : [localSource])])].sort();
}

function details(task: TrackedTask): PreviewDetail[] {
  const snapshot = task.snapshot;
  const rows: [string, string | undefined][] = [
    [l10n.t('Task id'), task.id],
    [l10n.t('Server id'), snapshot?.serverId !== task.id ? snapshot?.serverId : undefined],
    [l10n.t('Status'), statusWithRawWord(task)],
    [l10n.t('Model'), snapshot?.model],
    [l10n.t('Ratio'), snapshot?.ratio],
    [l10n.t('Created'), time(snapshot?.createdAt)],
    [l10n.t('Updated'), time(snapshot?.updatedAt)],
    [l10n.t('Completed'), time(snapshot?.completedAt)],
    [l10n.t('Link expires'), time(snapshot?.expiresAt)],
    [l10n.t('Last checked'), time(task.checkedAt)],
    [l10n.t('Video URL'), snapshot?.videoUrl],
    [l10n.t('Kept here'), task.localVideoBytes === undefined ? undefined : l10n.t('{0} MB', (task.localVideoBytes / 1048576).toFixed(1))],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, value]) => ({ label, value }));
}

/** "Ready (completed)": the gateway's own word too, unless it says the same. */
function statusWithRawWord(task: TrackedTask): string {
  const label = statusLabel(task);
  const raw = task.snapshot?.rawStatus;
  return raw === undefined || raw.toLowerCase() === label.toLowerCase() ? label : l10n.t('{0} ({1})', label, raw);
}

function time(epochMs: number | undefined): string | undefined {
  return epochMs === undefined ? undefined : formatTime(epochMs);
}
