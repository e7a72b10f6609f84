/**
 * The cost panel's browser entry (bundled to dist/webview.js). Renders with the pure functions in
 * render.ts, talks to the host only through protocol.ts, and keeps its view state with
 * `vscode.setState` so a hidden or reloaded panel comes back as it was.
 */
import type { CallSite, ScanResult } from '../model/types';
import {
  parseToWebview,
  parseViewState,
  SORT_KEYS,
  type FromWebviewMessage,
  type PanelViewState,
  type PriceInfo,
  type SortKey,
  type ToWebviewMessage,
  type WhatIfChoices,
  type WhatIfState,
  isCallsPerMonth,
  isGpuId,
  isModelId,
} from './protocol';
import { DATA_SENSITIVITIES, PRECISIONS } from '../model/vocabulary';
import { filterCallSites, renderDetail, renderEmpty, renderGrid, renderSummary, renderWhatIf, sortCallSites } from './render';
import { registerToolkit } from './toolkit';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): unknown;
  setState(state: PanelViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

registerToolkit();
const vscode = acquireVsCodeApi();

let view: PanelViewState = parseViewState(vscode.getState());
let scanning = false;
let scanError: string | undefined;
let whatIf: WhatIfState = {};
let prices: PriceInfo | undefined;
let choices: WhatIfChoices | undefined;
/** The call whose what-if form is on screen, so typing in it is never interrupted by a re-render. */
let whatIfRenderedFor: string | null | undefined;

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const summaryEl = $('summary');
const gridEl = $('grid');
const gridEmptyEl = $('grid-empty');
const detailEl = $('detail');
const whatIfEl = $('whatif');
const noticeEl = $('notice');
const filterEl = $('filter') as HTMLInputElement;
const rescanEl = $('rescan');

function send(message: FromWebviewMessage): void {
  vscode.postMessage(message);
}

function saveState(): void {
  vscode.setState(view);
}

function result(): ScanResult | null {
  return view.result;
}

function selectedSite(): CallSite | undefined {
  return result()?.callSites.find((c) => c.id === view.selectedCallSiteId);
}

function visibleSites(): CallSite[] {
  const r = result();
  if (!r) return [];
  return sortCallSites(filterCallSites(r.callSites, view.filter), view.sortKey, view.sortDescending);
}

function whatIfActive(): boolean {
  return Boolean(Object.keys(whatIf.callsPerMonth ?? {}).length || whatIf.dataSensitivity || whatIf.gpu || whatIf.precision);
}

function renderSummarySection(): void {
  summaryEl.innerHTML = renderSummary(result(), scanning, scanError, { prices, whatIfActive: whatIfActive() });
}

function renderAll(): void {
  renderSummarySection();
  renderWhatIfSection();
  renderGridSection();
  renderDetailSection();
}

/** Re-renders the what-if form unless the user is typing in it for the same call. */
function renderWhatIfSection(force = false): void {
  if (!result()) {
    whatIfEl.innerHTML = '';
    whatIfRenderedFor = undefined;
    return;
  }
  const id = view.selectedCallSiteId;
  if (!force && whatIfRenderedFor === id && whatIfEl.contains(document.activeElement)) {
    // Keep the focused input; refresh only the buttons' state.
    const save = document.getElementById('whatif-save');
    if (save) save.toggleAttribute('disabled', !(id && whatIf.callsPerMonth?.[id] !== undefined));
    document.getElementById('whatif-reset')?.toggleAttribute('disabled', !whatIfActive());
    return;
  }
  whatIfEl.innerHTML = renderWhatIf(selectedSite(), whatIf, choices);
  whatIfRenderedFor = id;
}

function renderGridSection(): void {
  const r = result();
  const sites = visibleSites();
  gridEl.innerHTML = r && sites.length ? renderGrid(sites, { sortKey: view.sortKey, sortDescending: view.sortDescending, selectedId: view.selectedCallSiteId }) : '';
  gridEmptyEl.innerHTML = renderEmpty(r, Boolean(r && r.callSites.length && !sites.length));
}

function renderDetailSection(): void {
  detailEl.innerHTML = result() ? renderDetail(selectedSite()) : '';
}

function select(id: string | null, options: { scroll?: boolean } = {}): void {
  if (id !== null && !result()?.callSites.some((c) => c.id === id)) return;
  if (view.selectedCallSiteId !== id) {
    view = { ...view, selectedCallSiteId: id };
    saveState();
    send({ type: 'select', callSiteId: id });
  }
  for (const row of gridEl.querySelectorAll<HTMLElement>('vscode-data-grid-row[data-id]')) {
    const on = row.dataset.id === id;
    row.classList.toggle('selected', on);
    row.setAttribute('aria-selected', String(on));
    if (on && options.scroll) row.scrollIntoView({ block: 'nearest' });
  }
  renderWhatIfSection(true);
  renderDetailSection();
}

function rowOf(target: EventTarget | null): HTMLElement | null {
  return target instanceof Element ? (target.closest('vscode-data-grid-row[data-id]') as HTMLElement | null) : null;
}

function sortBy(key: SortKey): void {
  view = { ...view, sortKey: key, sortDescending: view.sortKey === key ? !view.sortDescending : key !== 'file' && key !== 'model' && key !== 'task' && key !== 'recommended' };
  saveState();
  renderGridSection();
}

gridEl.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const header = target?.closest('[data-sort]') as HTMLElement | null;
  if (header) {
    const key = header.dataset.sort;
    if ((SORT_KEYS as readonly string[]).includes(key ?? '')) sortBy(key as SortKey);
    return;
  }
  const row = rowOf(target);
  if (row?.dataset.id) {
    select(row.dataset.id);
    send({ type: 'reveal', callSiteId: row.dataset.id });
  }
});

gridEl.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter' && event.key !== ' ') return;
  const target = event.target instanceof Element ? event.target : null;
  const header = target?.closest('[data-sort]') as HTMLElement | null;
  if (header?.dataset.sort && (SORT_KEYS as readonly string[]).includes(header.dataset.sort)) {
    event.preventDefault();
    sortBy(header.dataset.sort as SortKey);
    return;
  }
  const row = rowOf(target);
  if (row?.dataset.id) {
    event.preventDefault();
    select(row.dataset.id);
    if (event.key === 'Enter') send({ type: 'reveal', callSiteId: row.dataset.id });
  }
});

// Arrow-key navigation in the grid moves focus between cells: show the focused row's details.
gridEl.addEventListener('focusin', (event) => {
  const row = rowOf(event.target);
  if (row?.dataset.id && row.dataset.id !== view.selectedCallSiteId) select(row.dataset.id);
});

filterEl.addEventListener('input', () => {
  view = { ...view, filter: String(filterEl.value ?? '').slice(0, 200) };
  saveState();
  renderGridSection();
});

rescanEl.addEventListener('click', () => send({ type: 'rescan' }));

// What-if inputs: numbers are sent as typed (debounced); the host re-prices and answers.
let callsTimer: ReturnType<typeof setTimeout> | undefined;
whatIfEl.addEventListener('input', (event) => {
  const target = event.target as HTMLInputElement | null;
  if (target?.id !== 'whatif-calls') return;
  const id = view.selectedCallSiteId;
  if (!id) return;
  if (callsTimer) clearTimeout(callsTimer);
  callsTimer = setTimeout(() => {
    const text = String(target.value ?? '').trim();
    const value = text === '' ? NaN : Number(text);
    target.setAttribute('aria-invalid', String(text !== '' && !isCallsPerMonth(value)));
    if (isCallsPerMonth(value)) send({ type: 'whatIf', callSiteId: id, callsPerMonth: Math.round(value) });
  }, 200);
});

whatIfEl.addEventListener('change', (event) => {
  const target = event.target as HTMLSelectElement | null;
  const value = String(target?.value ?? '');
  switch (target?.id) {
    case 'whatif-sensitivity':
      send({ type: 'whatIf', dataSensitivity: (DATA_SENSITIVITIES as readonly string[]).includes(value) ? (value as WhatIfState['dataSensitivity']) : null });
      break;
    case 'whatif-gpu':
      send({ type: 'whatIf', gpu: isGpuId(value) ? value : null });
      break;
    case 'whatif-model': {
      const id = view.selectedCallSiteId;
      if (id) send({ type: 'whatIf', callSiteId: id, model: isModelId(value) ? value : null });
      break;
    }
    case 'whatif-precision':
      send({ type: 'whatIf', precision: (PRECISIONS as readonly string[]).includes(value) ? (value as WhatIfState['precision']) : null });
      break;
  }
});

whatIfEl.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest('vscode-button') : null;
  if (!button || button.hasAttribute('disabled')) return;
  if (button.id === 'whatif-reset') send({ type: 'resetWhatIf' });
  if (button.id === 'whatif-save' && view.selectedCallSiteId) send({ type: 'saveVolume', callSiteId: view.selectedCallSiteId });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToWebview(event.data);
  if (message) handle(message);
});

function handle(message: ToWebviewMessage): void {
  switch (message.type) {
    case 'scanResult': {
      const selected = view.selectedCallSiteId;
      const keep = message.result?.callSites.some((c) => c.id === selected) ? selected : null;
      view = { ...view, result: message.result, selectedCallSiteId: keep };
      if (message.result) scanError = undefined;
      const resetForm = JSON.stringify(message.whatIf ?? {}) !== JSON.stringify(whatIf) && !whatIfEl.contains(document.activeElement);
      whatIf = message.whatIf ?? {};
      if (message.prices) prices = message.prices;
      if (message.choices) choices = message.choices;
      if (resetForm) whatIfRenderedFor = undefined;
      saveState();
      renderAll();
      if (message.focusCallSiteId) select(message.focusCallSiteId, { scroll: true });
      break;
    }
    case 'scanState':
      scanning = message.scanning;
      scanError = message.error;
      renderSummarySection();
      document.body.classList.toggle('scanning', scanning);
      break;
    case 'notice':
      noticeEl.textContent = message.text;
      noticeEl.className = message.level === 'error' ? 'notice error' : 'notice';
      break;
    case 'focus':
      select(message.callSiteId, { scroll: true });
      break;
  }
}

if (view.filter) filterEl.value = view.filter;
renderAll();
send({ type: 'ready' });
