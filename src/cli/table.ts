import { formatCount, formatUsd } from '../model/format';
import { formatSiteCost, formatTotalCost, missingFromTotal, nothingPriced, settingModelCouldPrice, truncate, unpricedLabel, unpricedNote } from '../model/display';
import { USAGE_FILE_NAME } from '../model/vocabulary';
import type { Diagnostic, ScanResult } from '../model/types';

/** Renders the per-call table the CLI prints by default, followed by the summary and its assumptions. */
export function renderTable(result: ScanResult): string {
  const header = ['Location', 'Provider / model', 'Task', 'Tokens in/out', 'Calls/mo', 'Now $/mo', 'Recommendation', 'Then $/mo', 'Saves $/mo'];
  const rows = result.callSites.map((site) => [
    `${site.file}:${site.line}`,
    `${site.provider} / ${site.model.id ?? (site.model.raw ? `? (${cell(site.model.raw, 24)})` : '?')}${site.modelPricing?.assumed ? ` assumed ${site.modelPricing.model}` : ''}`,
    `${site.task.type} ${Math.round(site.task.confidence * 100)}%`,
    `${formatCount(site.tokens.inputPerCall)}/${formatCount(site.tokens.outputPerCall)}${site.tokens.isEstimate ? '*' : ''}`,
    `${formatCount(site.volume.callsPerMonth)}${site.volume.source === 'default' ? '*' : ''}`,
    `${formatSiteCost(site, formatUsd)}${site.inTotals === false ? '†' : ''}`,
    // An unpriced call has no advice: it says so and points at the instruction below the table.
    site.monthlyUsdCurrent === null ? `${unpricedLabel(site)}: see below` : cell(site.recommendation?.label ?? 'keep as is', 44),
    site.monthlyUsdCurrent === null ? '-' : formatUsd(site.recommendation?.monthlyUsd ?? site.monthlyUsdCurrent),
    site.monthlyUsdCurrent === null ? '-' : formatUsd(site.recommendation?.savingsUsd ?? 0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const out = [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
  const { summary } = result;
  out.push('');
  const unpricedSites = result.callSites.filter((site) => site.monthlyUsdCurrent === null);
  const totals = nothingPriced(summary)
    ? `Monthly now: ${formatTotalCost(summary, formatUsd)}${unpricedSites.some(settingModelCouldPrice) ? '; no total until their models are set' : ''}.`
    : `Monthly now ${formatTotalCost(summary, formatUsd)}, after recommendations ${formatUsd(summary.monthlyUsdRecommended)} (saves ${formatUsd(summary.monthlyUsdCurrent - summary.monthlyUsdRecommended)})${missingFromTotal(summary) > 0 ? '; totals leave the unpriced calls out' : ''}.`;
  out.push(`${summary.callSites} call site${summary.callSites === 1 ? '' : 's'} in ${summary.filesParsed ?? '?'} of ${summary.filesScanned ?? '?'} files parsed. ${totals}`);
  out.push(`Prices as of ${result.catalog.asOf}. Volume: ${summary.volumeAssumption ?? 'see each call'}.`);
  if (result.callSites.some((site) => site.tokens.isEstimate)) out.push('* tokens: include run-time parts (user input, context, history) sized by documented defaults, not measured.');
  if (result.callSites.some((site) => site.volume.source === 'default')) out.push(`* calls/month: the built-in default, an assumption; set real volumes in ${USAGE_FILE_NAME} or with a // llm-advisor: comment.`);
  const leftOut = result.callSites.filter((site) => site.inTotals === false);
  if (leftOut.length > 0) {
    out.push(`† not in the totals, so each request is counted once (${leftOut.length} call site${leftOut.length === 1 ? '' : 's'}):`);
    for (const site of leftOut.slice(0, 20)) out.push(`  ${site.file}:${site.line}: ${site.totalsNote ?? 'left out'}`);
    if (leftOut.length > 20) out.push(`  ... and ${leftOut.length - 20} more (see --format json)`);
  }
  const ranged = result.callSites.filter((site) => site.modelPricing);
  if (ranged.length > 0) {
    out.push('');
    out.push(`Calls priced over several models (the number is the first one's; the range spans them all)${ranged.some((site) => site.modelPricing!.assumed) ? '; "assumed": the code does not state the model, so the figure is an assumption until you set it' : ''}:`);
    for (const site of ranged.slice(0, 20)) out.push(`  ${site.file}:${site.line}: ${site.modelPricing!.basis}`);
    if (ranged.length > 20) out.push(`  ... and ${ranged.length - 20} more (see --format json)`);
  }
  if (unpricedSites.length > 0) {
    out.push('');
    out.push(`Why not priced${unpricedSites.some(settingModelCouldPrice) ? ', and how to set the model' : ''} (${unpricedNote(summary)}):`);
    for (const site of unpricedSites.slice(0, 20)) out.push(`  ${site.file}:${site.line}: ${site.unpricedReason ?? unpricedLabel(site)}`);
    if (unpricedSites.length > 20) out.push(`  ... and ${unpricedSites.length - 20} more (see --format json)`);
  }
  // The unpriced calls' reasons are listed above; the rest of the diagnostics follow. A reason is listed with a prefix
  // (`not priced: ...`) or the instruction that fixes it, so a diagnostic its call's reason contains is the same news.
  const reasons = new Set(unpricedSites.map((site) => site.unpricedReason));
  const saidAbove = (diagnostic: Diagnostic) => reasons.has(diagnostic.message) || unpricedSites.some((site) => site.file === diagnostic.file && site.line === diagnostic.line && site.unpricedReason?.includes(diagnostic.message));
  const diagnostics = result.diagnostics.filter((diagnostic) => !saidAbove(diagnostic));
  if (diagnostics.length > 0) {
    out.push('');
    out.push(`${diagnostics.length} diagnostic${diagnostics.length === 1 ? '' : 's'}:`);
    for (const diagnostic of diagnostics.slice(0, 20)) out.push(`  ${diagnostic.severity}: ${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}: ${diagnostic.message}`);
    if (diagnostics.length > 20) out.push(`  ... and ${diagnostics.length - 20} more (see --format json)`);
  }
  return out.join('\n') + '\n';
}

/** A cell on one line, at most `length` characters. */
function cell(text: string, length: number): string {
  return truncate(text.replace(/\s+/g, ' '), length);
}
