import * as vscode from 'vscode';
import { CommandId } from './commands';
import { readConfig, affects } from './config';
import type { CallSite } from '../model/types';
import type { WorkspaceScanModel } from './scanModel';
import { codeLensTitle, codeLensTooltip } from './text';

/**
 * A CodeLens above every call site: `≈ $X/mo · model · task → recommendation ≈ $Y/mo`; clicking
 * opens the cost panel on that call. Turned off with `llmHostingAdvisor.codeLens.enabled`.
 */
export class CallSiteCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly model: WorkspaceScanModel) {
    // Only when what the lenses show can change (a new result, the restored one, or neither): a scan
    // starting or failing leaves them as they are, and an event would make the editor cancel the
    // request in flight and ask again while the scan holds the thread.
    let shown: unknown = model.lastResult ?? model.state.restored;
    this.disposables.push(
      model.onDidChange((state) => {
        const source = state.result ?? state.restored;
        if (source === shown) return;
        shown = source;
        this.emitter.fire();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affects(e, 'codeLens.enabled')) this.emitter.fire();
      }),
    );
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    this.model.lensesRequestedAt ??= performance.now();
    if (!readConfig().codeLensEnabled || !this.model.contains(document.uri)) return [];
    let sites: CallSite[];
    if (this.model.lastResult) sites = this.model.callSitesFor(document.uri);
    else if (await this.model.restoreLastScan()) {
      // A later session: the last session's lenses for unchanged files at once, without the
      // scanner bundle; the scan runs behind them (status bar spinner) and its result replaces them
      // through onDidChangeCodeLenses.
      this.model.scanBehindRestored();
      sites = this.model.lastResult ? this.model.callSitesFor(document.uri) : this.model.restoredCallSitesFor(document.uri);
      if (!this.model.lastResult && sites.length > 0) this.model.restoredLensesProvidedAt ??= performance.now();
    } else {
      // The first session: the first request triggers the (lazy) workspace scan; later ones are instant.
      // The first scan shows a cancellable notification; cancelling leaves the lenses empty until the next scan.
      await this.model.ensureResult('notification');
      sites = this.model.callSitesFor(document.uri);
    }
    if (token.isCancellationRequested) return [];
    if (sites.length > 0) this.model.lensesProvidedAt ??= performance.now();
    return sites.map((site) => {
      const line = Math.min(Math.max(site.line - 1, 0), Math.max(document.lineCount - 1, 0));
      return new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
        title: codeLensTitle(site),
        tooltip: codeLensTooltip(site),
        // A call without a price: the click does what the title says (pick the model it sends).
        command: site.monthlyUsdCurrent === null ? CommandId.SetModelForCall : CommandId.OpenCostPanel,
        arguments: [site.id],
      });
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
