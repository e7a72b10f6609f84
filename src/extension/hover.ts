import * as vscode from 'vscode';
import { CommandId } from './commands';
import { readConfig } from './config';
import type { WorkspaceScanModel } from './scanModel';
import { hoverMarkdown } from './text';

/**
 * A hover on an LLM SDK call with the full cost breakdown. Uses only the last scan (never starts
 * one), so hovering stays instant. Turned off with `llmHostingAdvisor.hover.enabled`.
 */
export class CallSiteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly model: WorkspaceScanModel) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!readConfig().hoverEnabled) return undefined;
    const line = position.line + 1;
    const col = position.character + 1;
    const site = this.model.callSitesFor(document.uri).find((s) => {
      if (line < s.line || line > s.endLine) return false;
      if (line === s.line && col < s.column) return false;
      if (line === s.endLine && col > s.endColumn) return false;
      return true;
    });
    if (!site) return undefined;
    const link = `command:${CommandId.OpenCostPanel}?${encodeURIComponent(JSON.stringify([site.id]))}`;
    const md = new vscode.MarkdownString(hoverMarkdown(site, link));
    md.isTrusted = { enabledCommands: [CommandId.OpenCostPanel] };
    md.supportHtml = false;
    const range = new vscode.Range(site.line - 1, site.column - 1, site.endLine - 1, site.endColumn - 1);
    return new vscode.Hover(md, range);
  }
}
