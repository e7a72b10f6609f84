/**
 * The cost panel's markup as pure functions from data to HTML strings. Everything that comes
 * from user code (file names, model strings, prompt text, reasons, evidence) goes through
 * `esc()` / `escAttr()`; nothing here builds URLs or inline styles or event-handler attributes,
 * so the strict CSP holds and the functions are unit-testable as strings on plain Node.
 */
import type { CallSite, HostingOption, ScanResult, SelfHostSizing } from '../model/types';
import { formatCount, formatPercent, formatUsd } from '../model/format';
import { esc, escAttr, formatLocation, formatSiteCost, formatTotalCost, modelLabel, nothingPriced, onlyPaidByEndUsers, pricedModelLabel, settingModelCouldPrice, tierLabel, truncate, unpricedLabel, unpricedNote } from '../model/display';
import { USAGE_FILE_NAME } from '../model/vocabulary';
import type { PriceInfo, SortKey, WhatIfChoices, WhatIfState } from './protocol';

const VOLUME_SOURCE_LABELS: Record<string, string> = {
  default: 'default',
  setting: 'setting',
  'usage-file': USAGE_FILE_NAME,
  annotation: 'annotation',
};

export interface GridColumn {
  key: SortKey;
  title: string;
  numeric: boolean;
}

export const GRID_COLUMNS: readonly GridColumn[] = [
  { key: 'file', title: 'Call site', numeric: false },
  { key: 'model', title: 'Provider / model', numeric: false },
  { key: 'task', title: 'Task', numeric: false },
  { key: 'tokens', title: 'Tokens/call', numeric: true },
  { key: 'calls', title: 'Calls/mo', numeric: true },
  { key: 'current', title: 'Now $/mo', numeric: true },
  { key: 'recommended', title: 'Recommended', numeric: false },
  { key: 'savings', title: 'Saves $/mo', numeric: true },
];

/**
 * Column widths for the data grid's `grid-template-columns` attribute. Every row is its own CSS
 * grid, so tracks cannot size to content (`auto`) without misaligning rows: minimums fit the
 * widest usual value, and below ~62em the grid scrolls sideways (media/panel.css).
 */
export const GRID_TEMPLATE_COLUMNS =
  'minmax(9em, 2fr) minmax(8.5em, 1.5fr) minmax(7.5em, 1.2fr) minmax(7.5em, 0.8fr) minmax(7.5em, 0.8fr) minmax(6em, 0.7fr) minmax(9em, 2fr) minmax(6.5em, 0.7fr)';

// ---- summary ---------------------------------------------------------------------------------

/** What the summary says about prices and what-ifs besides the numbers. */
export interface SummaryExtras {
  prices?: PriceInfo;
  /** True when the numbers are re-priced under what-if inputs (not saved anywhere). */
  whatIfActive?: boolean;
}

export function renderSummary(result: ScanResult | null, scanning: boolean, error?: string, extras: SummaryExtras = {}): string {
  const status = error
    ? `<p class="status error" role="alert">Scan failed: ${esc(error)}</p>`
    : scanning
      ? `<p class="status" role="status">Scanning the workspace…</p>`
      : '';
  if (!result) {
    return `${status || '<p class="status" role="status">No scan yet.</p>'}`;
  }
  const s = result.summary;
  const savings = s.savingsUsd ?? s.monthlyUsdCurrent - s.monthlyUsdRecommended;
  const pct = s.monthlyUsdCurrent > 0 ? savings / s.monthlyUsdCurrent : 0;
  const volume = s.volumeAssumption ?? volumeAssumptionFrom(result);
  // With no priced call there is no recommendation or saving to show, not $0.
  const noPrice = nothingPriced(s);
  // With no priced call, what stands in for the advice: the missing models, or none needed (the end users pay for them).
  const noPriceText = onlyPaidByEndUsers(s) ? 'no price to the team' : 'model unknown';
  return `${status}
<dl class="summary" aria-label="Workspace summary">
  <div class="metric"><dt>Monthly spend today</dt><dd id="summary-current">${esc(formatTotalCost(s))}</dd></div>
  <div class="metric"><dt>Recommended</dt><dd id="summary-recommended">${noPrice ? noPriceText : esc(formatUsd(s.monthlyUsdRecommended))}</dd></div>
  <div class="metric savings"><dt>Savings</dt><dd id="summary-savings">${noPrice ? noPriceText : `${esc(formatUsd(savings))}<span class="sub"> (${esc(formatPercent(pct))})</span>`}</dd></div>
  <div class="metric"><dt>Call sites</dt><dd id="summary-callsites">${esc(formatCount(s.callSites))}</dd></div>
</dl>${unpricedNote(s) ? `<p class="unpriced" id="summary-unpriced" role="note">${esc(unpricedNote(s))}${onlyPaidByEndUsers(s) ? ': none counts as $0, and there is no model to set.' : ': none of them is in any total, and none counts as $0. Select one to see how to set its model, or use <em>Set Model for Call</em>.'}</p>` : ''}
<p class="assumptions">Prices as of <span id="catalog-asof">${esc(extras.prices?.bundledAsOf ?? result.catalog.asOf)}</span>${renderPriceSource(extras.prices)} · ${esc(volume)}${
    result.diagnostics.length ? ` · ${esc(formatCount(result.diagnostics.length))} diagnostic${result.diagnostics.length === 1 ? '' : 's'}` : ''
  }</p>${extras.whatIfActive ? '<p class="whatif-banner" id="whatif-active" role="status">What-if numbers: not saved. Reset to see the scanned figures.</p>' : ''}`;
}

/** "(bundled catalog, offline)" or the active override layer with its date and origin host. */
function renderPriceSource(prices: PriceInfo | undefined): string {
  if (!prices) return '';
  const o = prices.override;
  if (!o) return ' <span class="sub" id="price-source">(bundled catalog, works offline)</span>';
  let host = o.url;
  try {
    host = new URL(o.url).host;
  } catch {
    // keep the raw text; it is escaped below
  }
  return ` <span class="sub" id="price-source">(bundled catalog; override active: ${esc(formatCount(o.models))} model prices from ${esc(host)} as of <span id="override-asof">${esc(o.asOf)}</span>)</span>`;
}

// ---- what-if ---------------------------------------------------------------------------------

/**
 * The what-if inputs: calls per month of the selected call, data sensitivity, GPU and precision
 * for self-hosting, a button that writes the call's volume to llm-usage.yml, and a reset. Values
 * come from the host's what-if state, falling back to what the scan found.
 */
export function renderWhatIf(site: CallSite | undefined, whatIf: WhatIfState, choices: WhatIfChoices | undefined): string {
  const calls = site ? (whatIf.callsPerMonth?.[site.id] ?? site.volume.callsPerMonth) : undefined;
  const changed = site !== undefined && whatIf.callsPerMonth?.[site.id] !== undefined;
  const option = (value: string, label: string, selected: boolean) => `<option value="${escAttr(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  const gpus = (choices?.gpus ?? []).map((g) => option(g.id, g.name, whatIf.gpu === g.id)).join('');
  const precisions = (choices?.precisions ?? []).map((p) => option(p, p, whatIf.precision === p)).join('');
  const any = Boolean(Object.keys(whatIf.callsPerMonth ?? {}).length || Object.keys(whatIf.model ?? {}).length || whatIf.dataSensitivity || whatIf.gpu || whatIf.precision);
  const whatIfModel = site ? whatIf.model?.[site.id] : undefined;
  const scannedModel = site ? (site.model.source === 'what-if' ? 'as scanned' : `as scanned: ${site.monthlyUsdCurrent === null ? unpricedLabel(site) : modelLabel(site.model)}`) : 'select a call';
  const models = (choices?.models ?? []).map((m) => option(m.id, `${m.id} (${m.description})`, whatIfModel === m.id)).join('');
  return `<h2 class="whatif-title">What if</h2>
<div class="whatif-grid">
  <label for="whatif-calls">Calls per month${site ? ` <span class="sub">${esc(truncate(formatLocation(site.file, site.line), 60))}</span>` : ''}</label>
  <input id="whatif-calls" type="number" min="0" step="1000" inputmode="numeric"${site ? ` value="${escAttr(Math.round(calls ?? 0))}"` : ' disabled placeholder="select a call"'} aria-describedby="whatif-calls-hint">
  <label for="whatif-model">Model</label>
  <select id="whatif-model"${site ? '' : ' disabled'} aria-describedby="whatif-model-hint">${option('', truncate(scannedModel, 60), !whatIfModel)}${site ? models : ''}</select>
  <label for="whatif-sensitivity">Data sensitivity</label>
  <select id="whatif-sensitivity">${option('', 'as configured', !whatIf.dataSensitivity)}${option('standard', 'none (standard)', whatIf.dataSensitivity === 'standard')}${option('regulated', 'regulated (no third-party APIs)', whatIf.dataSensitivity === 'regulated')}</select>
  <label for="whatif-gpu">Self-host GPU</label>
  <select id="whatif-gpu">${option('', 'cheapest that fits', !whatIf.gpu)}${gpus}</select>
  <label for="whatif-precision">Precision</label>
  <select id="whatif-precision">${option('', 'model default', !whatIf.precision)}${precisions}</select>
</div>
<p class="sub" id="whatif-calls-hint">${
    site
      ? `${changed ? 'What-if value, not saved.' : `From ${esc(site.volume.basis ?? site.volume.source)}.`}${
          site.volume.source === 'annotation' ? ` An llm-advisor comment sets this call's volume and takes precedence over ${USAGE_FILE_NAME}.` : ''
        }`
      : 'Select a call site to change its volume.'
  }</p>
<p class="sub" id="whatif-model-hint">${
    site
      ? whatIfModel
        ? `What-if model, not saved. To keep it, run Set Model for Call (writes model=${esc(whatIfModel)} in the llm-advisor comment).`
        : site.monthlyUsdCurrent === null
          ? 'This call has no price: pick the model it sends to see one.'
          : 'Price this call as if it sent another model.'
      : 'Select a call site to try another model.'
  }</p>
<div class="whatif-actions">
  <vscode-button id="whatif-save" appearance="primary"${site && changed ? '' : ' disabled'}>Save volume to ${USAGE_FILE_NAME}</vscode-button>
  <vscode-button id="whatif-reset" appearance="secondary"${any ? '' : ' disabled'}>Reset what-ifs</vscode-button>
</div>`;
}

function volumeAssumptionFrom(result: ScanResult): string {
  const sources = new Set(result.callSites.map((c) => c.volume.source));
  if (sources.size === 0) return 'no calls found';
  if (sources.size === 1 && sources.has('default')) {
    const calls = result.callSites[0].volume.callsPerMonth;
    return `volume: default ${formatCount(calls)} calls/month per call site (assumption)`;
  }
  return `volume from: ${[...sources].map((s) => VOLUME_SOURCE_LABELS[s] ?? s).join(', ')}`;
}

// ---- grid ------------------------------------------------------------------------------------

export function sortValue(site: CallSite, key: SortKey): string | number {
  switch (key) {
    case 'file':
      return `${site.file}\u0000${String(site.line).padStart(8, '0')}`;
    case 'model':
      return `${site.provider}/${modelLabel(site.model)}`;
    case 'task':
      return site.task.type;
    case 'tokens':
      return site.tokens.inputPerCall + site.tokens.outputPerCall;
    case 'calls':
      return site.volume.callsPerMonth;
    case 'current':
      return site.monthlyUsdCurrent ?? -1;
    case 'recommended':
      return site.recommendation?.label ?? '';
    case 'savings':
      return site.recommendation?.savingsUsd ?? 0;
  }
}

export function sortCallSites(sites: readonly CallSite[], key: SortKey, descending: boolean): CallSite[] {
  const dir = descending ? -1 : 1;
  return [...sites].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    const cmp = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    if (cmp !== 0) return cmp * dir;
    return sortValue(a, 'file') < sortValue(b, 'file') ? -1 : 1;
  });
}

/** Case-insensitive match on file, provider, model, task, tier and recommendation. */
export function filterCallSites(sites: readonly CallSite[], filter: string): CallSite[] {
  const needle = filter.trim().toLowerCase();
  if (!needle) return [...sites];
  return sites.filter((s) =>
    [s.file, s.provider, s.model.raw, s.model.id ?? '', s.task.type, s.recommendation?.label ?? '', s.recommendation?.tier ?? '']
      .join('\u0000')
      .toLowerCase()
      .includes(needle),
  );
}

export interface GridOptions {
  sortKey: SortKey;
  sortDescending: boolean;
  selectedId: string | null;
}

export function renderGrid(sites: readonly CallSite[], opts: GridOptions): string {
  const header = GRID_COLUMNS.map((col, i) => {
    const active = col.key === opts.sortKey;
    const arrow = active ? (opts.sortDescending ? ' ▼' : ' ▲') : '';
    const ariaSort = active ? (opts.sortDescending ? 'descending' : 'ascending') : 'none';
    return `<vscode-data-grid-cell cell-type="columnheader" grid-column="${i + 1}" class="sortable${col.numeric ? ' num' : ''}" data-sort="${escAttr(col.key)}" aria-sort="${ariaSort}" title="Sort by ${escAttr(col.title)}">${esc(col.title)}${arrow}</vscode-data-grid-cell>`;
  }).join('');
  const rows = sites.map((site) => renderRow(site, site.id === opts.selectedId)).join('\n');
  return `<vscode-data-grid id="callsites" grid-template-columns="${GRID_TEMPLATE_COLUMNS}" aria-label="LLM call sites">
<vscode-data-grid-row row-type="sticky-header">${header}</vscode-data-grid-row>
${rows}
</vscode-data-grid>`;
}

export function renderRow(site: CallSite, selected: boolean): string {
  const rec = site.recommendation;
  const tokens = `${formatCount(site.tokens.inputPerCall)} / ${formatCount(site.tokens.outputPerCall)}`;
  const volSource = VOLUME_SOURCE_LABELS[site.volume.source] ?? site.volume.source;
  const cells = [
    // <wbr> after each slash: narrow columns break paths between folders, not inside names.
    `<span class="loc">${esc(formatLocation(site.file, site.line)).replace(/\//g, '/<wbr>')}</span>`,
    `<span class="provider">${esc(site.provider)}</span> / <span class="model">${esc(pricedModelLabel(site))}</span>`,
    `${esc(site.task.type)} <span class="sub">${esc(formatPercent(site.task.confidence))}</span>`,
    `<span title="input / output tokens per call">${esc(tokens)}</span>`,
    `${esc(formatCount(site.volume.callsPerMonth))}<br><span class="sub">${esc(volSource)}</span>`,
    site.monthlyUsdCurrent === null ? `<span class="unpriced" title="${escAttr(site.unpricedReason ?? '')}">${esc(unpricedLabel(site))}</span>` : esc(formatSiteCost(site)),
    rec ? `${esc(rec.label)} <span class="sub">${esc(formatUsd(rec.monthlyUsd))}</span>` : site.monthlyUsdCurrent === null ? `<span class="sub">${settingModelCouldPrice(site) ? 'set the model' : 'none: no price to the team'}</span>` : '<span class="sub">none</span>',
    rec ? esc(formatUsd(rec.savingsUsd)) : '',
  ];
  const body = cells
    .map((html, i) => `<vscode-data-grid-cell grid-column="${i + 1}"${GRID_COLUMNS[i].numeric ? ' class="num"' : ''}>${html}</vscode-data-grid-cell>`)
    .join('');
  return `<vscode-data-grid-row class="callsite${selected ? ' selected' : ''}" data-id="${escAttr(site.id)}" aria-selected="${selected}" title="${escAttr(
    `${formatLocation(site.file, site.line)} — click or press Enter to open`,
  )}">${body}</vscode-data-grid-row>`;
}

export function renderEmpty(result: ScanResult | null, filtered: boolean): string {
  if (!result) return '';
  if (filtered) return '<p class="empty">No call site matches the filter.</p>';
  if (result.callSites.length === 0) return '<p class="empty">No LLM call sites found in this workspace.</p>';
  return '';
}

// ---- detail ----------------------------------------------------------------------------------

export function renderDetail(site: CallSite | undefined): string {
  if (!site) return '<p class="empty">Select a call site to see every option considered.</p>';
  const rec = site.recommendation;
  const t = site.tokens;
  const options = [...site.options].sort((a, b) => a.monthlyUsd - b.monthlyUsd);
  const holes = t.holes?.length
    ? `<ul class="holes">${t.holes
        .map((h) => `<li><code>${esc(h.expression)}</code> (${esc(h.kind)}): ${esc(formatCount(h.tokens))} tokens, ${esc(h.source)}</li>`)
        .join('')}</ul>`
    : '';
  return `<h2 id="detail-title"><span class="loc">${esc(formatLocation(site.file, site.line))}</span> · ${esc(site.provider)} / ${esc(modelLabel(site.model))}</h2>
<dl class="facts">
  <dt>Method</dt><dd><code>${esc(site.method)}</code>${site.enclosingFunction ? ` in <code>${esc(site.enclosingFunction)}()</code>` : ''}</dd>
  <dt>Model</dt><dd>${esc(site.model.raw)} <span class="sub">(${esc(site.model.source)})</span></dd>
  <dt>Task</dt><dd>${esc(site.task.type)} <span class="sub">${esc(formatPercent(site.task.confidence))} confidence</span>${
    site.task.reasons.length ? `<ul class="reasons">${site.task.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>` : ''
  }</dd>
  <dt>Tokens per call</dt><dd>${esc(formatCount(t.inputPerCall))} in / ${esc(formatCount(t.outputPerCall))} out <span class="sub">${esc(t.method)}</span>${holes}</dd>
  <dt>Calls per month</dt><dd>${esc(formatCount(site.volume.callsPerMonth))} <span class="sub">${esc(site.volume.basis ?? site.volume.source)}</span></dd>
  <dt>Cost today</dt><dd>${
    site.monthlyUsdCurrent === null
      ? `<strong class="unpriced">${esc(unpricedLabel(site))}</strong> <span class="sub">(not $0: left out of the totals)</span><p class="why" id="detail-unpriced">${esc(site.unpricedReason ?? '')}</p>`
      : `${esc(formatSiteCost(site))}/mo${site.modelPricing ? `<p class="why" id="detail-models">${esc(site.modelPricing.basis)}</p>` : ''}`
  }</dd>
  <dt>Recommendation</dt><dd>${
    rec
      ? `<strong>${esc(rec.label)}</strong> (${esc(tierLabel(rec.tier))}) ${esc(formatUsd(rec.monthlyUsd))}/mo, saves ${esc(formatUsd(rec.savingsUsd))}/mo<p class="why">${esc(rec.why)}</p>`
      : '<span class="sub">no recommendation</span>'
  }</dd>
</dl>
<h3>Options considered</h3>
${options.length ? renderOptionsTable(options, rec?.label) : '<p class="empty">No priced options for this call.</p>'}
${renderSizingFor(options, rec?.label)}
${site.promptPreview ? `<h3>Prompt</h3><pre class="prompt">${esc(truncate(site.promptPreview, 2000))}</pre>` : ''}
${site.evidence.length ? `<h3>How it was found</h3><ul class="evidence">${site.evidence.map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}`;
}

function renderOptionsTable(options: readonly HostingOption[], recommendedLabel: string | undefined): string {
  const max = Math.max(...options.map((o) => o.monthlyUsd), 0);
  const rows = options
    .map((o) => {
      const cls = [o.viable ? 'viable' : 'not-viable', o.label === recommendedLabel ? 'recommended' : '', o.current ? 'current' : '']
        .filter(Boolean)
        .join(' ');
      const tags = [o.current ? 'today' : '', o.label === recommendedLabel ? 'recommended' : ''].filter(Boolean);
      return `<tr class="${cls}"><td>${esc(tierLabel(o.tier))}</td><td>${esc(o.label)}${tags.length ? ` <span class="tag">${esc(tags.join(', '))}</span>` : ''}</td><td class="num">${esc(
        formatUsd(o.monthlyUsd),
      )}</td><td class="bar">${meter(o.monthlyUsd, max, `${formatUsd(o.monthlyUsd)} per month`)}</td><td>${o.viable ? 'yes' : 'no'}</td><td>${esc(o.why)}${
        o.derivation ? `<details><summary class="sub">how</summary><div class="sub">${esc(o.derivation)}</div></details>` : ''
      }</td></tr>`;
    })
    .join('');
  return `<table class="options"><thead><tr><th scope="col">Tier</th><th scope="col">Option</th><th scope="col" class="num">$/mo</th><th scope="col"><span class="visually-hidden">Cost bar</span></th><th scope="col">Viable</th><th scope="col">Why</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A horizontal bar without inline styles (the CSP forbids them): a `<meter>` element. */
function meter(value: number, max: number, label: string): string {
  const safeMax = Number.isFinite(max) && max > 0 ? max : 1;
  const safeValue = Number.isFinite(value) ? Math.max(0, Math.min(value, safeMax)) : 0;
  return `<meter min="0" max="${escAttr(safeMax)}" value="${escAttr(safeValue)}" aria-label="${escAttr(label)}" title="${escAttr(label)}"></meter>`;
}

/** Self-host sizing of the recommended option, else of the cheapest option that has one. */
function renderSizingFor(options: readonly HostingOption[], recommendedLabel: string | undefined): string {
  const withSizing = options.filter((o) => o.sizing);
  const chosen = withSizing.find((o) => o.label === recommendedLabel) ?? withSizing[0];
  return chosen?.sizing ? renderSizing(chosen.label, chosen.sizing) : '';
}

/** Where a replica's GPU memory goes (weights, KV cache, overhead) against what is usable. */
export function renderSizing(label: string, z: SelfHostSizing): string {
  const terms = z.memory.filter((m) => m.name !== 'usable');
  const used = terms.reduce((sum, m) => sum + m.gib, 0);
  const max = Math.max(z.usableGibPerReplica, used);
  const gib = (n: number) => `${n.toFixed(1)} GiB`;
  const rows = terms
    .map(
      (m) =>
        `<tr><th scope="row">${esc(m.name)}</th><td class="num">${esc(gib(m.gib))}</td><td class="bar">${meter(m.gib, max, `${m.name}: ${gib(m.gib)}`)}</td><td class="sub">${esc(m.derivation)}</td></tr>`,
    )
    .join('');
  return `<h3>Self-host sizing <span class="sub">${esc(label)}</span></h3>
<p>${esc(z.model)} · ${esc(z.precision)} · ${esc(formatCount(z.replicas))} replica(s) × ${esc(formatCount(z.gpusPerReplica))} × ${esc(z.gpu)} · ${esc(z.engine)} · ${
    z.fits ? 'fits' : '<strong>does not fit</strong>'
  } · GPUs ${esc(formatUsd(z.monthlyGpuUsdOnDemand))}/mo on demand${z.monthlyGpuUsdReserved !== undefined ? `, ${esc(formatUsd(z.monthlyGpuUsdReserved))}/mo reserved` : ''}</p>
<table class="sizing"><caption class="sub">Memory per replica: ${esc(gib(used))} used of ${esc(gib(z.usableGibPerReplica))} usable</caption><tbody>${rows}</tbody></table>`;
}
