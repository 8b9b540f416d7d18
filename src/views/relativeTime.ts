const UNITS: readonly [limitSeconds: number, seconds: number, unit: string][] = [
  [60, 1, 's'],
  [3600, 60, 'min'],
  [86400, 3600, 'h'],
  [Infinity, 86400, 'd'],
];

/** "just now", "45 s ago", "2 min ago", "3 h ago", "5 d ago". */
export function relativeTime(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 10) {
    return 'just now';
  }
  const [, size, unit] = UNITS.find(([limit]) => seconds < limit) ?? UNITS[UNITS.length - 1];
  return `${Math.floor(seconds / size)} ${unit} ago`;
}
