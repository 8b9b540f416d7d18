/**
 * The one definition of what the preview webview and the extension host say
 * to each other. `media/preview.js` type-checks against this file.
 */

import type { RelatedTask } from '../tasks/lineage';
import type { DisplayState } from '../tasks/trackedTask';

/** One labelled line of the details list, e.g. "Model: grok-3". */
export interface PreviewDetail {
  readonly label: string;
  readonly value: string;
}

/** Everything the webview shows for a task, already vetted and worded by the host. */
export interface PreviewModel {
  readonly taskId: string;
  readonly state: DisplayState;
  /** The status in words, e.g. "Running". */
  readonly statusLabel: string;
  /** The status's codicon, as in the tree: e.g. `pass`, or `sync~spin` for a spinning one. */
  readonly icon: string;
  /** 0–100 while running, when the backend reports it. */
  readonly progress?: number;
  /** An https URL (or http on loopback) safe to play; absent otherwise. */
  readonly videoUrl?: string;
  /** The video is the copy kept from the gateway's content route: there is no URL to open or copy. */
  readonly localCopy?: boolean;
  /** Poster image, vetted like `videoUrl`. */
  readonly posterUrl?: string;
  /** Why a video URL from the API is not played, if it was refused. */
  readonly videoRefused?: string;
  readonly enhancedPrompt?: string;
  readonly prompt?: string;
  /** The failure reason, or why the last check failed. */
  readonly error?: string;
  /** Set when the extension did not understand the gateway's status word: where to look, and how to report it. */
  readonly notUnderstood?: string;
  readonly details: readonly PreviewDetail[];
  /** The gateway's link can still be copied here (Keep a Copy). */
  readonly canKeepCopy: boolean;
  /** The gateway said the link would stop working, and that time has passed (there is no copy here). */
  readonly linkExpired?: string;
  /** What to say if the player cannot load the video: its link may have expired. */
  readonly loadFailed?: string;
  /** The model and prompt are known, so the task can be generated again. */
  readonly canGenerateAgain: boolean;
  /** The task this one was generated again from. */
  readonly source?: RelatedTask;
  /** Tracked tasks generated again from this one. */
  readonly generated: readonly RelatedTask[];
}

/** Host → webview. `raw` answers `loadRaw`: the gateway's last answer, or undefined when none is kept. */
export type HostMessage = { readonly type: 'update'; readonly model: PreviewModel } | { readonly type: 'raw'; readonly text: string | undefined };

/** Webview → host. The webview sends `ready` once its listeners are in place. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'openExternal' }
  | { readonly type: 'copyUrl' }
  | { readonly type: 'copyPrompt' }
  | { readonly type: 'download' }
  | { readonly type: 'generateAgain' }
  | { readonly type: 'keepCopy' }
  /** Ask the gateway again: some answer an expired link with a fresh one. */
  | { readonly type: 'refresh' }
  /** A task of the lineage was chosen: the host opens it only if it is this task's source or one generated from it. */
  | { readonly type: 'openTask'; readonly taskId: string }
  /** The Raw response section was opened: send the last answer. */
  | { readonly type: 'loadRaw' };

/** What the webview keeps in `setState`, so the panel can be restored after a reload. */
export interface PreviewState {
  readonly taskId: string;
}

const WEBVIEW_MESSAGE_TYPES: ReadonlySet<string> = new Set(['ready', 'openExternal', 'copyUrl', 'copyPrompt', 'download', 'generateAgain', 'keepCopy', 'refresh', 'loadRaw']);

/** Messages from a webview are checked before use: its content renders API data. */
export function isWebviewMessage(value: unknown): value is WebviewMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { type, taskId } = value as { type?: unknown; taskId?: unknown };
  return type === 'openTask' ? typeof taskId === 'string' : typeof type === 'string' && WEBVIEW_MESSAGE_TYPES.has(type);
}
