import { formatCount, formatUsd } from '../../model/format';
import { formatSiteCost, formatTotalCost, modelLabel, pricedModelLabel, settingModelCouldPrice, unpricedLabel } from '../../model/display';
import { mdCode, mdFileLink, mdTable, mdText } from './markdown';
import { countUnpriced, unpricedSummaryFields } from '../pricing/totals';
import type { CallSite, HostingOption, ScanResult, Tier } from '../../model/types';
import planPolicyJson from '../../../data/catalog/plan-policy.json';

type Group = Tier | 'keep' | 'assumed' | 'migrate' | 'unpriced' | 'end-user';

const TIER_TITLES: Record<Group, string> = {
  migrate: 'Migrate off a retired or deprecated model',
  'open-api': 'Move to an open-model API',
  'closed-api': 'Switch to a cheaper closed model',
  'self-hosted': 'Self-host an open model',
  keep: 'Keep as is',
  assumed: 'Priced at an assumed model: set the real model to confirm',
  unpriced: 'Not priced: set the model first',
  'end-user': 'Paid for by the end users (their device or subscription): no price to the team',
};

/** The seed framework's operational risks, and which kind of switch each applies to. */
const RISKS: ReadonlyArray<{ name: string; applies: ReadonlyArray<Tier>; text: string }> = [
  { name: 'Quality regression', applies: ['open-api', 'closed-api', 'self-hosted'], text: 'the cheaper model may fail cases the current one handles; only your own evals on real traffic tell.' },
  { name: 'Vendor stability', applies: ['open-api'], text: 'open-model API vendors change model availability and rate limits; keep the old client configured.' },
  { name: 'Lock-in by another name', applies: ['open-api', 'self-hosted'], text: 'managed GPU platforms and vendor-specific features trade one dependency for another.' },
  { name: 'GPU availability', applies: ['self-hosted'], text: 'H100-class capacity can be scarce; reserve capacity and plan a second region.' },
  { name: 'Cold starts', applies: ['self-hosted'], text: 'loading a large model takes 30-90 s, so autoscaling is lumpy: keep warm replicas or accept spikes.' },
  { name: 'Latency tail', applies: ['self-hosted'], text: 'p99 can be 5-10x p50 until batching and scheduling are tuned.' },
  { name: 'Model drift', applies: ['self-hosted'], text: 'user behaviour shifts; run continuous evaluation to catch regressions.' },
  { name: 'Security', applies: ['self-hosted'], text: 'the inference cluster, weights and logs are now yours to secure: private network, gateway, audit logs.' },
  { name: 'Cost runaway', applies: ['self-hosted', 'open-api'], text: 'an unbounded autoscaler or retry loop can spend thousands in a weekend; set quotas and alerts.' },
];

function groupOf(site: CallSite): Group {
  // A call without a price has no advice yet; it is never "keep as is". One the end user pays for needs no model set.
  if (site.monthlyUsdCurrent === null) return settingModelCouldPrice(site) ? 'unpriced' : 'end-user';
  const recommendation = site.recommendation;
  if (recommendation?.action === 'migrate') return 'migrate';
  // Nor is a call whose model the code does not state: its "keep" is for a model assumed for it.
  const keep = !recommendation || recommendation.action === 'keep' || (recommendation.action !== 'change' && recommendation.savingsUsd <= 0.005);
  if (keep && site.modelPricing?.assumed) return 'assumed';
  if (!recommendation || recommendation.action === 'keep') return 'keep';
  // A change that must happen (compliance) is a change even when it saves nothing.
  if (recommendation.action === 'change') return recommendation.tier;
  if (recommendation.savingsUsd <= 0.005) return 'keep';
  return recommendation.tier;
}

interface EvaluationPolicy {
  task: string;
  goldenSetSize: number;
  metric: string;
  passThreshold: string;
  basis: string;
}
interface VendorTerms {
  provider: string;
  retention: string;
  residency: string;
  rateLimits: string;
  basis: string;
  source: string;
}
const POLICY = planPolicyJson as unknown as { consolidationShare: { value: number }; evaluation: EvaluationPolicy[]; vendorTerms: VendorTerms[] };

/** A change the plan lists: its site, the option it moves to, what it saves, its vendor and effort. */
interface Change {
  site: CallSite;
  option: HostingOption | undefined;
  group: Group;
  savings: number;
  vendor: string;
  effort: string;
}

function changeOf(site: CallSite): Change {
  const recommendation = site.recommendation!;
  const option = site.options.find((candidate) => candidate.label === (recommendation.optionLabel ?? recommendation.label));
  const group = groupOf(site);
  const vendor = option?.provider ?? site.provider;
  const sameVendor = vendor === site.provider || /model-id change|config/.test(recommendation.why);
  const effort =
    group === 'self-hosted'
      ? 'GPU deployment (weeks)'
      : sameVendor
        ? 'model-id change (hours) + evaluation'
        : 'new vendor: account, key, client base URL (a day) + evaluation';
  return { site, option, group, savings: recommendation.savingsUsd, vendor, effort };
}

/**
 * The fewest new vendors whose changes capture the policy share of the savings (greedy by savings),
 * and what the other vendors' changes would add.
 */
function consolidate(changes: Change[]): { vendors: string[]; captured: number; total: number; leftOut: Change[] } {
  const total = changes.reduce((sum, change) => sum + change.savings, 0);
  const byVendor = new Map<string, number>();
  for (const change of changes) byVendor.set(change.vendor, (byVendor.get(change.vendor) ?? 0) + change.savings);
  const ranked = [...byVendor.entries()].sort((a, b) => b[1] - a[1]);
  const vendors: string[] = [];
  let captured = 0;
  for (const [vendor, saved] of ranked) {
    if (total > 0 && captured >= POLICY.consolidationShare.value * total) break;
    vendors.push(vendor);
    captured += saved;
  }
  return { vendors, captured, total, leftOut: changes.filter((change) => !vendors.includes(change.vendor)) };
}

/** The risks that apply to the kinds of change in the plan, each once. */
function risksFor(tiers: Set<Tier>): string[] {
  return RISKS.filter((risk) => risk.applies.some((tier) => tiers.has(tier))).map((risk) => `**${risk.name}:** ${risk.text}`);
}

/**
 * Renders the migration plan: one page first (what to change, savings, effort, vendors, the risks
 * that matter), then the details: each change with its derivation, evaluation step, target
 * performance, rate limits and the new vendor's data terms, the self-hosting decision, what stays
 * and why. Valid GFM; every string from user code is escaped.
 */
export function renderMarkdownPlan(result: ScanResult): string {
  // The plan acts on each request once: sites the totals leave out are listed apart at the end.
  const sites = result.callSites.filter((site) => site.inTotals !== false);
  const leftOut = result.callSites.filter((site) => site.inTotals === false);
  const out: string[] = [];
  const now = result.summary.monthlyUsdCurrent;
  const after = result.summary.monthlyUsdRecommended;
  const groups = new Map<Group, CallSite[]>();
  for (const site of sites) groups.set(groupOf(site), [...(groups.get(groupOf(site)) ?? []), site]);
  const changes = sites.filter((site) => site.monthlyUsdCurrent !== null && groupOf(site) !== 'keep' && groupOf(site) !== 'assumed').map(changeOf).sort((a, b) => Number(b.group === 'migrate') - Number(a.group === 'migrate') || b.savings - a.savings);

  out.push('# LLM hosting migration plan', '');
  out.push(`Workspace ${mdCode(workspaceName(result.root))}, generated ${result.generatedAt.slice(0, 10)} by LLM Hosting Advisor. File links are relative to the workspace root.`, '');
  out.push('## Executive summary', '');
  const unpriced = sites.filter((site) => site.monthlyUsdCurrent === null);
  // The summary's count (countUnpriced), as every view shows it; counted the same way when a hand-made result has none.
  const summary = result.summary.unpricedCallSites === undefined ? { ...result.summary, ...unpricedSummaryFields(countUnpriced(result.callSites)) } : result.summary;
  const endUserPaid = groups.get('end-user') ?? [];
  const needModel = unpriced.length - endUserPaid.length;
  if (endUserPaid.length > 0 && endUserPaid.length === sites.length) out.push(`**No call site costs the team a price: ${endUserPaid.length === 1 ? 'the end user pays for it' : `the end users pay for all ${endUserPaid.length}`}, on their own device or subscription (see "${TIER_TITLES['end-user']}" below).**`, '');
  else if (unpriced.length > 0 && unpriced.length === sites.length) out.push(`**No call site is priced yet: ${unpriced.length} call site${unpriced.length === 1 ? '' : 's'} need${unpriced.length === 1 ? 's' : ''} a model before there is a total (see "Not priced" below).** Prices as of ${mdText(result.catalog.asOf)}.`, '');
  else out.push(`**${mdText(formatTotalCost(summary, formatUsd))}/month today${needModel > 0 ? ' (unpriced calls left out)' : ''} → ${formatUsd(after)}/month after ${changes.length} change${changes.length === 1 ? '' : 's'}: saves ${formatUsd(now - after)}/month (${formatUsd((now - after) * 12)}/year${now > 0 ? `, ${Math.round(((now - after) / now) * 100)}%` : ''}).** Prices as of ${mdText(result.catalog.asOf)}; volumes: ${mdText(result.summary.volumeAssumption ?? 'see each call site')}.`, '');
  if (changes.length > 0) {
    out.push(mdTable(['#', 'Change', 'Saves $/month', 'Effort'], changes.map((change, index) => [
      String(index + 1),
      `${mdFileLink(change.site.file, change.site.line)}: ${mdText(pricedModelLabel(change.site))} → ${mdText(change.site.recommendation!.label)}${change.site.recommendation!.deadline ? ` (deadline ${mdText(change.site.recommendation!.deadline)})` : ''}`,
      formatUsd(change.savings),
      mdText(change.effort),
    ])), '');
    const newVendorChanges = changes.filter((change) => change.vendor !== change.site.provider && change.group !== 'self-hosted');
    if (newVendorChanges.length > 0) {
      const c = consolidate(newVendorChanges);
      const left = c.leftOut.reduce((sum, change) => sum + change.savings, 0);
      out.push(`- **Vendors:** ${c.vendors.map(mdText).join(', ')} capture${c.vendors.length === 1 ? 's' : ''} ${formatUsd(c.captured)} of the ${formatUsd(c.total)}/month that needs a new vendor.${c.leftOut.length ? ` Left on the table if you stop there: ${formatUsd(left)}/month from ${c.leftOut.map((change) => `${mdText(`${change.site.file}:${change.site.line}`)} via ${mdText(change.vendor)}`).join(', ')}.` : ''}`);
    }
  } else {
    out.push('No change clears the savings threshold; nothing to do now.', '');
  }
  const kept = groups.get('keep') ?? [];
  if (kept.length > 0) out.push(`- **Unchanged:** ${kept.length} call site${kept.length === 1 ? '' : 's'} (already the cheapest viable option, or the saving is below the threshold; see "Calls left on closed APIs").`);
  if (needModel > 0) out.push(`- **Not priced:** ${needModel} call site${needModel === 1 ? '' : 's'} whose model is unknown or not in the catalog; each says how to set it (listed below).`);
  if (endUserPaid.length > 0) out.push(`- **Paid for by the end users:** ${endUserPaid.length} call site${endUserPaid.length === 1 ? '' : 's'} whose model runs on the end user's own device (Chrome's built-in AI, WebLLM) or under their own subscription (Copilot's models through VS Code): no per-token price and no hardware of the team's (listed below).`);
  const assumed = sites.filter((site) => site.modelPricing?.assumed).length;
  if (assumed > 0) out.push(`- **Assumed models:** ${assumed} call site${assumed === 1 ? '' : 's'} whose model the code does not state (the end user's or the deployment's pick, or one the scan could not trace) ${assumed === 1 ? 'is' : 'are'} priced against an assumed set of models: the figures are assumptions until the real model is set (each call says how; see "Calls priced over several models").`);
  const tiers = new Set<Tier>(changes.map((change) => change.site.recommendation!.tier));
  if (tiers.size > 0) {
    out.push('- **Risks that matter:**');
    for (const risk of risksFor(tiers)) out.push(`  - ${risk}`);
  }
  out.push('');

  out.push('## Call sites', '');
  for (const group of ['migrate', 'open-api', 'closed-api', 'self-hosted', 'assumed', 'keep'] as const) {
    const members = groups.get(group);
    if (!members?.length) continue;
    out.push(`### ${TIER_TITLES[group]} (${members.length})`, '');
    out.push(mdTable(['Call site', 'Task', 'Model now', 'Tokens in/out per call', 'Calls/month', 'Now $/month', 'Recommendation', 'Saves $/month'], members.map((site) => [
      mdFileLink(site.file, site.line),
      `${mdText(site.task.type)} (${Math.round(site.task.confidence * 100)}%)`,
      mdText(`${site.provider} ${pricedModelLabel(site)}`),
      `${formatCount(site.tokens.inputPerCall)} / ${formatCount(site.tokens.outputPerCall)}${site.tokens.isEstimate ? ' (est.)' : ''}`,
      `${formatCount(site.volume.callsPerMonth)}${site.volume.source === 'default' ? ' (assumed)' : ''}`,
      mdText(formatSiteCost(site, formatUsd)),
      mdText(group === 'assumed' ? `set the model (${site.recommendation?.label ?? 'no advice'} for the assumed one)` : site.recommendation?.label ?? 'keep as is'),
      formatUsd(site.recommendation?.savingsUsd ?? 0),
    ])), '');
  }
  const unpricedMembers = groups.get('unpriced') ?? [];
  if (unpricedMembers.length > 0) {
    out.push(`### ${TIER_TITLES.unpriced} (${unpricedMembers.length})`, '');
    out.push('Left out of every total (their cost is unknown, not $0). Each row names what is missing and the exact line that sets it.', '');
    out.push(mdTable(['Call site', 'Task', 'Model now', 'Now $/month', 'Why, and how to set the model'], unpricedMembers.map((site) => [
      mdFileLink(site.file, site.line),
      mdText(site.task.type),
      mdText(`${site.provider} ${modelLabel(site.model)}`),
      mdText(unpricedLabel(site)),
      mdText(site.unpricedReason ?? keepReason(site)),
    ])), '');
  }
  if (endUserPaid.length > 0) {
    out.push(`### ${TIER_TITLES['end-user']} (${endUserPaid.length})`, '');
    out.push(mdTable(['Call site', 'Task', 'Model', 'Who pays, and why'], endUserPaid.map((site) => [
      mdFileLink(site.file, site.line),
      mdText(site.task.type),
      mdText(`${site.provider} ${modelLabel(site.model)}`),
      mdText(site.unpricedReason ?? unpricedLabel(site)),
    ])), '');
  }
  const overSets = sites.filter((site) => site.modelPricing && site.monthlyUsdCurrent !== null);
  if (overSets.length > 0) {
    out.push('### Calls priced over several models', '');
    for (const site of overSets) out.push(`- ${mdFileLink(site.file, site.line)}: ${mdText(formatSiteCost(site, formatUsd))}. ${mdText(site.modelPricing!.basis)}`);
    out.push('');
  }

  out.push('## Phases', '');
  const migrations = changes.filter((change) => change.group === 'migrate');
  if (migrations.length > 0) {
    out.push('### Phase 0: migrations that cannot wait (retired or deprecated models)', '');
    for (const change of migrations) out.push(...switchSection(change));
  }
  const quickWins = changes.filter((change) => change.group === 'open-api' || change.group === 'closed-api');
  out.push('### Phase 1: quick wins (no infrastructure)', '');
  if (quickWins.length === 0) out.push('No call site has a cheaper API option that clears the threshold.', '');
  for (const change of quickWins) out.push(...switchSection(change));
  out.push('### Phase 2: self-hosting where pooled spend passes break-even', '');
  out.push(...selfHostingSection(result));
  for (const change of changes.filter((c) => c.group === 'self-hosted')) out.push(...switchSection(change));

  out.push('## Calls left on closed APIs, and why', '');
  if (kept.length === 0) out.push('None.', '');
  for (const site of kept) {
    out.push(`- ${mdFileLink(site.file, site.line)} (${mdText(site.task.type)}, ${mdText(modelLabel(site.model))}): ${mdText(keepReason(site))}`);
  }
  if (kept.length > 0) out.push('');

  if (leftOut.length > 0) {
    out.push('## Listed, not in the totals', '');
    out.push('Each request is counted once: these call sites are shown in the editor and the JSON, but the figures above leave them out.', '');
    for (const site of leftOut) out.push(`- ${mdFileLink(site.file, site.line)} (${mdText(modelLabel(site.model))}, ${mdText(formatSiteCost(site, formatUsd))}/month): ${mdText(site.totalsNote ?? 'left out')}`);
    out.push('');
  }

  // Unpriced calls have their own section with the instruction; other catalog misses are scan notes.
  const reasons = new Set(unpriced.map((site) => site.unpricedReason));
  const problems = result.diagnostics.filter((diagnostic) => !reasons.has(diagnostic.message) && (diagnostic.severity === 'error' || /not in the catalog|could not be resolved/.test(diagnostic.message)));
  if (problems.length > 0) {
    out.push('## Scan notes', '');
    for (const diagnostic of problems.slice(0, 50)) out.push(`- ${mdText(`${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}`)}: ${mdText(diagnostic.message)}`);
    out.push('');
  }
  out.push('## How these numbers were made', '');
  out.push('- Tokens per call: static prompt text counted with tiktoken; run-time parts (user input, retrieved context, history) sized by documented defaults and marked "est.". Override them with a `// llm-advisor:` comment above the call or in `llm-usage.yml`.');
  out.push('- Monthly cost = calls per month × (input tokens × input price + output tokens × output price) / 1,000,000, with prices from the bundled catalog.');
  out.push('- A change is recommended only when it clears the savings threshold (assumptions data); a retired model is migrated whatever it saves.');
  out.push('- Self-hosting: weights + KV cache for the p95 context + runtime overhead against usable GPU memory, replicas from the decode throughput the volume needs, GPU hours at catalog prices.');
  out.push('');
  return out.join('\n');
}

/** The workspace-wide self-hosting decision: the pool, its full cost with fixed costs, break-even and stage. */
function selfHostingSection(result: ScanResult): string[] {
  const workspace = result.workspace;
  const lines: string[] = [];
  const pool = workspace?.selfHost;
  if (!workspace || !pool) {
    lines.push('No call site can move to a self-hosted open model (task quality, features or endpoint), so self-hosting is not evaluated.', '');
  } else {
    const verdict = pool.recommended
      ? `**Recommended.** Self-hosting saves ${formatUsd(pool.netSavingsVsBestApi)}/month against the cheapest viable APIs for the same calls.`
      : `**Not recommended at these volumes.** It would cost ${formatUsd(pool.totalMonthlyUsd)}/month against ${formatUsd(pool.apiSpendBestApi)} on the cheapest viable APIs (${formatUsd(pool.apiSpendCurrent)} today) for the same calls.`;
    lines.push(`- **Pool:** ${pool.callSiteIds.length} call site${pool.callSiteIds.length === 1 ? '' : 's'} that one ${mdText(pool.model)} deployment could serve (${pool.style === 'managed' ? 'managed GPU hosting' : 'self-managed GPUs'}), ${formatCount(pool.callsPerMonth)} calls/month. ${verdict}`);
    lines.push(`- **Monthly cost:** GPUs ${formatUsd(pool.gpuMonthlyUsd)} on demand (${formatUsd(pool.gpuMonthlyUsdReserved)} reserved) + fixed costs ${formatUsd(pool.fixedMonthlyUsd)} (engineering time, monitoring, autoscaling, networking: the seed's cost equation, editable) = ${formatUsd(pool.totalMonthlyUsd)}.`);
    const sizing = pool.sizing;
    lines.push(`- **Sizing:** ${mdText(sizing.model)} at ${mdText(sizing.precision)} on ${sizing.gpusPerReplica} × ${mdText(sizing.gpu)} per replica, ${sizing.replicas} replica${sizing.replicas === 1 ? '' : 's'}, served with ${mdText(sizing.engine)}.`);
    lines.push(`- **Memory per replica:** ${sizing.memory.filter((term) => term.name !== 'usable').map((term) => `${mdText(term.name)} ${term.gib.toFixed(1)} GiB`).join(' + ')} of ${sizing.usableGibPerReplica.toFixed(1)} GiB usable.`);
    for (const note of sizing.notes) lines.push(`  - ${mdText(note)}`);
  }
  if (workspace) {
    const breakEven = workspace.breakEven;
    const closedBe = breakEven.monthlyApiSpendUsd === null ? 'never, for this token mix' : `${formatUsd(breakEven.monthlyApiSpendUsd)}/month`;
    const openBe = breakEven.openApiMonthlySpendUsd === undefined ? 'not computed' : breakEven.openApiMonthlySpendUsd === null ? 'never: GPUs cost more than the open-model API even at scale' : `${formatUsd(breakEven.openApiMonthlySpendUsd)}/month`;
    lines.push(`- **Break-even:** against today's closed-API spend ${closedBe}; against the open-model API alternative ${openBe}. ${mdText(breakEven.derivation)}`);
    lines.push(`- **Stage:** ${mdText(workspace.stage.label)}. ${mdText(workspace.stage.derivation)}`);
  }
  lines.push('');
  return lines;
}

/** The folder name only: the plan is forwarded to people for whom the absolute path is noise (and private). */
function workspaceName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? root;
}

function switchSection(change: Change): string[] {
  const { site, option } = change;
  const recommendation = site.recommendation!;
  const lines = [`#### ${mdText(`${site.file}:${site.line}`)}: ${mdText(modelLabel(site.model))} → ${mdText(recommendation.label)}`, ''];
  lines.push(`- **Saves:** ${formatUsd(recommendation.savingsUsd)}/month (${formatUsd(site.monthlyUsdCurrent)} → ${formatUsd(recommendation.monthlyUsd)}); effort: ${mdText(change.effort)}. ${mdText(recommendation.why)}`);
  if (recommendation.deadline) lines.push(`- **Deadline:** ${mdText(recommendation.deadline)} (vendor deprecation date).`);
  if (option?.derivation) lines.push(`- **Derivation:** ${mdText(option.derivation)}`);
  if (option?.price) lines.push(`- **Price source:** ${mdText(option.price.source)}, as of ${mdText(option.price.asOf)}.`);
  if (option?.sizing) lines.push(...sizingLines(option));
  const evaluation = POLICY.evaluation.find((row) => row.task === site.task.type) ?? POLICY.evaluation.find((row) => row.task === 'other')!;
  lines.push(`- **Evaluate first:** draw a golden set of ${formatCount(evaluation.goldenSetSize)} logged ${mdText(site.task.type)} requests (with today's outputs), run them through ${mdText(option?.model ?? recommendation.label)}, score ${mdText(evaluation.metric)}; pass: ${mdText(evaluation.passThreshold)} (policy default${evaluation.basis === 'estimate' ? ', an estimate' : ''}: data/catalog/plan-policy.json). Then shadow 5% of live traffic for a week before switching.`);
  lines.push(`- **Target performance:** ${option?.sizing?.decodeTokensPerSecond !== undefined ? `${option.sizing.decodeTokensPerSecond.toFixed(0)} tokens/s single-stream decode on the sized replica (estimate); ` : ''}latency, time to first token and throughput for this provider are not in the catalog: measure p50/p95 TTFT and tokens/s in the shadow run and compare with today's.`);
  if (change.vendor !== site.provider && change.group !== 'self-hosted') {
    const terms = POLICY.vendorTerms.find((row) => row.provider === change.vendor) ?? POLICY.vendorTerms.find((row) => row.provider === 'default')!;
    lines.push(`- **New vendor ${mdText(change.vendor)}:** rate limits: ${mdText(terms.rateLimits)}. Data retention: ${mdText(terms.retention)}. Residency: ${mdText(terms.residency)}${terms.basis === 'estimate' ? ` (${mdText(terms.source)})` : ''}.`);
  }
  lines.push(`- **Rollback:** keep the current client and model behind a flag; route a small share of traffic first, and flip the flag back if quality, latency or error rates regress.`);
  lines.push('');
  return lines;
}

function sizingLines(option: HostingOption): string[] {
  const sizing = option.sizing!;
  return [
    `- **Sizing:** ${mdText(sizing.model)} at ${mdText(sizing.precision)} on ${sizing.gpusPerReplica} × ${mdText(sizing.gpu)} per replica, ${sizing.replicas} replica${sizing.replicas === 1 ? '' : 's'}, served with ${mdText(sizing.engine)}; ${formatUsd(sizing.monthlyGpuUsdOnDemand)}/month on demand${sizing.monthlyGpuUsdReserved !== undefined ? `, ${formatUsd(sizing.monthlyGpuUsdReserved)}/month reserved` : ''}.`,
    `- **Memory per replica:** ${sizing.memory.map((term) => `${mdText(term.name)} ${term.gib.toFixed(1)} GiB`).join(' + ')} of ${sizing.usableGibPerReplica.toFixed(1)} GiB usable.`,
  ];
}

function keepReason(site: CallSite): string {
  if (site.monthlyUsdCurrent === null) return site.unpricedReason ?? `not priced: model ${modelLabel(site.model)} is not resolved or not in the catalog.`;
  const rejected = site.options.filter((option) => !option.viable).map((option) => option.why);
  if (site.recommendation && site.recommendation.savingsUsd <= 0.005) return site.recommendation.why;
  return rejected.length > 0 ? `no viable cheaper option: ${rejected.slice(0, 2).join('; ')}` : 'already the cheapest viable option.';
}
