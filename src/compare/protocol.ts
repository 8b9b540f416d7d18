/**
 * The one definition of what the compare webview and the extension host say
 * to each other. `media/compare.js` type-checks against this file.
 */

import type { PreviewDetail } from '../preview/protocol';
import type { DiffPart } from './promptDiff';

/** One of the two tasks, already vetted and worded by the host. */
export interface CompareSide {
  readonly taskId: string;
  /** The task's label, or its id. */
  readonly name: string;
  readonly statusLabel: string;
  /** An https URL (or http on loopback) safe to play, or the kept copy's webview URL. */
  readonly videoUrl?: string;
  readonly posterUrl?: string;
  readonly details: readonly PreviewDetail[];
  /** The prompt in runs, those only this side has marked; absent when the gateway has not said it. */
  readonly prompt?: readonly DiffPart[];
}

/** Host → webview. */
export type CompareHostMessage = { readonly type: 'update'; readonly sides: readonly [CompareSide, CompareSide] };

/** Webview → host. `ready` once its listeners are in place; `open` asks for one side's preview. */
export type CompareWebviewMessage = { readonly type: 'ready' } | { readonly type: 'open'; readonly side: 0 | 1 };

/** What the webview keeps in `setState`, so the panel can be restored after a reload. */
export interface CompareState {
  readonly taskIds: readonly [string, string];
}

/** Messages from the webview are checked before use: its content renders API data. */
export function isCompareMessage(value: unknown): value is CompareWebviewMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { type, side } = value as { type?: unknown; side?: unknown };
  return type === 'ready' || (type === 'open' && (side === 0 || side === 1));
}
