import { isLoopbackHost, networkOf } from './hosts';

/** A media URL the preview may load, and the origin its CSP must allow. */
export interface VettedUrl {
  readonly url: string;
  readonly origin: string;
}

/** {@link vetMediaUrl} bound to the configured gateway; what the preview, downloads and "Open in Browser" use. */
export type MediaUrlVetter = (raw: string | undefined) => VettedUrl | undefined;

/**
 * Whether a video or thumbnail URL from the gateway may be loaded or fetched.
 * Its origin goes into the preview's CSP and the webview fetches it from the
 * user's machine, so only:
 * - `https:` (or `http:` on loopback when the gateway itself is on loopback,
 *   as a local gateway is), with no credentials in the URL;
 * - a host name of letters, digits and hyphens in dot-separated labels, or a
 *   dotted IPv4 address: nothing that could end the CSP's source list
 *   (`;`, quotes, `*`) or that a CSP cannot name (IPv6 literals);
 * - a public host, or a private one on the same network as the gateway: a
 *   LAN, link-local or loopback address (or a `.local`-style name) is
 *   accepted only when the gateway's host is in the same block (both
 *   `192.168.x.x`, both loopback…), decided from the names alone. A public
 *   gateway cannot make the editor reach into the user's network.
 */
export function vetMediaUrl(raw: string | undefined, gatewayBaseUrl: string | undefined): VettedUrl | undefined {
  const url = parseUrl(raw);
  if (url === undefined || url.username !== '' || url.password !== '' || !isCspSafeHost(url.hostname) || METADATA_HOSTS.has(url.hostname)) {
    return undefined;
  }
  const gatewayHost = parseUrl(gatewayBaseUrl)?.hostname;
  const network = networkOf(url.hostname);
  if (network !== undefined && (gatewayHost === undefined || networkOf(gatewayHost) !== network)) {
    return undefined;
  }
  const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  return allowed ? { url: url.href, origin: url.origin } : undefined;
}

/** Cloud instance metadata services (AWS, GCP, Azure, Alibaba): never media, whatever network the gateway is on. */
const METADATA_HOSTS = new Set(['169.254.169.254', '100.100.100.200', 'metadata.google.internal']);

function parseUrl(raw: string | undefined): URL | undefined {
  if (raw === undefined) {
    return undefined;
  }
  try {
    return new URL(raw.trim());
  } catch {
    return undefined;
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** RFC 1123 host names (what a CSP host-source accepts) and dotted IPv4 addresses, which have the same characters. */
function isCspSafeHost(hostname: string): boolean {
  if (hostname.length === 0 || hostname.length > 253) {
    return false;
  }
  return hostname.split('.').every((label) => label.length <= 63 && LABEL.test(label));
}
