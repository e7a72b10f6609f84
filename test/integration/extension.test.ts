/**
 * Integration tests inside a real VS Code extension host, on the workspace examples/support-desk.
 * They compare what the cost panel was given with an independent `scanWorkspace` of the same
 * folder (run here with the shipped dist/scanner.js), and exercise the commands, the CodeLenses, the hover and the panel's message handling.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ScanResult } from '../../src/model/types';
import type { AdvisorApi } from '../../src/extension/api';
import type * as Scanner from '../../src/extension/scannerBundle';
import { formatUsd } from '../../src/model/format';
import { nextEvent, waitFor } from './waits';

const EXTENSION_ID = 'llm-hosting-advisor.llm-hosting-advisor';
const OPEN_PANEL = 'llmHostingAdvisor.openCostPanel';

/** The result without fields that legitimately differ between two scans (time, duration). */
function stable(result: ScanResult): unknown {
  const { generatedAt: _g, summary, ...rest } = result;
  const { durationMs: _d, ...summaryRest } = summary;
  return JSON.parse(JSON.stringify({ ...rest, summary: summaryRest }));
}

function costPanelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('llmHostingAdvisor.costPanel'));
}

describe('LLM Hosting Advisor in the VS Code extension host', function () {
  let api: AdvisorApi;
  let root: vscode.Uri;
  let expected: ScanResult;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test run opens examples/support-desk as the workspace');
    root = folder.uri;
  });

  it('activates at startup in a workspace with source files, before any is opened, so VS Code can ask for lenses as soon as one opens', async function () {
    const ext = vscode.extensions.getExtension<AdvisorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    const openSources = vscode.workspace.textDocuments.filter((doc) => /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(doc.fileName));
    assert.deepEqual(openSources.map((doc) => doc.fileName), [], 'no source file is open yet (opening one would activate it by its language)');
    await waitFor('activation by workspaceContains', () => ext.isActive);
  });

  it('activates, returns its API and does not load the scanner at activation', async function () {
    const ext = vscode.extensions.getExtension<AdvisorApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    api = await ext.activate();
    assert.ok(ext.isActive);
    assert.equal(typeof api.lastScanResult, 'function');
    assert.equal(api.scannerLoadedAtActivation, false, 'ts-morph/tiktoken must load lazily, not at activation');
    console.log(`      activation took ${api.activationMs.toFixed(1)} ms`);
  });

  it('registers every palette command from package.json', async function () {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const declared: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of declared) assert.ok(registered.has(id), `command ${id} is registered`);
    assert.ok(declared.includes(OPEN_PANEL));
  });

  it('"Open Cost Panel" opens the panel, and the panel gets the same data as scanWorkspace()', async function () {
    await vscode.commands.executeCommand(OPEN_PANEL);
    await waitFor('the cost panel tab', () => costPanelTabs().length === 1);
    // The webview posts `ready`; the host answers with the scan result.
    const probe = await waitFor('the webview handshake and a posted result', () => {
      const p = api.panel();
      return p && p.readyCount > 0 && p.lastPostedResult ? p : undefined;
    }, 90000);
    assert.ok(api.scannerLoaded(), 'the scanner loads on first use');
    const shown = probe.lastPostedResult!;
    // An independent scan of the same folder with the shipped scanner bundle (dist/scanner.js),
    // so the test compares against the same build the extension runs.
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const scanner = require(path.join(ext.extensionPath, 'dist', 'scanner.js')) as typeof Scanner;
    expected = await scanner.scanWorkspace(root.fsPath, { defaultCallsPerMonth: 10000 });
    assert.ok(expected.callSites.length > 0, 'the example workspace has call sites');
    assert.deepEqual(stable(shown), stable(expected));
    assert.deepEqual(stable(api.lastScanResult()!), stable(expected));
    // A second open reuses the one panel.
    await vscode.commands.executeCommand(OPEN_PANEL);
    assert.equal(costPanelTabs().length, 1, 'one panel instance');
  });

  it('shows the workspace estimate in the status bar', async function () {
    const text = await waitFor('status bar text', () => (api.statusBarText().includes('/mo') ? api.statusBarText() : undefined));
    assert.ok(text.includes(formatUsd(expected.summary.monthlyUsdCurrent)), text);
  });

  it('shows a CodeLens above every call site of a file, with cost, model, task and recommendation', async function () {
    const file = expected.callSites[0].file;
    const sites = expected.callSites.filter((c) => c.file === file);
    const uri = vscode.Uri.joinPath(root, ...file.split('/'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const ours = await lensesFor(uri);
    assert.equal(ours.length, sites.length, `one lens per call in ${file}`);
    for (const site of sites) {
      const lens = ours.find((l) => l.range.start.line === site.line - 1);
      assert.ok(lens, `a lens on line ${site.line}`);
      const title = lens.command!.title;
      assert.match(title, /^≈ \$[\d,.]+\/mo · /);
      assert.ok(title.includes(site.model.id ?? site.model.raw), title);
      assert.ok(title.includes(site.task.type), title);
      if (site.recommendation) assert.ok(title.includes(`→ ${site.recommendation.label}`), title);
      assert.deepEqual(lens.command!.arguments, [site.id], 'clicking opens the panel on this call');
    }
    console.log(`      e.g. "${ours[0].command!.title}"`);
  });

  it('announces new lenses when a result arrives, not when a scan starts (the editor would ask again while it runs)', async function () {
    let lensEvents = 0;
    const counting = api.onDidChangeCodeLenses(() => lensEvents++);
    try {
      const before = api.lastScanResult();
      assert.ok(before);
      const started = nextEvent('the rescan to start', api.onDidChangeState, (s) => s.scanning);
      const finished = nextEvent('the rescanned result', api.onDidChangeState, (s) => !s.scanning && s.result !== undefined && s.result !== before);
      void vscode.commands.executeCommand('llmHostingAdvisor.rescanWorkspace');
      await started;
      assert.equal(lensEvents, 0, 'a scan starting leaves the lenses as they are');
      await finished;
      assert.equal(lensEvents, 1, 'the new result is announced once');
    } finally {
      counting.dispose();
    }
  });

  it('clicking a CodeLens opens the panel on that call (the webview selects it)', async function () {
    const site = expected.callSites[expected.callSites.length - 1];
    const uri = vscode.Uri.joinPath(root, ...site.file.split('/'));
    const lens = (await lensesFor(uri)).find((l) => l.range.start.line === site.line - 1);
    assert.ok(lens?.command, 'a lens on the call');
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    // The webview reports its selection back with a `select` message.
    await waitFor(`the webview to select ${site.id}`, () =>
      api.panel()?.received.some((m) => m.type === 'select' && m.callSiteId === site.id),
    );
    assert.equal(costPanelTabs().length, 1, 'still one panel');
  });

  it('shows the cost breakdown when hovering the SDK call', async function () {
    const site = expected.callSites[0];
    const uri = vscode.Uri.joinPath(root, ...site.file.split('/'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(site.line - 1, site.column - 1),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.ok(text.includes('LLM Hosting Advisor'), text);
    assert.ok(text.includes('Tokens per call'), text);
  });

  it('turns CodeLenses off with llmHostingAdvisor.codeLens.enabled', async function () {
    const site = expected.callSites[0];
    const uri = vscode.Uri.joinPath(root, ...site.file.split('/'));
    const config = vscode.workspace.getConfiguration('llmHostingAdvisor');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal((await lensesFor(uri)).length, 0);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.ok((await lensesFor(uri)).length > 0);
  });

  it('reads its window-scoped settings without a resource (no extension-host warning per CodeLens or hover)', async function () {
    // The extension host log sits beside the extension's own log folder (context.logUri):
    // remoteexthost.log under code-server, exthost.log in desktop VS Code.
    const folder = vscode.Uri.joinPath(api.logFile, '..', '..');
    const read = async () => {
      const entries = await vscode.workspace.fs.readDirectory(folder).then((list) => list, () => [] as [string, vscode.FileType][]);
      const logs = entries.filter(([name, type]) => type === vscode.FileType.File && /exthost\.log$/i.test(name));
      const texts = await Promise.all(logs.map(([name]) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name))));
      return texts.map((bytes) => new TextDecoder().decode(bytes)).join('\n');
    };
    // The log is written asynchronously: wait until it holds lines of this extension, written after the lens and hover requests above.
    const text = await waitFor(`lines of ${EXTENSION_ID} in the extension host log in ${folder.toString()}`, async () => {
      const t = await read();
      return t.includes(EXTENSION_ID) && t;
    });
    const warnings = text.split('\n').filter((line) => line.includes(`[${EXTENSION_ID}]`) && line.includes('window scoped configuration for a resource'));
    assert.deepEqual(warnings, []);
  });

  it('a reveal message from the webview opens the file at the call', async function () {
    const site = expected.callSites[expected.callSites.length - 1];
    await api.sendPanelMessage({ type: 'reveal', callSiteId: site.id });
    const editor = await waitFor('the revealed editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(`/${site.file}`) ? e : undefined;
    });
    assert.equal(editor.selection.start.line, site.line - 1);
    assert.equal(editor.selection.start.character, site.column - 1);
    assert.ok(api.panel()!.revealed.includes(site.id));
  });

  it('ignores forged or unknown webview messages (never opens a path the webview sends)', async function () {
    const probe = api.panel()!;
    const rejectedBefore = probe.rejected;
    const revealedBefore = probe.revealed.length;
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await api.sendPanelMessage({ type: 'reveal', callSiteId: expected.callSites[0].id, file: '/etc/passwd' });
    await api.sendPanelMessage({ type: 'openFile', path: '/etc/passwd' });
    await api.sendPanelMessage({ type: 'reveal', callSiteId: { toString: () => 'x' } });
    await api.sendPanelMessage('reveal');
    assert.equal(probe.rejected, rejectedBefore + 4);
    await api.sendPanelMessage({ type: 'reveal', callSiteId: '../../etc/passwd' });
    assert.equal(probe.revealed.length, revealedBefore, 'an id not in the result opens nothing');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });

  it('"Export Migration Plan" opens the Markdown plan', async function () {
    await vscode.commands.executeCommand('llmHostingAdvisor.exportMigrationPlan');
    const doc = await waitFor('the plan document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d && d.languageId === 'markdown' && d.isUntitled ? d : undefined;
    });
    assert.ok(doc.getText().includes(expected.callSites[0].file), 'the plan lists the call sites');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

async function lensesFor(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri); // the command needs the document's model to exist
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses.filter((l) => l.command?.command === OPEN_PANEL);
}
