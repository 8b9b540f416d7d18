import { l10n } from '../l10n';

const UNITS: readonly [limitSeconds: number, seconds: number, say: (count: number) => string][] = [
  [60, 1, (count) => l10n.t('{0} s ago', count)],
  [3600, 60, (count) => l10n.t('{0} min ago', count)],
  [86400, 3600, (count) => l10n.t('{0} h ago', count)],
  [Infinity, 86400, (count) => l10n.t('{0} d ago', count)],
];

/** "just now", "45 s ago", "2 min ago", "3 h ago", "5 d ago". */
export function relativeTime(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 10) {
    return l10n.t('just now');
  }
  const [, size, say] = UNITS.find(([limit]) => seconds < limit) ?? UNITS[UNITS.length - 1];
  return say(Math.floor(seconds / size));
}
