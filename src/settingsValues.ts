import { l10n } from './l10n';

/** A numeric setting's value after clamping, and what to tell the user when it was changed. */
export interface ClampedSetting {
  readonly value: number;
  readonly notice?: string;
}

/**
 * Clamps a numeric setting into its range. A value outside it is not
 * silently ignored: the notice says which value is used instead.
 */
export function clampSetting(
  name: string,
  raw: unknown,
  range: { readonly min: number; readonly max: number; readonly fallback: number; readonly integer?: boolean },
): ClampedSetting {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { value: range.fallback, notice: l10n.t('{0} is not a number; using {1}.', name, range.fallback) };
  }
  const rounded = range.integer ? Math.round(raw) : raw;
  const value = Math.min(range.max, Math.max(range.min, rounded));
  if (value === raw) {
    return { value };
  }
  const notice =
    value === range.min
      ? l10n.t('{0} is {1}; using the minimum, {2}.', name, raw, value)
      : value === range.max
        ? l10n.t('{0} is {1}; using the maximum, {2}.', name, raw, value)
        : l10n.t('{0} is {1}; using {2}.', name, raw, value);
  return { value, notice };
}

/** Which finished tasks show a notification (`anyapiVideo.notifyOn`). */
export type NotifyOn = 'all' | 'failures' | 'none';

/**
 * `anyapiVideo.notifyOn` as set; while it is not set, the setting it
 * replaced (`notifyOnCompletion`, before 0.11) still decides: `false` meant none.
 */
export function notifyOnFrom(set: unknown, notifyOnCompletion: unknown): NotifyOn {
  if (set === 'all' || set === 'failures' || set === 'none') {
    return set;
  }
  return notifyOnCompletion === false ? 'none' : 'all';
}
