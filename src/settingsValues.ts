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
    return { value: range.fallback, notice: `${name} is not a number; using ${range.fallback}.` };
  }
  const rounded = range.integer ? Math.round(raw) : raw;
  const value = Math.min(range.max, Math.max(range.min, rounded));
  if (value === raw) {
    return { value };
  }
  const bound = value === range.min ? `the minimum, ${value}` : value === range.max ? `the maximum, ${value}` : `${value}`;
  return { value, notice: `${name} is ${raw}; using ${bound}.` };
}
