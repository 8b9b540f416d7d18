import { l10n } from 'vscode';

/** What each known model accepts besides `model` and `prompt` (from the unified API's documentation). */
export interface ModelOptions {
  readonly aspectRatios?: readonly string[];
  readonly sizes?: readonly string[];
  readonly orientations?: readonly string[];
  readonly durations?: readonly number[];
  /** veo: `enhance_prompt` and `enable_upsample`. */
  readonly veoFlags?: boolean;
  /** Reference image URLs the model takes. */
  readonly images?: { readonly min: number; readonly max: number };
}

export const VIDEO_MODELS: Readonly<Record<string, ModelOptions>> = {
  'grok-video-3': { aspectRatios: ['2:3', '3:2', '1:1'], sizes: ['720P'] },
  'veo3.1-fast': { aspectRatios: ['16:9', '9:16'], veoFlags: true, images: { min: 0, max: 3 } },
  veo3: { aspectRatios: ['16:9', '9:16'], veoFlags: true, images: { min: 0, max: 3 } },
  'sora-2': { orientations: ['portrait', 'landscape'], sizes: ['small', 'large'], durations: [10, 15] },
  'sora-2-pro': { orientations: ['portrait', 'landscape'], sizes: ['small', 'large'], durations: [10, 15] },
  'jimeng-video-3.0': { sizes: ['720x1280', '1280x720', '1080P'] },
};

/** A model name the user typed: letters, digits, `.`, `-`, `_` and `:` only. */
export function checkModelName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') {
    return l10n.t('Enter a model name, for example grok-video-3.');
  }
  return /^[\w.:-]{1,80}$/.test(trimmed) ? undefined : l10n.t('A model name has only letters, digits, “.”, “-”, “_” and “:” (at most 80).');
}

/** Reference image URLs from a line of text: https only, at most `max`. */
export function parseImageUrls(text: string, max: number): { urls: string[] } | { error: string } {
  const urls = text.split(/[\s,]+/).filter((part) => part !== '');
  if (urls.length > max) {
    return { error: l10n.t('This model takes at most {0} images.', max) };
  }
  const bad = urls.find((url) => !/^https:\/\/[^\s/]+\//.test(url));
  return bad === undefined ? { urls } : { error: l10n.t('“{0}” is not an https URL.', bad.slice(0, 60)) };
}
