import * as vscode from 'vscode';
import { settingModelCouldPrice } from '../model/display';
import { CommandId } from './commands';
import type { WorkspaceScanModel } from './scanModel';

/**
 * Code actions on a line of an LLM call: set the model, set the expected volume, override the task
 * type (all write the `// llm-advisor:` comment), open the call in the cost panel. A call without a
 * price gets "Set the model" as its preferred quick fix. Uses only the last scan
 * (never starts one), so the light bulb stays instant.
 */
export class CallSiteCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.Empty, vscode.CodeActionKind.QuickFix];

  constructor(private readonly model: WorkspaceScanModel) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const first = range.start.line + 1;
    const last = range.end.line + 1;
    const sites = this.model.callSitesFor(document.uri).filter((s) => s.line <= last && s.endLine >= first);
    const actions: vscode.CodeAction[] = [];
    for (const site of sites) {
      const where = sites.length > 1 ? ` (${site.method}, line ${site.line})` : '';
      const make = (title: string, command: string) => {
        const action = new vscode.CodeAction(`LLM Hosting Advisor: ${title}${where}`, vscode.CodeActionKind.Empty);
        action.command = { title, command, arguments: [site.id] };
        return action;
      };
      if (site.monthlyUsdCurrent === null && settingModelCouldPrice(site)) {
        // The quick fix for a call without a price: name the model it sends (none for one the end user pays for).
        const fix = new vscode.CodeAction(`LLM Hosting Advisor: Set the model (${site.unpricedKind === 'model-not-in-catalog' ? 'model not in catalog' : 'model unknown'})…${where}`, vscode.CodeActionKind.QuickFix);
        fix.command = { title: 'Set Model for Call', command: CommandId.SetModelForCall, arguments: [site.id] };
        fix.isPreferred = true;
        actions.push(fix);
      }
      actions.push(
        make('Set model…', CommandId.SetModelForCall),
        make('Set expected volume…', CommandId.SetVolumeForCall),
        make('Override task type…', CommandId.OverrideTaskType),
        make('Open in cost panel', CommandId.OpenCostPanel),
      );
    }
    return actions;
  }
}
