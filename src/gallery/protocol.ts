/**
 * The one definition of what the gallery webview and the extension host say
 * to each other. `media/gallery.js` type-checks against this file.
 */

import type { DisplayState } from '../tasks/trackedTask';

/** One finished task in the grid, already vetted and worded by the host. */
export interface GalleryCard {
  readonly id: string;
  /** The task's label, or its id. */
  readonly name: string;
  readonly model?: string;
  readonly state: DisplayState;
  /** The status in words, e.g. "Ready". */
  readonly statusLabel: string;
  /** The status's codicon, as in the tree, e.g. `pass`. */
  readonly icon: string;
  /** An https URL (or http on loopback) safe to play, or the kept copy's webview URL. */
  readonly videoUrl?: string;
  /** A thumbnail, vetted like `videoUrl`; without one the card shows the video's first frame. */
  readonly posterUrl?: string;
  /** The length the task asked for, in seconds, until the video itself says. */
  readonly seconds?: number;
  /** When it finished (epoch ms), as best known. */
  readonly finishedAt: number;
  /** The prompt, shortened: the text filter searches it, the card's tooltip shows it. */
  readonly prompt?: string;
}

/** Host → webview: every finished task, newest first, and the models among them. */
export type GalleryHostMessage = { readonly type: 'cards'; readonly cards: readonly GalleryCard[]; readonly models: readonly string[] };

/** Webview → host. `ready` once its listeners are in place. */
export type GalleryWebviewMessage =
  | { readonly type: 'ready' }
  /** Enter or a click on a card: the host opens its preview if the task is tracked. */
  | { readonly type: 'open'; readonly taskId: string }
  /** Compare: the two selected cards. */
  | { readonly type: 'compare'; readonly taskIds: readonly string[] };

/** What the webview keeps in `setState`: its filter and selection survive a reload. */
export interface GalleryState {
  readonly text: string;
  readonly model: string;
  readonly status: string;
  readonly selected: readonly string[];
  /** The card the keyboard was on, and how far the page was scrolled. */
  readonly activeId?: string;
  readonly scrollY?: number;
}

/** Messages from the webview are checked before use: its content renders API data. */
export function isGalleryMessage(value: unknown): value is GalleryWebviewMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { type, taskId, taskIds } = value as { type?: unknown; taskId?: unknown; taskIds?: unknown };
  switch (type) {
    case 'ready':
      return true;
    case 'open':
      return typeof taskId === 'string';
    case 'compare':
      return Array.isArray(taskIds) && taskIds.length === 2 && taskIds.every((id) => typeof id === 'string');
    default:
      return false;
  }
}
