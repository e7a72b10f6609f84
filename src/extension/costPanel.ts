import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { ScanResult } from '../core/types';
import { COST_PANEL_VIEW_TYPE, parseFromWebview, type FromWebviewMessage, type ToWebviewMessage } from '../webview/protocol';
import { renderShell } from '../webview/shell';
import { log } from './log';
import type { WorkspaceScanModel } from './scanModel';

/** What the integration tests can see of the panel (through the extension's test API). */
export interface CostPanelProbe {
  readyCount: number;
  /** The last result posted to the webview (what the panel shows). */
  lastPostedResult: ScanResult | null | undefined;
  received: FromWebviewMessage[];
  rejected: number;
  revealed: string[];
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
  readonly probe: CostPanelProbe = { readyCount: 0, lastPostedResult: undefined, received: [], rejected: 0, revealed: [] };

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
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        if (!webviewPanel.visible) this.webviewReady = false;
      }),
      panel.webview.onDidReceiveMessage((raw) => this.handleMessage(raw)),
      model.onDidChange((state) => {
        this.post({ type: 'scanState', scanning: state.scanning, ...(state.error ? { error: state.error } : {}) });
        if (state.result) this.postResult();
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
        this.post({ type: 'scanState', scanning: state.scanning, ...(state.error ? { error: state.error } : {}) });
        if (state.result) this.postResult();
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
    }
  }

  private postResult(): void {
    const result = this.model.lastResult ?? null;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    this.probe.lastPostedResult = result;
    void this.post({ type: 'scanResult', result, ...(focus ? { focusCallSiteId: focus } : {}) });
  }

  private post(message: ToWebviewMessage): Thenable<boolean> {
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

  dispose(): void {
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
