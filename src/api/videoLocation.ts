import { field, isObject, type JsonObject } from './fields';

/**
 * Where real gateways put a finished task's video, most common first (see
 * test/fixtures/gateways). A path step is a key, or `0` for the first item of
 * an array. Only these places are looked at: thumbnails, covers, last frames,
 * input and reference images, keyframes and webhooks sit elsewhere and are
 * never taken for the video.
 */
const VIDEO_PATHS: readonly (readonly (string | 0)[])[] = [
  ['video_url'],
  ['result_url'],
  ['url'],
  ['video'],
  ['video', 'url'],
  ['video', 'uri'],
  ['output'],
  ['output', 0],
  ['output', 'video_url'],
  ['output', 'video'],
  ['output', 'video', 'url'],
  ['content', 'video_url'],
  ['metadata', 'url'],
  ['result', 'video_url'],
  ['result', 'video', 'url'],
  ['result', 'outputs', 0],
  ['task_result', 'videos', 0, 'url'],
  ['videos', 0, 'url'],
  ['creations', 0, 'url'],
  ['video_result', 0, 'url'],
  ['data', 0, 'url'],
  ['assets', 'video'],
  ['response', 'generatedSamples', 0, 'video', 'uri'],
  ['generatedSamples', 0, 'video', 'uri'],
];

/**
 * The video of a finished task: the first absolute http(s) URL at the known
 * places in the task, then in the upstream provider's own body that some
 * gateways pass along under `data`, then in `fail_reason`, where older
 * new-api versions put it. Placeholders such as `"string"` are not URLs.
 */
export function findVideoUrl(task: JsonObject): string | undefined {
  const upstream = field(task, 'data');
  return (
    firstUrlAt(task) ??
    (isObject(upstream) ? firstUrlAt(upstream) : undefined) ??
    asHttpUrl(field(task, 'fail_reason'))
  );
}

function firstUrlAt(object: JsonObject): string | undefined {
  for (const path of VIDEO_PATHS) {
    const url = asHttpUrl(valueAt(object, path));
    if (url !== undefined) {
      return url;
    }
  }
  return undefined;
}

function valueAt(object: JsonObject, path: readonly (string | 0)[]): unknown {
  let current: unknown = object;
  for (const step of path) {
    if (step === 0) {
      current = Array.isArray(current) ? current[0] : undefined;
    } else {
      current = isObject(current) ? field(current, step) : undefined;
    }
  }
  return current;
}

/**
 * The text if it is nothing but an absolute http(s) URL with a real host
 * name (it is vetted again before anything loads it): `"string"`,
 * `"https://..."` or a sentence that starts with a URL are not.
 */
export function asHttpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  if (text.length > 4096 || !/^https?:\/\/\S+$/i.test(text)) {
    return undefined;
  }
  try {
    return /^[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/i.test(new URL(text).hostname) ? text : undefined;
  } catch {
    return undefined;
  }
}
