import { formatCount, formatUsd } from '../../model/format';
import { formatTotalCost, modelLabel, unpricedLabel } from '../../model/display';
import { mdCode, mdTable, mdText } from './markdown';
import { countUnpriced } from '../pricing/totals';
import type { CallSite, ScanResult, UnpricedKind } from '../../model/types';

export type CostChangeKind = 'added' | 'removed' | 'changed' | 'unchanged';

export interface CostChange {
  id: string;
  kind: CostChangeKind;
  file: string;
  line: number;
  before?: CostSnapshot;
  after?: CostSnapshot;
  /** The change in monthly cost; 0 when either side is not priced (then `unpriced` says so). */
  deltaUsd: number;
  /** Set when either side has no price: the delta is unknown, not 0. */
  unpriced?: string;
  reasons: string[];
}

export interface CostSnapshot {
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** Null when not priced; then `unpricedReason` says why and how to set the model. */
  monthlyUsd: number | null;
  unpricedKind?: UnpricedKind;
  unpricedReason?: string;
  /** Set when the call is left out of the totals (not production traffic, a helper, an alternative adapter). */
  leftOutOfTotals?: true;
}

export interface CostDiff {
  schemaVersion: 1;
  base: string;
  /** Totals over priced calls only; the `unpriced*` counts (countUnpriced) say how many each side's total misses, and how many more are left out of it anyway. */
  monthlyUsdBefore: number;
  monthlyUsdAfter: number;
  monthlyUsdDelta: number;
  unpricedBefore?: number;
  unpricedAfter?: number;
  unpricedLeftOutBefore?: number;
  unpricedLeftOutAfter?: number;
  changes: CostChange[];
}

function snapshot(site: CallSite): CostSnapshot {
  return { model: modelLabel(site.model), inputTokens: site.tokens.inputPerCall, outputTokens: site.tokens.outputPerCall, monthlyUsd: site.monthlyUsdCurrent, ...(site.monthlyUsdCurrent === null ? { unpricedKind: site.unpricedKind ?? 'not-priced', unpricedReason: site.unpricedReason } : {}), ...(site.inTotals === false ? { leftOutOfTotals: true as const } : {}) };
}

/** `model unknown after` / `model unknown before`: why a change's delta is not known; undefined when both sides are priced. */
function unpricedSide(before: CallSite | undefined, after: CallSite | undefined): string | undefined {
  const sides = [before && before.monthlyUsdCurrent === null ? `${unpricedLabel(before)} before` : '', after && after.monthlyUsdCurrent === null ? `${unpricedLabel(after)} after` : ''].filter(Boolean);
  return sides.length ? sides.join(', ') : undefined;
}

/** Pairs call sites of two scans by stable id and reports what was added, removed or changed, with the cost delta. */
export function compareScans(before: ScanResult, after: ScanResult, base: string): CostDiff {
  const beforeById = new Map(before.callSites.map((site) => [site.id, site]));
  const afterById = new Map(after.callSites.map((site) => [site.id, site]));
  const changes: CostChange[] = [];
  for (const site of after.callSites) {
    const old = beforeById.get(site.id);
    if (!old) {
      const unpriced = unpricedSide(undefined, site);
      changes.push({ id: site.id, kind: 'added', file: site.file, line: site.line, after: snapshot(site), deltaUsd: site.monthlyUsdCurrent ?? 0, ...(unpriced ? { unpriced } : {}), reasons: ['new call site'] });
      continue;
    }
    const reasons: string[] = [];
    if (modelLabel(old.model) !== modelLabel(site.model)) reasons.push(`model ${modelLabel(old.model)} → ${modelLabel(site.model)}`);
    if (old.tokens.inputPerCall !== site.tokens.inputPerCall) reasons.push(`input tokens ${formatCount(old.tokens.inputPerCall)} → ${formatCount(site.tokens.inputPerCall)}`);
    if (old.tokens.outputPerCall !== site.tokens.outputPerCall) reasons.push(`output tokens ${formatCount(old.tokens.outputPerCall)} → ${formatCount(site.tokens.outputPerCall)}`);
    if (old.volume.callsPerMonth !== site.volume.callsPerMonth) reasons.push(`calls/month ${formatCount(old.volume.callsPerMonth)} → ${formatCount(site.volume.callsPerMonth)}`);
    if ((old.monthlyUsdCurrent === null) !== (site.monthlyUsdCurrent === null)) reasons.push(site.monthlyUsdCurrent === null ? `no longer priced: ${unpricedLabel(site)}` : 'now priced');
    const unpriced = unpricedSide(old, site);
    const deltaUsd = unpriced ? 0 : (site.monthlyUsdCurrent ?? 0) - (old.monthlyUsdCurrent ?? 0);
    changes.push({ id: site.id, kind: reasons.length > 0 || Math.abs(deltaUsd) >= 0.005 ? 'changed' : 'unchanged', file: site.file, line: site.line, before: snapshot(old), after: snapshot(site), deltaUsd, ...(unpriced ? { unpriced } : {}), reasons });
  }
  for (const site of before.callSites) {
    if (afterById.has(site.id)) continue;
    const unpriced = unpricedSide(site, undefined);
    changes.push({ id: site.id, kind: 'removed', file: site.file, line: site.line, before: snapshot(site), deltaUsd: -(site.monthlyUsdCurrent ?? 0), ...(unpriced ? { unpriced } : {}), reasons: ['call site removed'] });
  }
  const monthlyUsdBefore = before.summary.monthlyUsdCurrent;
  const monthlyUsdAfter = after.summary.monthlyUsdCurrent;
  const countBefore = countUnpriced(before.callSites);
  const countAfter = countUnpriced(after.callSites);
  const [unpricedBefore, unpricedAfter] = [countBefore.inTotals, countAfter.inTotals];
  return {
    schemaVersion: 1,
    base,
    monthlyUsdBefore,
    monthlyUsdAfter,
    monthlyUsdDelta: Math.round((monthlyUsdAfter - monthlyUsdBefore) * 100) / 100,
    ...(unpricedBefore || unpricedAfter ? { unpricedBefore, unpricedAfter } : {}),
    ...(countBefore.leftOut || countAfter.leftOut ? { unpricedLeftOutBefore: countBefore.leftOut, unpricedLeftOutAfter: countAfter.leftOut } : {}),
    changes,
  };
}

/** A side's total as the comment shows it, with its unpriced calls named. */
function totalOf(diff: CostDiff, side: 'before' | 'after'): string {
  const unpriced = side === 'before' ? diff.unpricedBefore ?? 0 : diff.unpricedAfter ?? 0;
  const snapshots = diff.changes.flatMap((change) => (side === 'before' ? change.before : change.after) ?? []);
  // The diff keeps no count by kind: counted from the side's snapshots, as the scan's summary counts its call sites.
  const kinds = countUnpriced(snapshots.map((snap) => ({ monthlyUsdCurrent: snap.monthlyUsd, inTotals: !snap.leftOutOfTotals, unpricedKind: snap.unpricedKind }))).byKind;
  return formatTotalCost({ callSites: snapshots.length, monthlyUsdCurrent: side === 'before' ? diff.monthlyUsdBefore : diff.monthlyUsdAfter, unpricedCallSites: unpriced, unpricedLeftOutCallSites: side === 'before' ? diff.unpricedLeftOutBefore : diff.unpricedLeftOutAfter, unpricedByKind: kinds }, formatUsd);
}

/** Markdown for a pull-request comment: the total change, then one row per changed call site. */
export function renderCostDiffMarkdown(diff: CostDiff): string {
  const sign = (value: number) => (value > 0 ? `+${formatUsd(value)}` : value < 0 ? `−${formatUsd(-value)}` : formatUsd(0));
  const changed = diff.changes.filter((change) => change.kind !== 'unchanged').sort((a, b) => Math.abs(b.deltaUsd) - Math.abs(a.deltaUsd));
  const lines = [
    '## LLM cost change',
    '',
    `Monthly LLM spend: ${mdText(totalOf(diff, 'before'))} → ${mdText(totalOf(diff, 'after'))} (**${sign(diff.monthlyUsdDelta)}/month**${diff.unpricedAfter || diff.unpricedBefore ? ' over the priced calls' : ''}) compared with ${mdCode(diff.base)}.`,
    '',
  ];
  const unpricedNow = diff.changes.filter((change) => change.after && change.after.monthlyUsd === null && change.kind !== 'unchanged');
  if (unpricedNow.length > 0) {
    lines.push(`${unpricedNow.length} changed call site${unpricedNow.length === 1 ? ' is' : 's are'} not priced: ${unpricedNow.length === 1 ? 'its' : 'their'} cost is unknown, not $0.`, '');
    for (const change of unpricedNow.slice(0, 10)) lines.push(`- ${mdText(`${change.file}:${change.line}`)}: ${mdText(change.after!.unpricedReason ?? unpricedLabel(change.after!))}`);
    lines.push('');
  }
  if (changed.length === 0) {
    lines.push('No LLM call site changed cost.');
  } else {
    lines.push(mdTable(['Change', 'Call site', 'Model', 'Tokens in/out', 'Δ $/month', 'Why'], changed.map((change) => {
      const state = change.after ?? change.before!;
      return [change.kind, mdText(`${change.file}:${change.line}`), mdText(state.model), `${formatCount(state.inputTokens)}/${formatCount(state.outputTokens)}`, change.unpriced ? mdText(`unknown (${change.unpriced})`) : sign(change.deltaUsd), mdText(change.reasons.join('; '))];
    })));
  }
  lines.push('', '<sub>Generated by LLM Hosting Advisor. Volumes without a usage file are assumptions.</sub>', '');
  return lines.join('\n');
}
