/** A media URL the preview may load, and the origin its CSP must allow. */
export interface VettedUrl {
  readonly url: string;
  readonly origin: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Accepts only https URLs, or http ones on loopback (a local gateway).
 * `javascript:`, `data:`, `file:`, `command:`, `vscode:` and every other
 * scheme are refused, as are URLs carrying credentials.
 */
export function vetMediaUrl(raw: string | undefined): VettedUrl | undefined {
  if (raw === undefined) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname));
  if (!allowed || url.username !== '' || url.password !== '' || url.hostname === '') {
    return undefined;
  }
  return { url: url.href, origin: url.origin };
}

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
