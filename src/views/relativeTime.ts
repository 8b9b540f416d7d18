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

/** A span of time, rounded up to what a person would say: "40 s", "2 min", "1 h 5 min". */
export function duration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) {
    return l10n.t('{0} s', seconds);
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) {
    return l10n.t('{0} min', minutes);
  }
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? l10n.t('{0} h', hours) : l10n.t('{0} h {1} min', hours, minutes % 60);
}
