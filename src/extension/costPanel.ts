import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { ScanResult } from '../model/types';
import { USAGE_FILE_NAME } from '../model/vocabulary';
import {
  COST_PANEL_VIEW_TYPE,
  parseFromWebview,
  type FromWebviewMessage,
  type PriceInfo,
  type ToWebviewMessage,
  type WhatIfChoices,
  type WhatIfMessage,
  type WhatIfState,
} from '../webview/protocol';
import { renderShell } from './panelShell';
import { log } from './log';
import { loadAdvisorModule, type WorkspaceScanModel } from './scanModel';

/** What the integration tests can see of the panel (through the extension's test API). */
export interface CostPanelProbe {
  readyCount: number;
  /** The last result posted to the webview (what the panel shows). */
  lastPostedResult: ScanResult | null | undefined;
  received: FromWebviewMessage[];
  rejected: number;
  revealed: string[];
  /** The what-if state the last posted result was priced with. */
  whatIf: WhatIfState;
  /** Volumes written to llm-usage.yml from the panel (call-site ids). */
  savedVolumes: string[];
  /** Messages handled so far (including rejected ones), so tests can wait for a reply. */
  handled: number;
  /** Posted results so far. */
  posted: number;
  /** The document set as the webview's HTML (the shell the panel's script renders into). */
  html: string;
  /** The last message of each type posted to the webview, as sent (bounded: one per type). */
  lastMessages: Partial<Record<ToWebviewMessage['type'], ToWebviewMessage>>;
}

/**
 * The cost panel: one instance at a time (createOrShow), restored after a window reload by the
 * serializer, without retainContextWhenHidden (the webview keeps its own state via setState and
 * the host re-sends the result on every `ready`).
 */
export class CostPanel implements vscode.Disposable {
  static current: CostPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private pendingFocus: string | undefined;
  /** The webview's script is running and has said `ready` (false again once the panel is hidden,
   * because without retainContextWhenHidden VS Code discards the webview's document). */
  private webviewReady = false;
  readonly probe: CostPanelProbe = { readyCount: 0, lastPostedResult: undefined, received: [], rejected: 0, revealed: [], whatIf: {}, savedVolumes: [], handled: 0, posted: 0, html: '', lastMessages: {} };
  /** The panel's what-if inputs (host side is authoritative; the webview only asks for changes). */
  private whatIf: WhatIfState = {};
  /** Increments per re-pricing, so a slow older one never overwrites a newer answer. */
  private postSeq = 0;
  private choices: WhatIfChoices | undefined;

  static createOrShow(extensionUri: vscode.Uri, model: WorkspaceScanModel, focusCallSiteId?: string): CostPanel {
    if (CostPanel.current) {
      if (focusCallSiteId) CostPanel.current.focus(focusCallSiteId);
      CostPanel.current.panel.reveal(undefined, false);
      return CostPanel.current;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(COST_PANEL_VIEW_TYPE, 'LLM Cost', column, webviewOptions(extensionUri));
    return new CostPanel(panel, extensionUri, model, focusCallSiteId);
  }

  /** Called by the serializer after a reload: adopt the restored panel. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, model: WorkspaceScanModel): CostPanel {
    CostPanel.current?.dispose();
    return new CostPanel(panel, extensionUri, model);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly model: WorkspaceScanModel,
    focusCallSiteId?: string,
  ) {
    CostPanel.current = this;
    this.pendingFocus = focusCallSiteId;
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'panel-icon.svg');
    panel.webview.html = this.probe.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.webviewReady = false;
      }),
      panel.webview.onDidReceiveMessage((raw) => this.handleMessage(raw)),
      model.onDidChange((state) => {
        void this.post({ type: 'scanState', scanning: state.scanning, ...(state.error ? { error: state.error } : {}) });
        if (state.result) void this.postResult();
      }),
    );
  }

  /** Select a call in the panel (CodeLens click). Delivered after the handshake if not ready yet. */
  focus(callSiteId: string): void {
    if (this.webviewReady && this.panel.visible) void this.post({ type: 'focus', callSiteId });
    else this.pendingFocus = callSiteId;
  }

  /** Every message from the webview lands here; unknown or malformed ones are dropped. */
  async handleMessage(raw: unknown): Promise<void> {
    try {
      await this.handle(raw);
    } finally {
      this.probe.handled++;
    }
  }

  private async handle(raw: unknown): Promise<void> {
    const msg = parseFromWebview(raw);
    if (!msg) {
      this.probe.rejected++;
      log.warn('cost panel: ignored an unknown or malformed message from the webview');
      return;
    }
    this.probe.received.push(msg);
    switch (msg.type) {
      case 'ready': {
        this.probe.readyCount++;
        this.webviewReady = true;
        const state = this.model.state;
        void this.post({ type: 'scanState', scanning: state.scanning, ...(state.error ? { error: state.error } : {}) });
        if (state.result) await this.postResult();
        else void this.model.ensureResult('notification');
        return;
      }
      case 'reveal':
        await this.reveal(msg.callSiteId);
        return;
      case 'rescan':
        void this.model.rescan('notification');
        return;
      case 'select':
        return;
      case 'whatIf':
        if (!(await this.applyWhatIfChange(msg))) {
          this.probe.rejected++;
          return;
        }
        await this.postResult();
        return;
      case 'resetWhatIf':
        this.whatIf = {};
        await this.postResult();
        return;
      case 'saveVolume':
        await this.saveVolume(msg.callSiteId);
        return;
    }
  }

  /** Validates a what-if change against the current result and catalog, then applies it. */
  private async applyWhatIfChange(msg: WhatIfMessage): Promise<boolean> {
    const next: WhatIfState = { ...this.whatIf, callsPerMonth: { ...(this.whatIf.callsPerMonth ?? {}) } };
    if (msg.callsPerMonth !== undefined) {
      if (!msg.callSiteId || !this.model.findCallSite(msg.callSiteId)) return false;
      if (msg.callsPerMonth === null) delete next.callsPerMonth![msg.callSiteId];
      else next.callsPerMonth![msg.callSiteId] = msg.callsPerMonth;
    }
    if (msg.model !== undefined) {
      if (!msg.callSiteId || !this.model.findCallSite(msg.callSiteId)) return false;
      const models = { ...(next.model ?? {}) };
      if (msg.model === null) delete models[msg.callSiteId];
      else {
        // Only the catalog's own ids: whatever is picked gets a price.
        const choices = await this.whatIfChoices();
        if (!(choices.models ?? []).some((m) => m.id === msg.model)) return false;
        models[msg.callSiteId] = msg.model;
      }
      next.model = models;
      if (Object.keys(models).length === 0) delete next.model;
    }
    if (msg.dataSensitivity !== undefined) {
      if (msg.dataSensitivity === null) delete next.dataSensitivity;
      else next.dataSensitivity = msg.dataSensitivity;
    }
    if (msg.gpu !== undefined) {
      if (msg.gpu === null) delete next.gpu;
      else {
        const choices = await this.whatIfChoices();
        if (!choices.gpus.some((g) => g.id === msg.gpu)) return false;
        next.gpu = msg.gpu;
      }
    }
    if (msg.precision !== undefined) {
      if (msg.precision === null) delete next.precision;
      else next.precision = msg.precision;
    }
    if (Object.keys(next.callsPerMonth!).length === 0) delete next.callsPerMonth;
    this.whatIf = next;
    return true;
  }

  /** Writes the call's what-if volume to `<root>/llm-usage.yml` (atomic), then re-scans. */
  private async saveVolume(callSiteId: string): Promise<void> {
    const site = this.model.findCallSite(callSiteId);
    const calls = this.whatIf.callsPerMonth?.[callSiteId];
    const root = this.model.root;
    if (!site || calls === undefined || !root) {
      this.probe.rejected++;
      await this.post({ type: 'notice', level: 'error', text: 'Nothing to save: change the call\'s calls per month first.' });
      return;
    }
    try {
      const { patchUsageFile } = await loadAdvisorModule();
      const file = await patchUsageFile(root.fsPath, site.id, { callsPerMonth: calls });
      this.probe.savedVolumes.push(site.id);
      const rest = { ...(this.whatIf.callsPerMonth ?? {}) };
      delete rest[site.id];
      this.whatIf = { ...this.whatIf, callsPerMonth: rest };
      if (Object.keys(rest).length === 0) delete this.whatIf.callsPerMonth;
      const shadowed = site.volume.source === 'annotation' ? ' Note: an llm-advisor comment above the call takes precedence.' : '';
      log.info(`cost panel: wrote callsPerMonth ${calls} for ${site.id} to ${file}`);
      await this.post({ type: 'notice', level: 'info', text: `Saved ${calls.toLocaleString('en-US')} calls/month for ${site.file}:${site.line} to ${USAGE_FILE_NAME}.${shadowed}` });
      await this.model.rescan('window');
    } catch (err) {
      log.error(err instanceof Error ? err : new Error(String(err)));
      await this.post({ type: 'notice', level: 'error', text: `Could not write ${USAGE_FILE_NAME}: ${err instanceof Error ? err.message : String(err)} (the file was left unchanged).` });
    }
  }

  private async whatIfChoices(): Promise<WhatIfChoices> {
    if (!this.choices) {
      const { whatIfChoices } = await loadAdvisorModule();
      this.choices = whatIfChoices();
    }
    return this.choices;
  }

  private async priceInfo(): Promise<PriceInfo> {
    const { bundledCatalogAsOf } = await loadAdvisorModule();
    const o = this.model.priceOverride;
    return { bundledAsOf: bundledCatalogAsOf(), ...(o ? { override: { asOf: o.asOf, url: o.url, fetchedAt: o.fetchedAt, models: o.rows.length } } : {}) };
  }

  /** Posts the result re-priced under the panel's what-if inputs, with the price info and choices. */
  private async postResult(): Promise<void> {
    const seq = ++this.postSeq;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    const whatIf = this.whatIf;
    let result = this.model.lastResult ?? null;
    let extras: { prices?: PriceInfo; choices?: WhatIfChoices } = {};
    if (result) {
      try {
        result = (await this.model.priced(whatIf)) ?? null;
        extras = { prices: await this.priceInfo(), choices: await this.whatIfChoices() };
      } catch (err) {
        log.error(err instanceof Error ? err : new Error(String(err)));
      }
    }
    if (seq !== this.postSeq) {
      // A newer answer is on its way; keep the focus request for it.
      if (focus && !this.pendingFocus) this.pendingFocus = focus;
      return;
    }
    this.probe.lastPostedResult = result;
    this.probe.whatIf = whatIf;
    this.probe.posted++;
    await this.post({ type: 'scanResult', result, whatIf, ...extras, ...(focus ? { focusCallSiteId: focus } : {}) });
  }

  private post(message: ToWebviewMessage): Thenable<boolean> {
    // An answer computed while the panel was closing has nowhere to go.
    if (this.disposed) return Promise.resolve(false);
    this.probe.lastMessages[message.type] = message;
    return this.panel.webview.postMessage(message);
  }

  /** Opens the editor at a call site of the current result. Ids not in the result are ignored. */
  async reveal(callSiteId: string): Promise<boolean> {
    const site = this.model.findCallSite(callSiteId);
    const uri = site && this.model.uriFor(site);
    if (!site || !uri) {
      log.warn(`cost panel: reveal of an unknown call site ignored`);
      return false;
    }
    // Select the whole call with the cursor at its start, so the editor scrolls to the call's first line.
    const selection = new vscode.Selection(site.endLine - 1, site.endColumn - 1, site.line - 1, site.column - 1);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: this.editorColumn(), preserveFocus: false, preview: true });
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.probe.revealed.push(callSiteId);
    return true;
  }

  /** An editor column other than the panel's, so revealing a call never covers the panel. */
  private editorColumn(): vscode.ViewColumn {
    const panelColumn = this.panel.viewColumn;
    const other = vscode.window.visibleTextEditors.map((e) => e.viewColumn).find((c) => c !== undefined && c !== panelColumn);
    if (other) return other;
    return panelColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private html(): string {
    const webview = this.panel.webview;
    return renderShell({
      cspSource: webview.cspSource,
      nonce: randomBytes(18).toString('base64'),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css')).toString(),
    });
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (CostPanel.current === this) CostPanel.current = undefined;
    while (this.disposables.length) this.disposables.pop()?.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** Restores the panel after a reload (activation event `onWebviewPanel:llmHostingAdvisor.costPanel`). */
export function registerCostPanelSerializer(extensionUri: vscode.Uri, model: WorkspaceScanModel): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(COST_PANEL_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
      CostPanel.revive(panel, extensionUri, model);
    },
  });
}
