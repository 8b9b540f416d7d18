import { field, isObject, numberField, stringField, withoutUndefined } from '../api/fields';
import type { CreateVideoRequest } from '../api/videoApiClient';
import { l10n } from '../l10n';
import type { TrackedTask } from '../tasks/trackedTask';

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

/**
 * A create request passed as a command argument (Retry, Generate Again), with
 * only the fields the API takes and each checked like typed input. Anything
 * else in the object is dropped rather than sent to the gateway.
 */
export function requestFromArgument(value: unknown): CreateVideoRequest | undefined {
  if (!isObject(value)) {
    return undefined;
  }
  const model = stringField(value, 'model');
  const prompt = stringField(value, 'prompt');
  if (model === undefined || checkModelName(model) !== undefined || prompt === undefined || prompt.length > MAX_PROMPT_LENGTH) {
    return undefined;
  }
  const word = (key: string): string | undefined => {
    const text = stringField(value, key);
    return text !== undefined && /^[\w:.-]{1,20}$/.test(text) ? text : undefined;
  };
  const flag = (key: string): boolean | undefined => {
    const given = field(value, key);
    return typeof given === 'boolean' ? given : undefined;
  };
  const duration = numberField(value, 'duration');
  const images = field(value, 'images');
  const parsed = Array.isArray(images) && images.every((image) => typeof image === 'string') ? parseImageUrls(images.join(' '), MAX_IMAGES) : undefined;
  return withoutUndefined({
    model,
    prompt,
    aspect_ratio: word('aspect_ratio'),
    size: word('size'),
    orientation: word('orientation'),
    duration: duration !== undefined && Number.isInteger(duration) && duration > 0 && duration <= 600 ? duration : undefined,
    enhance_prompt: flag('enhance_prompt'),
    enable_upsample: flag('enable_upsample'),
    images: parsed !== undefined && 'urls' in parsed && parsed.urls.length > 0 ? parsed.urls : undefined,
  });
}

/**
 * What Generate Again starts from: the request sent, when the task was
 * created here, otherwise the model, prompt and ratio the gateway reports;
 * either checked like any request from outside (stored state can be damaged).
 * Undefined while neither is known and sound.
 */
export function requestToRepeat(task: TrackedTask): CreateVideoRequest | undefined {
  const snapshot = task.snapshot;
  return requestFromArgument(task.request) ?? requestFromArgument({ model: snapshot?.model, prompt: snapshot?.prompt, aspect_ratio: snapshot?.ratio });
}

/** The longest prompt the create flow accepts. */
export const MAX_PROMPT_LENGTH = 4000;
/** The most reference images any known model takes. */
const MAX_IMAGES = 3;
