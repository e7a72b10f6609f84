/**
 * Text from user code made safe to show, and the labels people read: shared by the panel, the
 * CodeLens, the hover and the plan, with the HTML escaping of the panel's markup (browser script)
 * and shell (extension host). Numbers are written by format.ts. Pure functions (no DOM, no `vscode`).
 */
import type { CallSite, ScanSummary, Tier, UnpricedKind } from './types';
import { formatUsd } from './format';

/**
 * Bidirectional-override and invisible formatting characters (the "Trojan Source" set) plus C0/C1
 * controls other than tab and newline: the one set of characters from user code that no output shows
 * as they are. The panel and the hover make them visible, the Markdown plan drops them, so a
 * prompt or file name cannot reorder what people read.
 */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Replaces bidi/invisible/control characters with a visible `<U+202E>` marker. */
export function neutralizeUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, (ch) => `<U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}

/** Removes bidi/invisible/control characters (where a marker would be noise, e.g. the Markdown plan). */
export function stripUnsafeChars(text: string): string {
  return text.replace(UNSAFE_CHARS, '');
}

/** Shortens to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** `src/a.ts:12`. */
export function formatLocation(file: string, line: number): string {
  return `${file}:${line}`;
}

/** Longest written model expression shown: the model argument can be a whole call (cline's `withEmptyResponseRetry(provider.operations.language(...), ...)`). */
const MAX_WRITTEN_MODEL_CHARS = 80;

/**
 * A model expression as the code writes it, on one line and shortened: an argument written over several lines
 * (with the file's indentation) would break a table row, a CodeLens or a sentence of the plan.
 */
export function writtenModel(raw: string): string {
  return truncate(raw.replace(/\s+/g, ' ').trim(), MAX_WRITTEN_MODEL_CHARS);
}

/** The model as shown to people: canonical id when known, else what was written. */
export function modelLabel(model: { id: string | null; raw: string } | undefined | null): string {
  if (!model) return 'unknown model';
  return model.id ?? (model.raw ? writtenModel(model.raw) : 'unknown model');
}

/**
 * The model of a call as shown next to its cost: the model label, and when the call is priced over an
 * assumed set (the code does not state the model) the assumed model the figure is for, so no one reads
 * an assumed figure as the code's: `this.model (assumed: gpt-4.1-mini)`.
 */
export function pricedModelLabel(site: Pick<CallSite, 'model' | 'modelPricing'>): string {
  const label = modelLabel(site.model);
  return site.modelPricing?.assumed ? `${label} (assumed: ${site.modelPricing.model})` : label;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escapes text for an HTML text node; bidi and control characters are made visible first. */
export function esc(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return neutralizeUnsafeChars(text).replace(/[&<>"'`]/g, (ch) => HTML_ESCAPES[ch]);
}

/** Escapes text for a double-quoted attribute value (also encodes whitespace that could split it). */
export function escAttr(value: unknown): string {
  return esc(value).replace(/[\t\n\r]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export const TIER_LABELS: Record<Tier, string> = {
  'closed-api': 'Closed API',
  'open-api': 'Open-model API',
  'self-hosted': 'Self-hosted',
};

export function tierLabel(tier: string): string {
  return (TIER_LABELS as Record<string, string>)[tier] ?? tier;
}

/** What a call without a price shows where its cost would be: never `$0`. */
export const UNPRICED_LABELS: Record<UnpricedKind, string> = {
  'model-unknown': 'model unknown',
  'model-not-in-catalog': 'model not in catalog',
  'not-priced': 'not priced',
  'end-user-device': "on the user's device",
  'end-user-subscription': "on the user's subscription",
};

/** The unpriced kinds the end user pays for (their device, their subscription): no price to the team, no model to set. */
const PAID_BY_END_USER: ReadonlySet<UnpricedKind> = new Set(['end-user-device', 'end-user-subscription']);

/** Whether every unpriced call the totals miss is paid for by the end users: then the total misses nothing, and there is no model to set. */
export function onlyPaidByEndUsers(summary: Pick<ScanSummary, 'unpricedCallSites' | 'unpricedByKind'>): boolean {
  return (summary.unpricedCallSites ?? 0) > 0 && missingFromTotal(summary) === 0;
}

function endUserPaid(byKind: Partial<Record<UnpricedKind, number>> | undefined): number {
  let paid = 0;
  for (const kind of PAID_BY_END_USER) paid += byKind?.[kind] ?? 0;
  return paid;
}

/** Where the end users pay for such calls: on their devices, under their subscriptions, or both. */
function paidByEndUsersWhere(byKind: Partial<Record<UnpricedKind, number>> | undefined): string {
  const devices = (byKind?.['end-user-device'] ?? 0) > 0;
  const subscriptions = (byKind?.['end-user-subscription'] ?? 0) > 0;
  return devices && subscriptions ? "on the end users' own devices or subscriptions" : subscriptions ? "under the end users' own subscriptions" : "on the end users' own devices";
}

/** Whether stating the call's model could price it: not for one the end user pays for (their device, their subscription). */
export function settingModelCouldPrice(site: Pick<CallSite, 'unpricedKind'>): boolean {
  return site.unpricedKind === undefined || !PAID_BY_END_USER.has(site.unpricedKind);
}

export function unpricedLabel(site: Pick<CallSite, 'unpricedKind'>): string {
  return UNPRICED_LABELS[site.unpricedKind ?? 'not-priced'];
}

/**
 * ` ($12–$450)`: the low and high ends of a cost over a call's candidate models, or '' when they read the same
 * at the precision shown (a spread of cents on $660 is `$660`, never `$660–$660`).
 */
function formatSpread(range: { low: number; high: number } | undefined, usd: (value: number) => string): string {
  if (!range) return '';
  const low = usd(range.low);
  const high = usd(range.high);
  return low === high ? '' : ` (${low}–${high})`;
}

type CostFields = Pick<CallSite, 'monthlyUsdCurrent' | 'unpricedKind' | 'monthlyUsdCurrentRange' | 'modelPricing' | 'costNote'>;

/**
 * A call's monthly cost as people read it: `$27`, `$27 ($12–$450)` over its candidate models,
 * `$27 (assumed)` when priced against an assumed set, or `model unknown` when it has no price.
 */
export function formatSiteCost(site: CostFields, usd: (value: number) => string = formatUsd): string {
  if (site.monthlyUsdCurrent === null) return unpricedLabel(site);
  if (site.monthlyUsdCurrent === 0 && site.costNote) return `${usd(0)} (${site.costNote})`;
  const range = site.monthlyUsdCurrentRange;
  const spread = formatSpread(range, usd);
  return `${usd(site.monthlyUsdCurrent)}${spread}${site.modelPricing?.assumed ? ' assumed' : ''}`;
}

type UnpricedFields = Pick<ScanSummary, 'callSites' | 'unpricedCallSites' | 'unpricedLeftOutCallSites' | 'unpricedByKind'>;

/** No call site has a price (none counted, none left out): there is no total, only the unpriced note. */
export function nothingPriced(summary: UnpricedFields): boolean {
  const unpriced = (summary.unpricedCallSites ?? 0) + (summary.unpricedLeftOutCallSites ?? 0);
  return unpriced > 0 && unpriced >= summary.callSites;
}

/**
 * The unpriced calls as the summary counts them (countUnpriced): those the total misses, by kind,
 * then those left out of the totals anyway. `2 calls not priced (model unknown: 1, model not in
 * catalog: 1)`, `…, 3 more left out of the totals`, `3 unpriced calls left out of the totals`, or ''
 * when every call is priced. Calls the end users pay for follow: `…; 2 calls on the end users' own
 * devices, with no price to the team`.
 */
export function unpricedNote(summary: Omit<UnpricedFields, 'callSites'>): string {
  return [missingNote(summary), endUserPaidNote(summary)].filter(Boolean).join('; ');
}

/** The unpriced calls the total misses (and those left out of it anyway): every unpriced kind but the end users'. */
function missingNote(summary: Omit<UnpricedFields, 'callSites'>): string {
  const count = missingFromTotal(summary);
  const leftOut = summary.unpricedLeftOutCallSites ?? 0;
  if (count === 0) return leftOut > 0 ? `${leftOut} unpriced call${leftOut === 1 ? '' : 's'} left out of the totals` : '';
  const kinds = Object.entries(summary.unpricedByKind ?? {})
    .filter(([kind, n]) => (n ?? 0) > 0 && !PAID_BY_END_USER.has(kind as UnpricedKind))
    .map(([kind, n]) => `${UNPRICED_LABELS[kind as UnpricedKind] ?? kind}: ${n}`);
  return `${count} call${count === 1 ? '' : 's'} not priced (${kinds.length ? kinds.join(', ') : 'model unknown'})${leftOut > 0 ? `, ${leftOut} more left out of the totals` : ''}`;
}

/** The calls the end users pay for (their device, their subscription): not missing from the total, nothing to price. */
function endUserPaidNote(summary: Pick<ScanSummary, 'unpricedByKind'>): string {
  const paid = endUserPaid(summary.unpricedByKind);
  return paid > 0 ? `${paid} call${paid === 1 ? '' : 's'} ${paidByEndUsersWhere(summary.unpricedByKind)}, with no price to the team` : '';
}

/** How many of the unpriced calls the total counts are missing from it: all but those the end users pay for. */
export function missingFromTotal(summary: Pick<ScanSummary, 'unpricedCallSites' | 'unpricedByKind'>): number {
  return Math.max(0, (summary.unpricedCallSites ?? 0) - endUserPaid(summary.unpricedByKind));
}

/**
 * The workspace's monthly total as people read it: `$540`, `$540 ($120–$900)`, and when calls are
 * unpriced `$540 + 3 calls not priced (model unknown: 3)`, and when some are priced over assumed models
 * `$540 (2 calls at assumed models)`; with no priced call at all, `3 calls not priced (model unknown: 3)`
 * rather than `$0`. Unpriced calls left out of the totals anyway add nothing to it:
 * `$540 (2 unpriced calls left out of the totals)`; nor do calls the end users pay for:
 * `$540 (2 calls on the end users' own devices, with no price to the team)`.
 */
export function formatTotalCost(summary: UnpricedFields & Pick<ScanSummary, 'monthlyUsdCurrent' | 'monthlyUsdCurrentRange' | 'assumedModelCallSites'>, usd: (value: number) => string = formatUsd): string {
  if (nothingPriced(summary)) return unpricedNote(summary);
  const range = summary.monthlyUsdCurrentRange;
  const spread = formatSpread(range, usd);
  // What the total stands on goes in one parenthesis (assumed models, unpriced calls left out anyway, calls the end
  // users pay for); unpriced calls the total misses are added after it with a "+".
  const missing = missingFromTotal(summary) > 0;
  const missingPart = missingNote(summary);
  const asides = [assumedNote(summary), missing ? '' : missingPart, endUserPaidNote(summary)].filter(Boolean);
  const total = `${usd(summary.monthlyUsdCurrent)}${spread}${asides.length ? ` (${asides.join('; ')})` : ''}`;
  return missing && missingPart ? `${total} + ${missingPart}` : total;
}

/** `3 calls at assumed models`, or '' when every priced call's model is the code's: says a total includes assumptions. */
export function assumedNote(summary: Pick<ScanSummary, 'assumedModelCallSites'>): string {
  const count = summary.assumedModelCallSites ?? 0;
  return count > 0 ? `${count} call${count === 1 ? '' : 's'} at assumed models` : '';
}

/** Levenshtein distance between two strings: how "did you mean" suggestions (task types, model ids) pick the closest name. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
