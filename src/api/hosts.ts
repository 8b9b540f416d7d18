/**
 * What kind of network a URL's host is on, decided from the name or address
 * alone (no DNS look-up, so nothing here waits or leaks a query).
 */

/** `localhost`, `127.0.0.0/8` and `[::1]`: this machine. */
export function isLoopbackHost(hostname: string): boolean {
  return networkOf(hostname) === 'loopback';
}

/** Sending to this URL would put what is sent on the network unencrypted. */
export function isClearTextRemote(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/**
 * The private network a host belongs to — `loopback`, an IPv4 private or
 * link-local block such as `192.168.0.0/16`, an IPv6 local range, or
 * `.local`-style names that only resolve inside a network — or undefined for
 * a public host. Two hosts with the same answer are on the same network as
 * far as this extension can tell without resolving names.
 */
export function networkOf(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost') {
    return 'loopback';
  }
  if (host.startsWith('[')) {
    return ipv6Network(host.slice(1, -1));
  }
  const ipv4 = parseIpv4(host);
  if (ipv4 !== undefined) {
    return ipv4Network(ipv4);
  }
  if (!host.includes('.')) {
    // `https://nas/…`: the resolver's search domain makes a single label a machine on the local network.
    return 'single-label';
  }
  if (host.endsWith('.home.arpa')) {
    return '.home.arpa';
  }
  const suffix = host.slice(host.lastIndexOf('.') + 1);
  return LOCAL_NAME_SUFFIXES.has(suffix) ? `.${suffix}` : undefined;
}

/** Top-level names that do not resolve on the public internet: mDNS, ICANN's `.internal`, Kubernetes, and common private ones. */
const LOCAL_NAME_SUFFIXES = new Set(['local', 'localdomain', 'internal', 'lan', 'intranet', 'corp', 'home', 'svc', 'test']);

/**
 * Blocks that are not the public internet (RFC 6890): private, link-local
 * (the cloud metadata address 169.254.169.254 among them), carrier-grade NAT,
 * benchmarking, protocol assignments, multicast and reserved.
 */
const IPV4_BLOCKS: readonly [network: number, bits: number, name: string][] = [
  [0x7f000000, 8, 'loopback'],
  [0x0a000000, 8, '10.0.0.0/8'],
  [0xac100000, 12, '172.16.0.0/12'],
  [0xc0a80000, 16, '192.168.0.0/16'],
  [0xa9fe0000, 16, '169.254.0.0/16'],
  [0x64400000, 10, '100.64.0.0/10'],
  [0xc6120000, 15, '198.18.0.0/15'],
  [0xc0000000, 24, '192.0.0.0/24'],
  [0xe0000000, 4, '224.0.0.0/4'],
  [0xf0000000, 4, '240.0.0.0/4'],
  [0x00000000, 8, '0.0.0.0/8'],
];

function ipv4Network(address: number): string | undefined {
  for (const [network, bits, name] of IPV4_BLOCKS) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((address & mask) >>> 0 === network) {
      return name;
    }
  }
  return undefined;
}

/** A dotted-quad IPv4 address as a number; the URL parser has already turned `0x7f.1` and friends into this form. */
function parseIpv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) {
    return undefined;
  }
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

function ipv6Network(address: string): string | undefined {
  if (address === '::1') {
    return 'loopback';
  }
  // IPv4-mapped (`::ffff:7f00:1`, as the URL parser writes `::ffff:127.0.0.1`): the IPv4 address decides.
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (mapped) {
    return ipv4Network(parseInt(mapped[1], 16) * 65536 + parseInt(mapped[2], 16));
  }
  if (address === '::') {
    return 'unspecified';
  }
  if (/^f[cd]/.test(address)) {
    return 'fc00::/7';
  }
  return /^fe[89ab]/.test(address) ? 'fe80::/10' : undefined;
}
