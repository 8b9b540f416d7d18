import { numberField, isObject, stringField } from '../api/fields';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { l10n } from '../l10n';
import type { PreviewDetail } from '../preview/protocol';
import { taskName } from '../tasks/lineage';
import { durationMs } from '../tasks/taskTimings';
import type { TrackedTask } from '../tasks/trackedTask';
import { duration } from '../views/relativeTime';
import { formatTime, statusLabel } from '../views/taskPresentation';
import { diffPrompts, type DiffPart } from './promptDiff';
import type { CompareSide } from './protocol';

/**
 * The two sides of a comparison: each task's video (the kept copy first,
 * else its vetted URL), what it was made with, and its prompt with the words
 * the other one lacks marked.
 */
export function compareSides(tasks: readonly [TrackedTask, TrackedTask], vetMedia: MediaUrlVetter, localUrl: (task: TrackedTask) => string | undefined): [CompareSide, CompareSide] {
  const [left, right] = tasks.map(promptOf);
  const diff = left !== undefined && right !== undefined ? diffPrompts(left, right) : undefined;
  const unchanged = (prompt: string | undefined): DiffPart[] | undefined => (prompt === undefined ? undefined : [{ text: prompt, changed: false }]);
  const side = (task: TrackedTask, prompt: DiffPart[] | undefined): CompareSide => {
    const videoUrl = localUrl(task) ?? vetMedia(task.snapshot?.videoUrl)?.url;
    return {
      taskId: task.id,
      name: taskName(task),
      statusLabel: statusLabel(task),
      videoUrl,
      posterUrl: videoUrl === undefined ? undefined : vetMedia(task.snapshot?.thumbnailUrl)?.url,
      details: details(task),
      prompt,
    };
  };
  return [side(tasks[0], diff?.left ?? unchanged(left)), side(tasks[1], diff?.right ?? unchanged(right))];
}

/** The origins the compare page's CSP must allow for both tasks' media. */
export function compareOrigins(tasks: readonly TrackedTask[], vetMedia: MediaUrlVetter, localSource: string): string[] {
  const origins = tasks.flatMap((task) => [vetMedia(task.snapshot?.videoUrl), vetMedia(task.snapshot?.thumbnailUrl)]).flatMap((vetted) => (vetted === undefined ? [] : [vetted.origin]));
  const local = tasks.some((task) => task.localVideo !== undefined) ? [localSource] : [];
  return [...new Set([...origins, ...local])].sort();
}

function promptOf(task: TrackedTask): string | undefined {
  return task.snapshot?.prompt ?? (isObject(task.request) ? stringField(task.request, 'prompt') : undefined) ?? task.snapshot?.enhancedPrompt;
}

function details(task: TrackedTask): PreviewDetail[] {
  const snapshot = task.snapshot;
  const request = isObject(task.request) ? task.request : undefined;
  const seconds = request === undefined ? undefined : numberField(request, 'duration');
  const took = durationMs(task);
  const rows: [string, string | undefined][] = [
    [l10n.t('Model'), snapshot?.model],
    [l10n.t('Status'), statusLabel(task)],
    [l10n.t('Ratio'), snapshot?.ratio ?? (request === undefined ? undefined : stringField(request, 'aspect_ratio'))],
    [l10n.t('Size'), request === undefined ? undefined : stringField(request, 'size')],
    [l10n.t('Length asked for'), seconds === undefined ? undefined : l10n.t('{0} s', seconds)],
    [l10n.t('Took'), took === undefined ? undefined : duration(took)],
    [l10n.t('Completed'), snapshot?.completedAt === undefined ? undefined : formatTime(snapshot.completedAt)],
    [l10n.t('Task id'), task.id],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== undefined).map(([label, value]) => ({ label, value }));
}
