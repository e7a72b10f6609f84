/**
 * The words the editor shows for a call site: the CodeLens title and the hover's Markdown.
 * Pure functions (no `vscode` import), so they are unit-tested as strings on plain Node.
 */
import type { CallSite, ScanSummary } from '../model/types';
import { formatCount, formatPercent, formatUsd } from '../model/format';
import { formatSiteCost, modelLabel, neutralizeUnsafeChars, missingFromTotal, nothingPriced, onlyPaidByEndUsers, pricedModelLabel, settingModelCouldPrice, tierLabel, truncate, unpricedLabel } from '../model/display';

/** Plain text for a CodeLens title: bidi/control characters made visible, `$(icon)` syntax defused. */
export function lensText(text: string): string {
  return neutralizeUnsafeChars(text).replace(/\$\(/g, '$\u200a(').replace(/[\r\n]+/g, ' ');
}

/** `≈ $1,240/mo · gpt-4o · classification → Llama 3.3 70B on Groq ≈ $95/mo` */
export function codeLensTitle(site: CallSite): string {
  // Never "$0" for a call without a price: the lens says what is missing; its tooltip and hover say how to set it.
  if (site.monthlyUsdCurrent === null) {
    const what = settingModelCouldPrice(site) ? 'set the model (LLM Hosting Advisor: Set Model for Call)' : 'no price to the team';
    return lensText(`${unpricedLabel(site)}: ${what} · ${truncate(modelLabel(site.model), 40)} · ${site.task.type}`);
  }
  const parts = [`≈ ${formatSiteCost(site)}/mo`, truncate(pricedModelLabel(site), 60), site.task.type];
  let title = parts.join(' · ');
  const rec = site.recommendation;
  if (rec) title += ` → ${truncate(rec.label, 60)} ≈ ${formatUsd(rec.monthlyUsd)}/mo`;
  return lensText(title);
}

export function codeLensTooltip(site: CallSite): string {
  const rec = site.recommendation;
  if (site.monthlyUsdCurrent === null) return lensText(`${site.unpricedReason ?? unpricedLabel(site)}${settingModelCouldPrice(site) ? ' Click to pick the model (Set Model for Call).' : ''}`);
  return lensText(
    rec
      ? `${site.provider} ${pricedModelLabel(site)} at ${formatCount(site.volume.callsPerMonth)} calls/month (${site.volume.source}). ` +
          `Recommended: ${rec.label} (${tierLabel(rec.tier)}), saves ${formatUsd(rec.savingsUsd)}/mo. Click to open the cost panel.`
      : `${site.provider} ${modelLabel(site.model)}: no recommendation. Click to open the cost panel.`,
  );
}

/** Escapes text for Markdown (inline): every punctuation Markdown could read, plus HTML brackets. */
export function escapeMarkdown(text: string): string {
  return neutralizeUnsafeChars(String(text))
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&$:]/g, (ch) => `\\${ch}`);
}

/**
 * The hover: the call's cost, tokens, volume, every option with its price and viability, and a
 * link that opens the panel on this call (`openPanelLink` is a `command:` URI built by the caller).
 */
export function hoverMarkdown(site: CallSite, openPanelLink?: string): string {
  const e = escapeMarkdown;
  const rec = site.recommendation;
  const lines: string[] = [];
  lines.push(`**LLM Hosting Advisor** · ${e(site.provider)} / **${e(pricedModelLabel(site))}**`);
  lines.push('');
  if (site.monthlyUsdCurrent === null) {
    lines.push(`- **Cost today:** ${e(unpricedLabel(site))} (not $0: left out of the totals)`);
    if (settingModelCouldPrice(site)) lines.push(`- **Why, and how to set it:** ${e(site.unpricedReason ?? 'no price for this call')} Or run the command _Set Model for Call_.`);
    else lines.push(`- **Why:** ${e(site.unpricedReason ?? unpricedLabel(site))}`);
  } else {
    lines.push(`- **Cost today:** ${e(formatSiteCost(site))}/mo`);
    if (site.modelPricing) lines.push(`- **Models:** ${e(site.modelPricing.basis)}`);
  }
  lines.push(`- **Task:** ${e(site.task.type)} (${e(formatPercent(site.task.confidence))} confidence)`);
  lines.push(
    `- **Tokens per call:** ${e(formatCount(site.tokens.inputPerCall))} in / ${e(formatCount(site.tokens.outputPerCall))} out — ${e(site.tokens.method)}`,
  );
  lines.push(`- **Calls per month:** ${e(formatCount(site.volume.callsPerMonth))} (${e(site.volume.basis ?? site.volume.source)})`);
  if (rec) {
    lines.push(`- **Recommended:** ${e(rec.label)} (${e(tierLabel(rec.tier))}) ≈ ${e(formatUsd(rec.monthlyUsd))}/mo, saves ${e(formatUsd(rec.savingsUsd))}/mo`);
  }
  if (site.options.length) {
    lines.push('');
    lines.push('| Option | Tier | $/mo | Viable |');
    lines.push('|---|---|---:|:---:|');
    for (const o of [...site.options].sort((a, b) => a.monthlyUsd - b.monthlyUsd).slice(0, 8)) {
      const mark = rec && o.label === rec.label ? ' ★' : o.current ? ' (today)' : '';
      lines.push(`| ${e(o.label)}${mark} | ${e(tierLabel(o.tier))} | ${e(formatUsd(o.monthlyUsd))} | ${o.viable ? '✓' : '✗'} |`);
    }
  }
  if (rec?.why) {
    lines.push('');
    lines.push(`_${e(rec.why)}_`);
  }
  if (openPanelLink) {
    lines.push('');
    lines.push(`[Open in cost panel](${openPanelLink})`);
  }
  return lines.join('\n');
}

/** The status bar text: the monthly total, and the unpriced calls when there are any (never a bare `$0` for unknowns). */
export function statusBarText(summary: ScanSummary): string {
  const unpriced = summary.unpricedCallSites ?? 0;
  if (nothingPriced(summary)) {
    const all = unpriced + (summary.unpricedLeftOutCallSites ?? 0);
    if (onlyPaidByEndUsers(summary) && all === unpriced) return `$(account) LLM: ${all} call${all === 1 ? '' : 's'} paid for by users (no price to the team)`;
    return `$(warning) LLM: ${all} call${all === 1 ? '' : 's'} not priced (model unknown)`;
  }
  // A total that includes calls priced over assumed models says so, in the bar itself.
  const assumed = summary.assumedModelCallSites ?? 0;
  const missing = missingFromTotal(summary);
  return `$(graph) LLM ≈ ${formatUsd(summary.monthlyUsdCurrent)}/mo${assumed > 0 ? ` (${assumed} assumed)` : ''}${missing > 0 ? ` + ${missing} not priced` : ''}`;
}
