import * as vscode from 'vscode';
import { parseModelId, parseRate, parseTaskType } from '../core/estimate/annotations';
import { TASK_TYPES, type CallSite } from '../model/types';
import { isCallSiteId } from '../webview/protocol';
import { formatCount } from '../model/format';
import { formatSiteCost, modelLabel } from '../model/display';
import { isAnnotationValue, planAnnotationEdit, type AnnotationChange } from './annotationEdit';
import { log } from './log';
import { loadAdvisorModule, type WorkspaceScanModel } from './scanModel';

/**
 * Set Volume for Call, Override Task Type and Open Usage File. The first two write the
 * `// llm-advisor:` comment above the call through a WorkspaceEdit (so Undo works), then save the
 * file when it had no other unsaved change, which triggers the incremental re-scan.
 *
 * Arguments (code actions, the panel and tests pass them; the palette passes none): a call-site id
 * (else the call under the cursor, else a pick) and the value (else an input box or a pick).
 */

/** The call a command applies to: by id, else the one at the cursor, else the user picks one. */
export async function resolveCallSite(model: WorkspaceScanModel, arg: unknown): Promise<CallSite | undefined> {
  const result = await model.ensureResult('notification');
  if (!result) {
    void vscode.window.showWarningMessage('LLM Hosting Advisor: no scan result yet.');
    return undefined;
  }
  if (isCallSiteId(arg)) return model.findCallSite(arg);
  const editor = vscode.window.activeTextEditor;
  if (editor) {
    const line = editor.selection.active.line + 1;
    const inFile = model.callSitesFor(editor.document.uri);
    const hit = inFile.find((s) => line >= s.line - 1 && line <= s.endLine);
    if (hit) return hit;
    if (inFile.length === 1) return inFile[0];
  }
  const candidates = editor ? model.callSitesFor(editor.document.uri) : [];
  const pool = candidates.length ? candidates : result.callSites;
  const pick = await vscode.window.showQuickPick(
    pool.map((site) => ({ label: `${site.file}:${site.line}`, description: `${site.provider} ${modelLabel(site.model)} · ${site.task.type}`, site })),
    { title: 'LLM Hosting Advisor: which call?', matchOnDescription: true },
  );
  return pick?.site;
}

/** Writes `change` into the call's `// llm-advisor:` comment. Returns true when the document changed. */
export async function writeAnnotation(model: WorkspaceScanModel, site: CallSite, change: AnnotationChange): Promise<boolean> {
  const uri = model.uriFor(site);
  if (!uri) return false;
  const doc = await vscode.workspace.openTextDocument(uri);
  const wasDirty = doc.isDirty;
  const lines = Array.from({ length: doc.lineCount }, (_, i) => doc.lineAt(i).text);
  const callLine = Math.min(Math.max(site.line - 1, 0), Math.max(doc.lineCount - 1, 0));
  const plan = planAnnotationEdit(lines, callLine, change);
  if (!plan) return false;
  const edit = new vscode.WorkspaceEdit();
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  if (plan.kind === 'insert') edit.insert(uri, new vscode.Position(plan.line, 0), plan.text + eol);
  else if (plan.kind === 'replace') edit.replace(uri, doc.lineAt(plan.line).range, plan.text);
  else edit.delete(uri, doc.lineAt(plan.line).rangeIncludingLineBreak);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // Scans read the disk: save so the new numbers show, unless the user had other unsaved edits there.
  if (!wasDirty) await doc.save();
  else void vscode.window.showInformationMessage(`LLM Hosting Advisor: comment written in ${site.file}; save the file to update the numbers.`);
  return true;
}

/** A rate as typed (`20000/day`, `20k per day`, `150000`) in the compact form the comment takes. */
export function compactRate(input: string): { value: string; callsPerMonth: number } | { error: string } {
  const parsed = parseRate(input);
  if ('error' in parsed) return parsed;
  const compact = input.trim().replace(/\s*\/\s*/g, '/').replace(/\s+per\s+/gi, '/').replace(/\s+a\s+/gi, '/').replace(/[\s,_]/g, '');
  const reparsed = parseRate(compact);
  const value = isAnnotationValue(compact) && !('error' in reparsed) && reparsed.callsPerMonth === parsed.callsPerMonth ? compact : String(parsed.callsPerMonth);
  return { value, callsPerMonth: parsed.callsPerMonth };
}

/** "Set Volume for Call": asks for a rate (or takes it as argument) and writes `calls=` above the call. */
export async function setVolumeForCall(model: WorkspaceScanModel, idArg?: unknown, valueArg?: unknown): Promise<boolean> {
  const site = await resolveCallSite(model, idArg);
  if (!site) return false;
  let text = typeof valueArg === 'string' || typeof valueArg === 'number' ? String(valueArg) : undefined;
  if (text === undefined) {
    text = await vscode.window.showInputBox({
      title: `Expected volume for ${site.file}:${site.line}`,
      prompt: `Calls per month, or a rate: 20000/day, 500/hour, 3000/week. Now ${formatCount(site.volume.callsPerMonth)}/month (${site.volume.source}). Written as an llm-advisor comment above the call.`,
      value: '',
      placeHolder: '20000/day',
      validateInput: (v) => {
        const r = compactRate(v);
        return 'error' in r ? r.error : undefined;
      },
    });
    if (text === undefined) return false;
  }
  const rate = compactRate(text);
  if ('error' in rate) {
    void vscode.window.showErrorMessage(`LLM Hosting Advisor: ${rate.error}`);
    return false;
  }
  log.info(`set volume ${rate.value} (${rate.callsPerMonth}/month) for ${site.id}`);
  return writeAnnotation(model, site, { calls: rate.value });
}

/** "Override Task Type": picks a task type (or takes it; null removes) and writes `task=` above the call. */
export async function overrideTaskType(model: WorkspaceScanModel, idArg?: unknown, valueArg?: unknown): Promise<boolean> {
  const site = await resolveCallSite(model, idArg);
  if (!site) return false;
  let task: string | null | undefined;
  if (typeof valueArg === 'string') {
    const parsed = parseTaskType(valueArg);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(`LLM Hosting Advisor: ${parsed.error}`);
      return false;
    }
    task = parsed.task;
  } else if (valueArg === null) {
    task = null;
  } else {
    const items: Array<vscode.QuickPickItem & { value: string | null }> = TASK_TYPES.map((t) => ({
      label: t,
      description: t === site.task.type ? `current (${site.task.source ?? 'inferred'})` : undefined,
      value: t,
    }));
    items.push({ label: 'Remove the override', description: 'let the advisor infer the task again', value: null });
    const pick = await vscode.window.showQuickPick(items, { title: `Task type of ${site.file}:${site.line}` });
    if (!pick) return false;
    task = pick.value;
  }
  log.info(`override task ${task ?? '(removed)'} for ${site.id}`);
  return writeAnnotation(model, site, { task });
}

/**
 * "Set Model for Call": picks a model from the catalog (or takes it; null removes) and writes
 * `model=` in the call's `llm-advisor:` comment, the same syntax the "model unknown" hint prints.
 */
export async function setModelForCall(model: WorkspaceScanModel, idArg?: unknown, valueArg?: unknown): Promise<boolean> {
  const site = await resolveCallSite(model, idArg);
  if (!site) return false;
  let chosen: string | null;
  if (typeof valueArg === 'string') {
    const parsed = parseModelId(valueArg);
    if ('error' in parsed) {
      void vscode.window.showErrorMessage(`LLM Hosting Advisor: ${parsed.error}`);
      return false;
    }
    chosen = parsed.model;
  } else if (valueArg === null) {
    chosen = null;
  } else {
    const { modelChoices } = await loadAdvisorModule();
    const items: Array<vscode.QuickPickItem & { value: string | null }> = modelChoices().map((choice) => ({
      label: choice.id,
      description: choice.id === site.model.id ? `current (${site.model.source}) · ${choice.description}` : choice.description,
      value: choice.id,
    }));
    if (site.model.source === 'annotation') items.push({ label: 'Remove the model= setting', description: 'let the advisor read the model from the code again', value: null });
    const now = site.monthlyUsdCurrent === null ? formatSiteCost(site) : `${formatSiteCost(site)}/month`;
    const pick = await vscode.window.showQuickPick(items, { title: `Model sent by ${site.file}:${site.line} (now ${modelLabel(site.model)}, ${now})`, matchOnDescription: true });
    if (!pick) return false;
    chosen = pick.value;
  }
  log.info(`set model ${chosen ?? '(removed)'} for ${site.id}`);
  return writeAnnotation(model, site, { model: chosen });
}

/** Opens `<root>/llm-usage.yml`, creating a commented template (that changes no number) when missing. */
export async function openUsageFile(model: WorkspaceScanModel): Promise<vscode.TextEditor | undefined> {
  const root = model.root;
  if (!root) {
    void vscode.window.showWarningMessage('LLM Hosting Advisor: open a folder first.');
    return undefined;
  }
  const { ensureUsageFile } = await loadAdvisorModule();
  const { file, created } = await ensureUsageFile(root.fsPath);
  if (created) log.info(`created ${file} from the template`);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  return vscode.window.showTextDocument(doc, { preview: false });
}
