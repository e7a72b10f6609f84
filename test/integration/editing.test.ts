/**
 * Integration tests of the editing side, in the real extension host, on a throwaway copy of
 * examples/support-desk (the runner copies it): commands that write the llm-advisor comment and
 * llm-usage.yml, incremental re-scans after an edit (asserted through filesReusedFromCache), code
 * actions, the panel's what-if messages, Refresh Prices against a local HTTP server, and the soak
 * test (500 edits, 100 saves, lenses correct, heap back within 10% after GC). Runs after extension.test.ts.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { CallSite, ScanResult } from '../../src/model/types';
import type { AdvisorApi } from '../../src/extension/api';
import type * as Scanner from '../../src/extension/scannerBundle';
import type * as Advisor from '../../src/extension/advisorBundle';
import { nextEvent, nextScan as nextScan_, settled as settled_, untilScanState as untilScanState_, waitFor } from './waits';

const EXTENSION_ID = 'llm-hosting-advisor.llm-hosting-advisor';
const OPEN_PANEL = 'llmHostingAdvisor.openCostPanel';
const TRIAGE = 'src/tickets/triage.ts';

describe('Editing: commands, incremental re-scan, what-if, prices, soak', function () {
  let api: AdvisorApi;
  let root: vscode.Uri;
  let scanner: typeof Scanner;
  let advisor: typeof Advisor;

  const result = (): ScanResult => api.lastScanResult()!;
  const site = (pred: (c: CallSite) => boolean): CallSite => {
    const found = result().callSites.find(pred);
    assert.ok(found, 'call site present');
    return found;
  };
  const uriOf = (file: string) => vscode.Uri.joinPath(root, ...file.split('/'));
  const untilScanState = <T>(what: string, condition: () => T | undefined | false, boundMs?: number) => untilScanState_(api, what, condition, boundMs);
  const settled = () => settled_(api);
  const nextScan = (action: () => Thenable<unknown> | Promise<unknown>, reflects?: (r: ScanResult) => boolean) => nextScan_(api, action, reflects);
  const lensesFor = async (uri: vscode.Uri) =>
    ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((l) => l.command?.command === OPEN_PANEL);

  before(async function () {
    this.timeout(120000);
    const ext = vscode.extensions.getExtension<AdvisorApi>(EXTENSION_ID)!;
    api = await ext.activate();
    root = vscode.workspace.workspaceFolders![0].uri;
    await api.ensureScanned();
    scanner = require(path.join(ext.extensionPath, 'dist', 'scanner.js')) as typeof Scanner;
    advisor = require(path.join(ext.extensionPath, 'dist', 'advisor.js')) as typeof Advisor;
  });

  it('"Set Volume for Call" writes calls= in the llm-advisor comment; the re-scan re-analyzes only that file', async function () {
    const target = site((c) => c.file === TRIAGE && c.enclosingFunction === 'summarizeThread');
    assert.equal(target.volume.source, 'usage-file');
    const after = await nextScan(
      () => vscode.commands.executeCommand('llmHostingAdvisor.setVolumeForCall', target.id, '2000/day'),
      (r) => r.callSites.some((c) => c.id === target.id && c.volume.source === 'annotation'),
    );
    // The scan may analyze the edited document before its save reaches the disk (remote file service).
    const text = await waitFor('the comment on disk', async () => {
      const onDisk = await fs.readFile(uriOf(TRIAGE).fsPath, 'utf8');
      return onDisk.includes('// llm-advisor: calls=2000/day') && onDisk;
    });
    const lines = text.split('\n');
    const callLine = lines.findIndex((l) => l.includes('async function summarizeThread')) + 1;
    assert.equal(lines[callLine].trim(), '// llm-advisor: calls=2000/day', `comment above the call:\n${lines.slice(callLine - 1, callLine + 2).join('\n')}`);
    const updated = after.callSites.find((c) => c.id === target.id)!;
    assert.equal(updated.volume.source, 'annotation');
    assert.equal(updated.volume.callsPerMonth, Math.round((2000 * 365) / 12));
    const s = after.summary;
    console.log(`      re-scan after the edit: ${s.filesReusedFromCache}/${s.filesScanned} files reused from the cache, ${s.durationMs} ms`);
    assert.equal(s.filesReusedFromCache, (s.filesScanned ?? 0) - 1, 'only the edited file was re-analyzed');
    // Lenses moved with the inserted line.
    const lenses = await lensesFor(uriOf(TRIAGE));
    assert.deepEqual(
      lenses.map((l) => l.range.start.line).sort((a, b) => a - b),
      after.callSites.filter((c) => c.file === TRIAGE).map((c) => c.line - 1).sort((a, b) => a - b),
    );
  });

  it('"Override Task Type" updates the same comment (task= added, calls= kept)', async function () {
    const target = site((c) => c.file === TRIAGE && c.enclosingFunction === 'summarizeThread');
    const after = await nextScan(
      () => vscode.commands.executeCommand('llmHostingAdvisor.overrideTaskType', target.id, 'extraction'),
      (r) => r.callSites.some((c) => c.id === target.id && c.task.type === 'extraction'),
    );
    const text = await waitFor('the updated comment on disk', async () => {
      const onDisk = await fs.readFile(uriOf(TRIAGE).fsPath, 'utf8');
      return onDisk.includes('task=extraction') && onDisk;
    });
    assert.ok(text.includes('// llm-advisor: calls=2000/day task=extraction'), text.slice(0, 1500));
    const updated = after.callSites.find((c) => c.id === target.id)!;
    assert.equal(updated.task.type, 'extraction');
    assert.equal(updated.task.source, 'annotation');
    assert.equal(after.summary.filesReusedFromCache, (after.summary.filesScanned ?? 0) - 1);
  });

  it('offers code actions on a call line: set model, set volume, override task, open in panel', async function () {
    const target = site((c) => c.file === TRIAGE && c.enclosingFunction === 'classifyTicket');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uriOf(TRIAGE),
      new vscode.Range(target.line - 1, target.column, target.line - 1, target.column),
    );
    const ours = actions.filter((a) => a.title.startsWith('LLM Hosting Advisor:'));
    assert.deepEqual(
      ours.map((a) => a.command?.command),
      ['llmHostingAdvisor.setModelForCall', 'llmHostingAdvisor.setVolumeForCall', 'llmHostingAdvisor.overrideTaskType', OPEN_PANEL],
    );
    for (const a of ours) assert.deepEqual(a.command?.arguments, [target.id]);
    const none = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uriOf(TRIAGE), new vscode.Range(0, 0, 0, 0));
    assert.equal(none.filter((a) => a.title.startsWith('LLM Hosting Advisor:')).length, 0, 'nothing on a line without a call');
  });

  it('"Open Usage File" creates a commented template when the file is missing', async function () {
    const file = path.join(root.fsPath, 'llm-usage.yml');
    const original = await fs.readFile(file, 'utf8');
    await fs.rm(file);
    try {
      await vscode.commands.executeCommand('llmHostingAdvisor.openUsageFile');
      const editor = await waitFor('the usage file editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === file && vscode.window.activeTextEditor);
      assert.match(editor.document.getText(), /^# LLM Hosting Advisor usage file/);
      assert.equal(editor.document.getText(), advisor.USAGE_FILE_TEMPLATE);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await nextScan(() => fs.writeFile(file, original));
    }
    await vscode.commands.executeCommand('llmHostingAdvisor.openUsageFile');
    await waitFor('the existing usage file', () => vscode.window.activeTextEditor?.document.getText() === original);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('panel what-if: a call\'s volume changes the totals at once; the button writes it to llm-usage.yml', async function () {
    await vscode.commands.executeCommand(OPEN_PANEL);
    const probe = await waitFor('the panel', () => api.panel()?.lastPostedResult && api.panel());
    const target = site((c) => c.file === 'src/kb/answer.ts' && c.volume.source === 'usage-file' && (c.monthlyUsdCurrent ?? 0) > 0);
    const before = probe.lastPostedResult!.summary.monthlyUsdCurrent;
    const posted = probe.posted;
    await api.sendPanelMessage({ type: 'whatIf', callSiteId: target.id, callsPerMonth: target.volume.callsPerMonth * 4 });
    await waitFor('a re-priced result', () => probe.posted > posted);
    const shown = probe.lastPostedResult!;
    const changed = shown.callSites.find((c) => c.id === target.id)!;
    assert.equal(changed.volume.callsPerMonth, target.volume.callsPerMonth * 4);
    assert.ok(shown.summary.monthlyUsdCurrent > before, `${shown.summary.monthlyUsdCurrent} > ${before}`);
    assert.equal(api.lastScanResult()!.summary.monthlyUsdCurrent, before, 'the lenses and status bar keep the scanned numbers');
    // Data sensitivity, GPU and precision.
    await api.sendPanelMessage({ type: 'whatIf', dataSensitivity: 'regulated', gpu: 'h100-80gb', precision: 'fp8' });
    await waitFor('the what-if state', () => probe.whatIf.gpu === 'h100-80gb' && probe.whatIf.dataSensitivity === 'regulated');
    const rejected = probe.rejected;
    await api.sendPanelMessage({ type: 'whatIf', gpu: 'not-a-gpu' });
    await api.sendPanelMessage({ type: 'whatIf', callSiteId: 'src/nope.ts#x:y', callsPerMonth: 5 });
    await api.sendPanelMessage({ type: 'saveVolume', callSiteId: target.id, path: '/tmp/evil.yml' });
    assert.equal(probe.rejected, rejected + 3);
    // Write the volume back.
    const file = path.join(root.fsPath, 'llm-usage.yml');
    const original = await fs.readFile(file, 'utf8');
    const after = await nextScan(
      () => api.sendPanelMessage({ type: 'saveVolume', callSiteId: target.id }),
      (r) => r.callSites.some((c) => c.id === target.id && c.volume.callsPerMonth === target.volume.callsPerMonth * 4),
    );
    const text = await fs.readFile(file, 'utf8');
    assert.ok(text.startsWith(original.split('\n')[0]), 'the leading comment is kept');
    assert.ok(text.includes(`"${target.id}":`) && text.includes(`callsPerMonth: ${target.volume.callsPerMonth * 4}`), text);
    assert.deepEqual((await fs.readdir(root.fsPath)).filter((n) => n.endsWith('.tmp')), [], 'no temporary file left');
    const saved = after.callSites.find((c) => c.id === target.id)!;
    assert.equal(saved.volume.callsPerMonth, target.volume.callsPerMonth * 4);
    assert.match(saved.volume.basis ?? '', /callSites\[/);
    assert.equal(probe.whatIf.callsPerMonth?.[target.id], undefined, 'the saved volume is no longer a what-if');
    await api.sendPanelMessage({ type: 'resetWhatIf' });
    await waitFor('the reset', () => Object.keys(probe.whatIf).length === 0);
  });

  it('"Refresh Prices" downloads, validates and stores an override layer (local server), and it re-prices', async function () {
    const gpt4o = result().callSites.find((c) => c.model.id === 'gpt-4o' && (c.monthlyUsdCurrent ?? 0) > 0);
    assert.ok(gpt4o, 'a gpt-4o call');
    const server = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ 'gpt-4o': { input_cost_per_token: 25e-6, output_cost_per_token: 100e-6 }, other: { input_cost_per_token: 1 } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const config = vscode.workspace.getConfiguration('llmHostingAdvisor');
    try {
      await config.update('priceFileUrl', `http://127.0.0.1:${(server.address() as AddressInfo).port}/prices.json`, vscode.ConfigurationTarget.Global);
      const after = await nextScan(
        () => vscode.commands.executeCommand('llmHostingAdvisor.refreshPrices', { confirmed: true }),
        (r) => r.callSites.some((c) => c.id === gpt4o.id && c.monthlyUsdCurrent !== gpt4o.monthlyUsdCurrent),
      );
      const override = api.priceOverride();
      assert.ok(override, 'override stored');
      assert.deepEqual(override.rows, [{ id: 'gpt-4o', inputPerMTok: 25, outputPerMTok: 100 }]);
      const repriced = after.callSites.find((c) => c.id === gpt4o.id)!;
      const ratio = repriced.monthlyUsdCurrent! / gpt4o.monthlyUsdCurrent!;
      assert.ok(ratio > 9 && ratio < 11, `10× the price: ratio ${ratio}`);
      assert.match(api.statusBarText(), /\/mo/);
      const probe = api.panel();
      if (probe) await waitFor('the panel to show the override', () => probe.lastPostedResult?.callSites.find((c) => c.id === gpt4o.id)?.monthlyUsdCurrent === repriced.monthlyUsdCurrent);
      // A bad file keeps the previous layer.
      await config.update('priceFileUrl', 'http://example.com/prices.json', vscode.ConfigurationTarget.Global);
      assert.equal(await vscode.commands.executeCommand('llmHostingAdvisor.refreshPrices', { confirmed: true }), undefined, 'plain http to another host is refused');
      assert.ok(api.priceOverride(), 'previous override kept');
      const cleared = await nextScan(
        () => vscode.commands.executeCommand('llmHostingAdvisor.clearPriceOverride'),
        (r) => r.callSites.some((c) => c.id === gpt4o.id && c.monthlyUsdCurrent === gpt4o.monthlyUsdCurrent),
      );
      assert.equal(api.priceOverride(), undefined);
      assert.equal(cleared.callSites.find((c) => c.id === gpt4o.id)!.monthlyUsdCurrent, gpt4o.monthlyUsdCurrent);
    } finally {
      await config.update('priceFileUrl', undefined, vscode.ConfigurationTarget.Global);
      server.close();
    }
  });

  it('a scan cancelled mid-way stops without a result and keeps the previous ones (the time it took is printed)', async function () {
    this.timeout(120000);
    const before = result();
    const source = await fs.readFile(uriOf(TRIAGE).fsPath, 'utf8');
    const dir = path.join(root.fsPath, 'src', 'generated');
    await fs.mkdir(dir, { recursive: true });
    // 150 new files with calls: the watcher schedules a re-scan that has to analyze all of them.
    try {
      await Promise.all(Array.from({ length: 150 }, (_, i) => fs.writeFile(path.join(dir, `copy${i}.ts`), source.replace(/\.\.\/llm\/client/g, '../../llm/client'))));
      // The file watcher schedules this re-scan too, but its events can lag on a loaded machine.
      void vscode.commands.executeCommand('llmHostingAdvisor.rescanWorkspace');
      await untilScanState('the re-scan of the new files to start', () => api.isScanning());
      const t0 = Date.now();
      await api.cancelScan();
      const stopMs = Date.now() - t0;
      console.log(`      cancelled mid-scan; stopped in ${stopMs} ms`);
      assert.equal(result().generatedAt, before.generatedAt, 'previous results kept');
      assert.equal(result().callSites.length, before.callSites.length);
    } finally {
      // Remove the files whatever happened, so later tests scan the example as it was.
      await fs.rm(dir, { recursive: true, force: true });
    }
    await vscode.commands.executeCommand('llmHostingAdvisor.rescanWorkspace');
    await untilScanState('the settled re-scan', () => api.isIdle() && result().generatedAt !== before.generatedAt && result().callSites.length === before.callSites.length);
  });

  it('lenses follow unsaved edits: the dirty text is analyzed, and reverting restores the saved numbers', async function () {
    this.timeout(180000);
    const file = 'src/tickets/extract.ts';
    const doc = await vscode.workspace.openTextDocument(uriOf(file));
    const before = site((c) => c.file === file && c.enclosingFunction === 'translateReply');
    assert.equal(before.model.id, 'gpt-4o-mini');
    const at = doc.getText().indexOf("model: 'gpt-4o-mini'");
    assert.ok(at > 0);
    // Scans triggered by one edit can overlap; what must hold is where the model settles.
    const settledModel = (model: string, what: string) =>
      untilScanState(what, () => api.isIdle() && api.lastScanResult()?.callSites.find((c) => c.id === before.id)?.model.id === model);
    // Nothing in this test saves; if something else does, the revert has nothing to revert: record it.
    const saves: string[] = [];
    const saveWatch = vscode.workspace.onDidSaveTextDocument((saved) => {
      if (saved === doc) saves.push(`saved while dirty-edit test ran (${new Error().stack?.split('\n').slice(2, 4).join(' ') ?? ''})`);
    });
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + "model: 'gpt-4o-mini'".length)), "model: 'gpt-4o'");
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      await settledModel('gpt-4o', 'the unsaved model to be priced');
      assert.ok(doc.isDirty, 'the edit is not saved');
    } finally {
      // "Revert File" acts on the active editor: make sure it is this document's, and that the revert happened.
      await vscode.window.showTextDocument(doc, { preview: false });
      await waitFor('the edited document to be the active editor', () => vscode.window.activeTextEditor?.document === doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor('the revert', () => !doc.isDirty);
    }
    await settledModel('gpt-4o-mini', 'the saved model after the revert').catch(async (e: Error) => {
      // Say which side is wrong: the document, the disk, or the model's last result.
      const onDisk = await fs.readFile(uriOf(file).fsPath, 'utf8');
      const shown = api.lastScanResult()?.callSites.find((c) => c.id === before.id)?.model.id;
      throw new Error(`${e.message}; ${saves.length} save(s) of the document by something else: ${saves.join('; ')}; document dirty=${doc.isDirty} has gpt-4o-mini=${doc.getText().includes("model: 'gpt-4o-mini'")}, disk has gpt-4o-mini=${onDisk.includes("model: 'gpt-4o-mini'")}, last result model=${shown}, scans=${api.scanCount()}, idle=${api.isIdle()}`);
    });
    saveWatch.dispose();
    assert.ok(!doc.isDirty);
  });

  it('an edit of a settings file on disk (.env.example) re-prices the call whose model it sets, with no source file saved', async function () {
    this.timeout(180000);
    const envFile = uriOf('.env.example');
    const source = uriOf('src/envModel.ts');
    const modelOfEnvCall = () => api.lastScanResult()?.callSites.find((c) => c.file === 'src/envModel.ts')?.model.id;
    const settledOn = (model: string | undefined, what: string) => untilScanState(what, () => api.isIdle() && modelOfEnvCall() === model);
    try {
      await fs.writeFile(envFile.fsPath, 'SUPPORT_DESK_MODEL=gpt-4o-mini\n');
      await fs.writeFile(source.fsPath, "import { openai } from './llm/client';\nexport const reply = (text: string) => openai.chat.completions.create({ model: process.env.SUPPORT_DESK_MODEL!, messages: [{ role: 'user', content: text }] });\n");
      await settledOn('gpt-4o-mini', 'the new call with the env example\'s model');
      await fs.writeFile(envFile.fsPath, 'SUPPORT_DESK_MODEL=gpt-4.1-mini\n');
      await settledOn('gpt-4.1-mini', 'the model of the edited env example');
    } finally {
      await fs.rm(source.fsPath, { force: true });
      await fs.rm(envFile.fsPath, { force: true });
    }
    await settledOn(undefined, 'the call gone with its file');
  });

  it('a Vue component written on disk gets its call site and a CodeLens on the line in the component', async function () {
    this.timeout(180000);
    const component = uriOf('src/AskWidget.vue');
    const siteOfComponent = () => api.lastScanResult()?.callSites.find((c) => c.file === 'src/AskWidget.vue');
    try {
      await fs.writeFile(component.fsPath, "<template>\n  <button @click=\"ask('hi')\">Ask</button>\n</template>\n\n<script setup lang=\"ts\">\nimport { openai } from './llm/client';\nasync function ask(question: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });\n}\n</script>\n");
      await untilScanState('the component\'s call', () => api.isIdle() && siteOfComponent() !== undefined);
      assert.equal(siteOfComponent()!.line, 8);
      await vscode.workspace.openTextDocument(component); // the lens command needs the document's model
      const lenses = await lensesFor(component);
      assert.deepEqual(lenses.map((lens) => lens.range.start.line), [7], 'one lens, on the call\'s line in the component');
    } finally {
      await fs.rm(component.fsPath, { force: true });
    }
    await untilScanState('the call gone with its component', () => api.isIdle() && siteOfComponent() === undefined);
  });

  it('soak: 500 edits in quick succession; lenses stay correct and the heap returns within 10% after GC', async function () {
    // A bound for a loaded machine (500 edits take about 2 minutes on an idle one), not a wait.
    this.timeout(900000);
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      for (let i = 0; i < 3; i++) gc();
      return process.memoryUsage().heapUsed;
    };
    const files = [TRIAGE, 'src/kb/answer.ts'];
    const docs = await Promise.all(files.map((f) => vscode.workspace.openTextDocument(uriOf(f))));
    // Both in pinned editors: a document open in no editor may be closed by the workbench mid-test on a slow machine.
    await vscode.window.showTextDocument(docs[1], { preview: false, viewColumn: vscode.ViewColumn.Two });
    await vscode.window.showTextDocument(docs[0], { preview: false, viewColumn: vscode.ViewColumn.One });
    const originals = docs.map((d) => d.getText());
    // Warm-up: one edit/save cycle per file, so caches and lazily built state exist before the baseline.
    for (const doc of docs) {
      await nextScan(async () => {
        const e = new vscode.WorkspaceEdit();
        e.insert(doc.uri, new vscode.Position(0, 0), '// warm-up\n');
        await vscode.workspace.applyEdit(e);
        await doc.save();
      });
    }
    const baseline = heap();
    // The scans run on the scanner thread: its heap (the per-file cache, the pricing caches) is measured the same way.
    const threadBaseline = await api.scannerHeapUsed();
    assert.ok(threadBaseline !== undefined, 'the scanner thread runs');
    const scansBefore = api.scanCount();
    const t0 = Date.now();
    let peak = baseline;
    for (let i = 0; i < 500; i++) {
      const doc = docs[i % docs.length];
      const e = new vscode.WorkspaceEdit();
      // Alternately add and remove a comment line at the top: every call moves by one line and back.
      if (doc.lineAt(0).text.startsWith('// soak')) e.delete(doc.uri, doc.lineAt(0).rangeIncludingLineBreak);
      else e.insert(doc.uri, new vscode.Position(0, 0), `// soak ${i}\n`);
      await vscode.workspace.applyEdit(e);
      // Save every fifth edit (a save is ~100-200 ms round trip in code-server), as people do.
      if (i % 5 === 4) await doc.save();
      // Every 50 edits, let the debounced re-scan run and finish, so re-scans happen in between the bursts.
      if (i % 50 === 49) {
        await settled();
        peak = Math.max(peak, process.memoryUsage().heapUsed);
      }
    }
    for (const doc of docs) if (doc.isDirty) await doc.save();
    const editMs = Date.now() - t0;
    // Lenses must match an independent scan of the files as they are now, once the model has caught up with the last save.
    const fresh = await scanner.scanWorkspace(root.fsPath, { defaultCallsPerMonth: 10000 });
    const lines = (sites: readonly CallSite[], f: string) => sites.filter((c) => c.file === f).map((c) => `${c.id}@${c.line}`).sort().join(',');
    await untilScanState('the re-scans to catch up with the last save', () => api.isIdle() && files.every((f) => lines(result().callSites, f) === lines(fresh.callSites, f)));
    const scans = api.scanCount() - scansBefore;
    for (const f of files) {
      const lenses = await lensesFor(uriOf(f));
      const want = fresh.callSites.filter((c) => c.file === f);
      assert.deepEqual(lenses.map((l) => l.range.start.line).sort((a, b) => a - b), want.map((c) => c.line - 1).sort((a, b) => a - b), `lens lines in ${f}`);
      for (const c of want) assert.ok(lenses.find((l) => l.range.start.line === c.line - 1)!.command!.arguments![0] === c.id);
    }
    // Restore the files, then measure.
    for (const [i, doc] of docs.entries()) {
      const e = new vscode.WorkspaceEdit();
      e.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), originals[i]);
      await vscode.workspace.applyEdit(e);
      await doc.save();
    }
    const restored = await scanner.scanWorkspace(root.fsPath, { defaultCallsPerMonth: 10000 });
    await untilScanState('the re-scan of the restored files', () => api.isIdle() && files.every((f) => lines(result().callSites, f) === lines(restored.callSites, f)));
    const end = heap();
    const threadEnd = (await api.scannerHeapUsed())!;
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    const change = (end - baseline) / baseline;
    const threadChange = (threadEnd - threadBaseline) / threadBaseline;
    console.log(
      `      soak: 500 edits (100 saves) in ${editMs} ms, ${scans} incremental re-scans; heap after GC ${mb(baseline)} MB -> ${mb(end)} MB (${(change * 100).toFixed(1)}%), peak sampled ${mb(peak)} MB; scanner thread ${mb(threadBaseline)} MB -> ${mb(threadEnd)} MB (${(threadChange * 100).toFixed(1)}%)`,
    );
    assert.ok(change < 0.1, `heap grew ${(change * 100).toFixed(1)}%`);
    assert.ok(threadChange < 0.1, `the scanner thread's heap grew ${(threadChange * 100).toFixed(1)}%`);
  });
  // Last: it disposes the extension's registrations, as VS Code does when the folder closes.
  it('deactivating mid-scan aborts the scan and leaves no scan, timer or watcher behind', async function () {
    this.timeout(180000);
    const before = api.scanCount();
    const doc = await vscode.workspace.openTextDocument(uriOf(TRIAGE));
    void vscode.commands.executeCommand('llmHostingAdvisor.rescanWorkspace');
    // Poll without delay: an incremental scan of the example takes well under 100 ms.
    for (const deadline = Date.now() + 10000; !api.isScanning(); ) {
      if (Date.now() > deadline) throw new Error('no scan started');
      await new Promise((r) => setImmediate(r));
    }
    const stoppedAt = performance.now();
    api.simulateDeactivation();
    // A disposed model fires no more events: poll.
    await waitFor('the model to be idle after deactivation', () => api.isDisposed() && api.isIdle() && !api.isScanning());
    const stopMs = performance.now() - stoppedAt;
    console.log(`      deactivated mid-scan; idle after ${stopMs.toFixed(0)} ms`);
    // Nothing listens any more: an edit, its save and the file watcher's echo of the write start no
    // scan. Each is awaited with a listener subscribed now, after the extension's: when it runs, a
    // listener the extension left behind has already had the event and scheduled a re-scan.
    const sameFile = (uri: vscode.Uri) => uri.toString() === doc.uri.toString();
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.ts');
    try {
      const changed = nextEvent('edit event', vscode.workspace.onDidChangeTextDocument, (e) => sameFile(e.document.uri));
      const saved = nextEvent('save event', vscode.workspace.onDidSaveTextDocument, (d) => sameFile(d.uri));
      const written = nextEvent('file watcher event for the save', watcher.onDidChange, sameFile);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, new vscode.Position(0, 0), '// after deactivation\n');
      await vscode.workspace.applyEdit(edit);
      await changed;
      assert.ok(api.isIdle(), 'no debounce timer was scheduled by the edit');
      await doc.save();
      await Promise.all([saved, written]);
    } finally {
      watcher.dispose();
    }
    assert.equal(api.scanCount(), before, 'no scan completed after deactivation');
    assert.ok(api.isIdle(), 'no debounce timer was scheduled');
  });
});
