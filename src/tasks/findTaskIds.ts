const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Providers whose ids the unified API prefixes, e.g. `grok:`, `veo3.1-components:`, `jimeng:`. */
const PROVIDER = '(?:grok|veo|sora|jimeng|kling|runway|luma|hailuo|minimax|wan|seedance|vidu|pixverse|hunyuan)[\\w.-]*';

/**
 * Every task id in a text, in order of appearance, without repeats: bare
 * UUIDs (with or without a provider prefix) and provider-prefixed ids such
 * as `veo3.1-components:1762241017-xTL0P9HvGF`. Provider prefixes are matched
 * by name, so ordinary `key:value` text is not mistaken for an id.
 */
export function findTaskIds(text: string): string[] {
  const pattern = new RegExp(`(?<![\\w.:-])(?:(?:${PROVIDER}):)?${UUID}(?![\\w-])|(?<![\\w.:-])${PROVIDER}:[A-Za-z0-9][\\w-]{5,}(?![\\w-])`, 'gi');
  return [...new Set(text.match(pattern) ?? [])];
}
