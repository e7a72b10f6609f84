/**
 * The one way the product writes numbers for people: money, counts and shares, in the CLI table,
 * the plan, the cost diff, the panel, the CodeLens, the hover and every derivation. Pure and
 * Intl-free (the advisor formats in hot loops), deterministic across locales.
 */

/**
 * US dollars: `$1,240` from $100 up, `$12.40` and `$0.00` below, `<$0.01` for dust, the sign first
 * (`-$12.40`), and `$?` when the amount is unknown (never `$0`). `whole` rounds to dollars at any
 * size, for amounts that are estimates to the dollar (fixed costs, break-even spend).
 */
export function formatUsd(value: number | null | undefined, precision: 'auto' | 'whole' = 'auto'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '$?';
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (precision === 'whole') return `${Math.round(abs) === 0 ? '' : sign}$${groupThousands(Math.round(abs))}`;
  if (abs > 0 && abs < 0.005) return `${sign}<$0.01`;
  // From $100 up the cents only decide that the amount is shown whole (roundCents(abs) >= 100 there).
  const cents = abs >= 100 ? abs : roundCents(abs);
  if (cents >= 100) return `${sign}$${groupThousands(Math.round(abs))}`;
  return `${sign}$${cents.toFixed(2)}`;
}

/**
 * Rounds to cents half up on the number's shortest decimal form (23.825 -> 23.83), as people and
 * Intl do; `toFixed` alone rounds the binary value (23.825 is stored as 23.82499...). The shift by
 * two places goes on the exponent, because from 1e21 up that form is already `2.5e+21` and
 * appending `e2` to it reads as NaN.
 */
function roundCents(value: number): number {
  // value × 100 in binary is within a few units in the last place of the shifted decimal form
  // (relative error < 1e-15); away from a half cent both round to the same whole cent, and the
  // string round trip (formatUsd's hot spot) is needed only near one.
  const shifted = value * 100;
  const fraction = shifted - Math.floor(shifted);
  if (Math.abs(fraction - 0.5) > 1e-9 + shifted * 1e-14) return Math.round(shifted) / 100;
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Math.round(Number(`${mantissa}e${Number(exponent) + 2}`)) / 100;
}

/** A count with thousands separators, rounded: `20,000`; `?` when unknown. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '?';
  const sign = Math.round(value) < 0 ? '-' : '';
  return sign + groupThousands(Math.round(Math.abs(value)));
}

/** A share as a whole percentage: 0.8 -> `80%`; `?` when unknown. */
export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '?';
  return `${Math.round(fraction * 100)}%`;
}

/**
 * Commas every three digits from the right. A string of digits is cut into groups directly (the
 * advisor writes thousands of counts per scan, and a look-ahead regex per number was most of it);
 * anything else `String` gives for a whole number is an exponent form (`1.2345e+21`), left as it
 * is: commas in its mantissa would misstate the number.
 */
function groupThousands(n: number): string {
  const digits = String(n);
  if (digits.length <= 3 || !ONLY_DIGITS.test(digits)) return digits;
  const head = ((digits.length - 1) % 3) + 1;
  let grouped = digits.slice(0, head);
  for (let at = head; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return grouped;
}

const ONLY_DIGITS = /^\d+$/;
