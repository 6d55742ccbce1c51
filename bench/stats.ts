// Small figures helpers shared by the bench scripts.

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export function summarize(samples: readonly number[]): { median: number; p99: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? Number.NaN };
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** The slow end, named as it is: a p99 of fewer than 100 samples is only their largest, so it says "max". */
export function slowEnd(samples: readonly number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted.length >= 100
    ? `p99 ${ms(percentile(sorted, 99))}`
    : `max ${ms(sorted.at(-1) ?? Number.NaN)} of ${sorted.length}`;
}
