/** Formats US dollars for people: $1,240 above $100, cents below, `n/a` when unknown. */
export function formatUsd(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : 2;
  return `$${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** Formats a count with thousands separators: 20,000. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
