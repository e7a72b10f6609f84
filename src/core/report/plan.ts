import { formatCount, formatUsd } from '../../model/format';
import { mdCode, mdFileLink, mdTable, mdText } from './markdown';
import type { CallSite, HostingOption, ScanResult, Tier } from '../../model/types';

const TIER_TITLES: Record<Tier | 'keep', string> = {
  'open-api': 'Move to an open-model API',
  'closed-api': 'Switch to a cheaper closed model',
  'self-hosted': 'Self-host an open model',
  keep: 'Keep as is',
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

function groupOf(site: CallSite): Tier | 'keep' {
  const recommendation = site.recommendation;
  if (!recommendation || recommendation.savingsUsd <= 0.005) return 'keep';
  return recommendation.tier;
}

/**
 * Renders the migration plan: what is spent now, what to change in which order, how to check each
 * switch and how to undo it, and what stays on closed APIs and why. Valid GFM; every string from
 * user code is escaped.
 */
export function renderMarkdownPlan(result: ScanResult): string {
  // The plan acts on each request once: sites the totals leave out are listed apart at the end.
  const sites = result.callSites.filter((site) => site.inTotals !== false);
  const leftOut = result.callSites.filter((site) => site.inTotals === false);
  const out: string[] = [];
  const now = result.summary.monthlyUsdCurrent;
  const after = result.summary.monthlyUsdRecommended;
  const groups = new Map<Tier | 'keep', CallSite[]>();
  for (const site of sites) groups.set(groupOf(site), [...(groups.get(groupOf(site)) ?? []), site]);

  out.push('# LLM hosting migration plan', '');
  out.push(`Workspace ${mdCode(workspaceName(result.root))}, generated ${result.generatedAt.slice(0, 10)} by LLM Hosting Advisor. File links are relative to the workspace root.`, '');
  out.push('## Executive summary', '');
  out.push(`- **Monthly LLM spend today:** ${formatUsd(now)} across ${sites.length} call site${sites.length === 1 ? '' : 's'}.`);
  out.push(`- **After this plan:** ${formatUsd(after)} per month, saving **${formatUsd(now - after)} per month** (${formatUsd((now - after) * 12)} per year)${now > 0 ? `, ${Math.round(((now - after) / now) * 100)}% of today's spend` : ''}.`);
  const mix = [...groups.entries()].map(([group, members]) => `${TIER_TITLES[group]}: ${members.length}`).join('; ');
  out.push(`- **Option mix:** ${mix || 'no call sites found'}.`);
  out.push(`- **Prices as of:** ${mdText(result.catalog.asOf)} (bundled catalog; every price below names its source).`);
  out.push(`- **Volume assumptions:** ${mdText(result.summary.volumeAssumption ?? 'see each call site')}.`);
  const unpriced = sites.filter((site) => site.monthlyUsdCurrent === null);
  if (unpriced.length > 0) out.push(`- **Not priced:** ${unpriced.length} call site${unpriced.length === 1 ? '' : 's'} whose model could not be resolved or is not in the catalog (listed below).`);
  out.push('');

  out.push('## Call sites', '');
  for (const group of ['open-api', 'closed-api', 'self-hosted', 'keep'] as const) {
    const members = groups.get(group);
    if (!members?.length) continue;
    out.push(`### ${TIER_TITLES[group]} (${members.length})`, '');
    out.push(mdTable(['Call site', 'Task', 'Model now', 'Tokens in/out per call', 'Calls/month', 'Now $/month', 'Recommendation', 'Saves $/month'], members.map((site) => [
      mdFileLink(site.file, site.line),
      `${mdText(site.task.type)} (${Math.round(site.task.confidence * 100)}%)`,
      mdText(`${site.provider} ${site.model.id ?? site.model.raw}`),
      `${formatCount(site.tokens.inputPerCall)} / ${formatCount(site.tokens.outputPerCall)}${site.tokens.isEstimate ? ' (est.)' : ''}`,
      `${formatCount(site.volume.callsPerMonth)}${site.volume.source === 'default' ? ' (assumed)' : ''}`,
      formatUsd(site.monthlyUsdCurrent),
      mdText(site.recommendation?.label ?? 'keep as is'),
      formatUsd(site.recommendation?.savingsUsd ?? 0),
    ])), '');
  }

  out.push('## Phases', '');
  // Largest savings first: the order a team should work through them.
  const quickWins = sites.filter((site) => groupOf(site) === 'open-api' || groupOf(site) === 'closed-api').sort((a, b) => (b.recommendation?.savingsUsd ?? 0) - (a.recommendation?.savingsUsd ?? 0));
  out.push('### Phase 1: quick wins (no infrastructure)', '');
  if (quickWins.length === 0) out.push('No call site has a cheaper API option that fits its task.', '');
  for (const site of quickWins) out.push(...switchSection(site));
  const selfHosted = sites.filter((site) => groupOf(site) === 'self-hosted');
  out.push('### Phase 2: self-hosting where pooled spend passes break-even', '');
  out.push(...selfHostingSection(result));
  for (const site of selfHosted) out.push(...switchSection(site));

  out.push('## Calls left on closed APIs, and why', '');
  const kept = groups.get('keep') ?? [];
  if (kept.length === 0) out.push('None.', '');
  for (const site of kept) {
    out.push(`- ${mdFileLink(site.file, site.line)} (${mdText(site.task.type)}, ${mdText(site.model.id ?? site.model.raw)}): ${mdText(keepReason(site))}`);
  }
  if (kept.length > 0) out.push('');

  if (leftOut.length > 0) {
    out.push('## Listed, not in the totals', '');
    out.push('Each request is counted once: these call sites are shown in the editor and the JSON, but the figures above leave them out.', '');
    for (const site of leftOut) out.push(`- ${mdFileLink(site.file, site.line)} (${mdText(site.model.id ?? site.model.raw)}, ${formatUsd(site.monthlyUsdCurrent)}/month): ${mdText(site.totalsNote ?? 'left out')}`);
    out.push('');
  }

  const problems = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' || /not in the catalog|could not be resolved/.test(diagnostic.message));
  if (problems.length > 0) {
    out.push('## Scan notes', '');
    for (const diagnostic of problems.slice(0, 50)) out.push(`- ${mdText(`${diagnostic.file}${diagnostic.line ? `:${diagnostic.line}` : ''}`)}: ${mdText(diagnostic.message)}`);
    out.push('');
  }
  out.push('## How these numbers were made', '');
  out.push('- Tokens per call: static prompt text counted with tiktoken; run-time parts (user input, retrieved context, history) sized by documented defaults and marked "est.". Override them with a `// llm-advisor:` comment above the call or in `llm-usage.yml`.');
  out.push('- Monthly cost = calls per month × (input tokens × input price + output tokens × output price) / 1,000,000, with prices from the bundled catalog.');
  out.push('- Self-hosting: weights + KV cache + runtime overhead against usable GPU memory, replicas from the decode throughput the volume needs, GPU hours at catalog prices.');
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
    lines.push(`- **Break-even:** ${workspace.breakEven.monthlyApiSpendUsd === null ? 'not computed' : `${formatUsd(workspace.breakEven.monthlyApiSpendUsd)}/month of API spend`}. ${mdText(workspace.breakEven.derivation)}`);
    lines.push(`- **Stage:** ${mdText(workspace.stage.label)}. ${mdText(workspace.stage.derivation)}`);
  }
  lines.push('');
  return lines;
}

/** The folder name only: the plan is forwarded to people for whom the absolute path is noise (and private). */
function workspaceName(root: string): string {
  return root.split(/[\\/]/).filter(Boolean).pop() ?? root;
}

function switchSection(site: CallSite): string[] {
  const recommendation = site.recommendation!;
  const option = site.options.find((candidate) => candidate.label === recommendation.label);
  const lines = [`#### ${mdText(`${site.file}:${site.line}`)}: ${mdText(site.model.id ?? site.model.raw)} → ${mdText(recommendation.label)}`, ''];
  lines.push(`- **Saves:** ${formatUsd(recommendation.savingsUsd)}/month (${formatUsd(site.monthlyUsdCurrent)} → ${formatUsd(recommendation.monthlyUsd)}). ${mdText(recommendation.why)}`);
  if (option?.derivation) lines.push(`- **Derivation:** ${mdText(option.derivation)}`);
  if (option?.price) lines.push(`- **Price source:** ${mdText(option.price.source)}, as of ${mdText(option.price.asOf)}.`);
  if (option?.sizing) lines.push(...sizingLines(option));
  lines.push(`- **Evaluate first:** run this call's real ${mdText(site.task.type)} traffic (a few hundred logged requests) through both ${mdText(site.model.id ?? site.model.raw)} and the candidate, score both with your own evals, and switch only if the candidate holds up.`);
  const risks = RISKS.filter((risk) => risk.applies.includes(recommendation.tier));
  lines.push(`- **Risks:** ${risks.map((risk) => `${risk.name}: ${risk.text}`).join(' ')}`);
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
  if (site.monthlyUsdCurrent === null) return `not priced: model ${site.model.id ?? site.model.raw} is not resolved or not in the catalog.`;
  const rejected = site.options.filter((option) => !option.viable).map((option) => option.why);
  if (site.recommendation && site.recommendation.savingsUsd <= 0.005) return site.recommendation.why;
  return rejected.length > 0 ? `no viable cheaper option: ${rejected.slice(0, 2).join('; ')}` : 'already the cheapest viable option.';
}
