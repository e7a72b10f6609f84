import * as vscode from 'vscode';
import { log } from './log';
import { loadAdvisorModule, type WorkspaceScanModel } from './scanModel';

/**
 * "Export Migration Plan": renders the Markdown plan of the current scan (scanning first if
 * needed) into a new untitled Markdown editor, which the user saves wherever they want.
 * Returns the document, for tests.
 */
export async function exportMigrationPlan(model: WorkspaceScanModel): Promise<vscode.TextDocument | undefined> {
  const result = await model.ensureResult('notification');
  if (!result) {
    void vscode.window.showWarningMessage(`LLM Hosting Advisor: nothing to export${model.state.error ? ` (${model.state.error})` : ''}.`);
    return undefined;
  }
  try {
    const { renderMarkdownPlan } = await loadAdvisorModule();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: renderMarkdownPlan(result) });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  } catch (err) {
    log.error(err instanceof Error ? err : new Error(String(err)));
    void vscode.window.showErrorMessage(`LLM Hosting Advisor: could not render the plan: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}
