import { isObject, numberField, stringField } from '../api/fields';
import type { MediaUrlVetter } from '../api/mediaUrl';
import { taskName } from '../tasks/lineage';
import { displayState, isTerminalTask, type TrackedTask } from '../tasks/trackedTask';
import { statusLabel, taskIcon, truncate } from '../views/taskPresentation';
import type { GalleryCard } from './protocol';

/** What of a prompt a card carries: enough to find it by, not a 20,000-character body a thousand times over. */
const PROMPT_CHARS = 400;

/**
 * The gallery's cards: every finished task (ready, failed, cancelled),
 * newest first. Only vetted URLs are given; `localUrl` is the webview URL of
 * a task's kept copy, played first.
 */
export function galleryCards(tasks: readonly TrackedTask[], vetMedia: MediaUrlVetter, localUrl: (task: TrackedTask) => string | undefined): GalleryCard[] {
  return tasks
    .filter(isTerminalTask)
    .map((task): GalleryCard => {
      const snapshot = task.snapshot;
      const videoUrl = localUrl(task) ?? vetMedia(snapshot?.videoUrl)?.url;
      const request = isObject(task.request) ? task.request : undefined;
      const seconds = request === undefined ? undefined : numberField(request, 'duration');
      // What the user typed first, when the gateway does not say it back.
      const prompt = snapshot?.prompt ?? (request === undefined ? undefined : stringField(request, 'prompt')) ?? snapshot?.enhancedPrompt;
      return {
        id: task.id,
        name: taskName(task),
        model: snapshot?.model,
        state: displayState(task),
        statusLabel: statusLabel(task),
        icon: taskIcon(task).id,
        videoUrl,
        posterUrl: videoUrl === undefined ? undefined : vetMedia(snapshot?.thumbnailUrl)?.url,
        seconds: seconds !== undefined && seconds > 0 && seconds < 86_400 ? seconds : undefined,
        finishedAt: snapshot?.completedAt ?? task.finishedAt ?? snapshot?.updatedAt ?? task.addedAt,
        prompt: prompt === undefined ? undefined : truncate(prompt, PROMPT_CHARS),
      };
    })
    .sort((a, b) => b.finishedAt - a.finishedAt);
}

/** The models among the cards, for the model filter. */
export function galleryModels(cards: readonly GalleryCard[]): string[] {
  return [...new Set(cards.flatMap((card) => (card.model === undefined ? [] : [card.model])))].sort((a, b) => a.localeCompare(b));
}

/** The origins the gallery's CSP must allow: those of every card's video and poster. */
export function galleryOrigins(tasks: readonly TrackedTask[], vetMedia: MediaUrlVetter, localSource: string | undefined): string[] {
  const finished = tasks.filter(isTerminalTask);
  const origins = finished.flatMap((task) => [vetMedia(task.snapshot?.videoUrl), vetMedia(task.snapshot?.thumbnailUrl)]).flatMap((vetted) => (vetted === undefined ? [] : [vetted.origin]));
  const local = localSource !== undefined && finished.some((task) => task.localVideo !== undefined) ? [localSource] : [];
  return [...new Set([...origins, ...local])].sort();
}
