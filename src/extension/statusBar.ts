import * as vscode from 'vscode';
import { formatUsd } from '../model/format';
import { formatTotalCost, unpricedNote } from '../model/display';
import { CommandId } from './commands';
import { statusBarText } from './text';
import type { ScanState, WorkspaceScanModel } from './scanModel';

/** The workspace's monthly estimate in the status bar; a click opens the cost panel. */
export class CostStatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: WorkspaceScanModel) {
    this.item = vscode.window.createStatusBarItem('llmHostingAdvisor.estimate', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'LLM Hosting Advisor';
    this.item.command = CommandId.OpenCostPanel;
    this.subscription = model.onDidChange((state) => this.update(state));
    this.update(model.state);
  }

  private hasFolder(): boolean {
    return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.scheme === 'file');
  }

  /** The text shown, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(state: ScanState): void {
    if (!this.hasFolder()) {
      this.item.hide();
      return;
    }
    const r = state.result;
    const restored = state.restored?.result;
    if (!r && restored) {
      // The last session's figures until this session's scan replaces them: said in the bar and the tooltip.
      const s = restored.summary;
      const changed = state.restored!.changedFiles.length;
      this.item.text = `${statusBarText(s)} (last scan)`;
      this.item.tooltip = new vscode.MarkdownString(
        `**LLM Hosting Advisor**\n\nFigures from the last scan (${restored.generatedAt}): today ${formatTotalCost(s)}/mo · recommended ${formatUsd(s.monthlyUsdRecommended)}/mo${
          changed ? `; ${changed} file${changed === 1 ? '' : 's'} changed since, without lenses until the new scan` : ''
        }. ${state.scanning ? 'Scanning the workspace now…' : 'A new scan replaces them when a file is opened or on Rescan Workspace.'}`,
      );
    } else if (state.scanning && !r) {
      this.item.text = '$(sync~spin) LLM cost';
      this.item.tooltip = 'LLM Hosting Advisor: scanning the workspace…';
    } else if (r) {
      const s = r.summary;
      this.item.text = statusBarText(s);
      const unpriced = unpricedNote(s);
      this.item.tooltip = new vscode.MarkdownString(
        `**LLM Hosting Advisor**\n\n${s.callSites} call sites · today ${formatTotalCost(s)}/mo · recommended ${formatUsd(
          s.monthlyUsdRecommended,
        )}/mo${unpriced ? `\n\n${unpriced}: none of them is in the total; the CodeLens on each says how to set its model` : ''}\n\nPrices as of ${r.catalog.asOf}${
          this.model.priceOverride ? ` (override from Refresh Prices active, as of ${this.model.priceOverride.asOf})` : ' (bundled catalog)'
        }. Click to open the cost panel.`,
      );
    } else if (state.error) {
      this.item.text = '$(warning) LLM cost';
      this.item.tooltip = `LLM Hosting Advisor: ${state.error}`;
    } else {
      this.item.text = '$(graph) LLM cost';
      this.item.tooltip = 'LLM Hosting Advisor: open the cost panel to scan this workspace';
    }
    this.item.show();
  }

  dispose(): void {
    this.subscription.dispose();
    this.item.dispose();
  }
}

