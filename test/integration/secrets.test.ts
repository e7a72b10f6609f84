/**
 * No secret from the workspace in what the extension shows, in the real extension host: the panel's
 * HTML document and every message posted to it (and the panel's views rendered from the posted result
 * with the webview's own render functions), the hover Markdown, the CodeLens titles and tooltips, the
 * scan's diagnostics and every VS Code diagnostic, and the extension's output channel as written to
 * its log file. The credential-laden files of test/unit/secrets/workspace.ts (.env, .env.example,
 * config JSON/YAML, docker-compose, source literals passed as apiKey/baseURL, an llm-advisor comment)
 * are written into a folder of the throwaway workspace and llm-usage.yml gets the keys as comments;
 * all of it is removed again before the editing tests run.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AdvisorApi } from '../../src/extension/api';
import type { ScanResult } from '../../src/model/types';
import { renderDetail, renderGrid, renderSummary } from '../../src/webview/render';
import { assertNoSecret, FILES, SECRET_FILES_WITH_CALLS } from '../unit/secrets/workspace';
import { nextScan, settled, waitFor } from './waits';

const EXTENSION_ID = 'llm-hosting-advisor.llm-hosting-advisor';
const OPEN_PANEL = 'llmHostingAdvisor.openCostPanel';
const RESCAN = 'llmHostingAdvisor.rescanWorkspace';
/** The folder of the workspace the credential files go into (the settings reader looks 4 levels deep). */
const DIR = 'secrets-fixture';
describe('Secrets: no credential from the workspace in the panel, hovers, CodeLenses, diagnostics or the log', function () {
  let api: AdvisorApi;
  let root: vscode.Uri;
  let usageFile: string;
  let usageOriginal: string;
  let withSecrets: ScanResult;
  let callsBefore: number;
  const inFixture = (file: string) => file.startsWith(`${DIR}/`);

  before(async function () {
    this.timeout(600000);
    api = await vscode.extensions.getExtension<AdvisorApi>(EXTENSION_ID)!.activate();
    root = vscode.workspace.workspaceFolders![0].uri;
    callsBefore = (await api.ensureScanned())!.callSites.length;
    usageFile = path.join(root.fsPath, 'llm-usage.yml');
    usageOriginal = await fs.readFile(usageFile, 'utf8');
    const usageComments = FILES['llm-usage.yml'].split('\n').filter((line) => line.startsWith('#'));
    withSecrets = await nextScan(
      api,
      async () => {
        for (const [name, text] of Object.entries(FILES)) {
          if (name === 'llm-usage.yml') continue; // read at the root only: its keys go into the workspace's own file below
          const file = path.join(root.fsPath, DIR, name);
          await fs.mkdir(path.dirname(file), { recursive: true });
          await fs.writeFile(file, text);
        }
        await fs.writeFile(usageFile, `${usageComments.join('\n')}\n${usageOriginal}`);
        // The watcher schedules this re-scan too; the command makes it not depend on the watcher's latency.
        await vscode.commands.executeCommand(RESCAN);
      },
      (r) => SECRET_FILES_WITH_CALLS.every((f) => r.callSites.some((c) => c.file === `${DIR}/${f}`)),
    );
    assert.ok(withSecrets.diagnostics.some((d) => inFixture(d.file) && d.message.startsWith('llm-advisor comment:')), 'the comment holding keys gives a diagnostic');
  });

  after(async function () {
    this.timeout(600000);
    // Close the fixture's editors, then remove it and restore the usage file: the editing tests scan the example as it was.
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.includes(`/${DIR}/`));
    await vscode.window.tabGroups.close(tabs);
    // The file watcher may deliver the fixture's events after the re-scan below has finished; the extension then drops
    // its cache for the settings files among them. Waiting for the removal's own event (delivered to every watcher in
    // one batch, after the writes') and for the model to settle again keeps that out of the next suite.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `{${DIR},${DIR}/**}`));
    const removed = new Promise<void>((resolve) => watcher.onDidDelete(() => resolve()));
    try {
      await nextScan(
        api,
        async () => {
          await fs.rm(path.join(root.fsPath, DIR), { recursive: true, force: true });
          await fs.writeFile(usageFile, usageOriginal);
          await vscode.commands.executeCommand(RESCAN);
        },
        (r) => !r.callSites.some((c) => inFixture(c.file)) && r.callSites.length === callsBefore,
      );
      await removed;
      await settled(api);
    } finally {
      watcher.dispose();
    }
  });

  it('the panel: its HTML document, every message posted to it, and the views rendered from the posted result', async function () {
    this.timeout(300000);
    await vscode.commands.executeCommand(OPEN_PANEL);
    const probe = await waitFor('the panel to be given the result with the fixture\'s calls', () => {
      const p = api.panel();
      return p?.lastPostedResult?.callSites.some((c) => inFixture(c.file)) && p;
    });
    const shown = probe.lastPostedResult!;
    assert.ok(probe.html.includes('<html'), 'the shell document was recorded');
    assertNoSecret(probe.html, 'the panel\'s HTML document');
    assertNoSecret(JSON.stringify(probe.lastMessages), 'messages posted to the panel');
    assertNoSecret(renderSummary(shown, false), 'panel summary');
    assertNoSecret(renderGrid(shown.callSites, { sortKey: 'current', sortDescending: true, selectedId: null }), 'panel grid');
    for (const site of shown.callSites.filter((c) => inFixture(c.file))) assertNoSecret(renderDetail(site), `panel detail of ${site.id}`);
    // A forged message carrying a key is rejected without the key reaching the log (checked below).
    await api.sendPanelMessage({ type: 'reveal', callSiteId: `${DIR}/src/llm.ts#${FILES['.env'].split('\n')[0]}` });
  });

  it('hovers on every call of the fixture, and its CodeLens titles and tooltips', async function () {
    this.timeout(300000);
    for (const file of SECRET_FILES_WITH_CALLS) {
      const uri = vscode.Uri.joinPath(root, DIR, ...file.split('/'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: true });
      const sites = withSecrets.callSites.filter((c) => c.file === `${DIR}/${file}`);
      for (const site of sites) {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(site.line - 1, site.column - 1));
        const texts = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value));
        const ours = texts.filter((t) => t.includes('LLM Hosting Advisor'));
        assert.ok(ours.length > 0, `our hover on ${site.id}`);
        assertNoSecret(texts.join('\n'), `hover on ${site.id}`);
      }
      const lenses = ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((l) => l.command?.command === OPEN_PANEL);
      assert.equal(lenses.length, sites.length, `one lens per call in ${file}`);
      for (const lens of lenses) assertNoSecret(`${lens.command!.title}\n${lens.command!.tooltip ?? ''}`, `CodeLens in ${file}`);
    }
  });

  it('diagnostics: the scan\'s (as the panel gets them) and every VS Code diagnostic', function () {
    assertNoSecret(JSON.stringify(withSecrets.diagnostics), 'scan diagnostics');
    assert.ok(withSecrets.diagnostics.some((d) => inFixture(d.file) && d.message.includes('[redacted credential]')), 'the comment\'s error still says which value was wrong');
    const all = vscode.languages.getDiagnostics().flatMap(([uri, list]) => list.map((d) => `${uri.toString()}: ${d.source ?? ''} ${d.message}`));
    assertNoSecret(all.join('\n'), 'VS Code diagnostics');
  });

  it('the output channel, as written to the extension\'s log file', async function () {
    this.timeout(300000);
    // The extension says where VS Code writes its output channel (its context.logUri).
    const file = api.logFile;
    const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file).then((bytes) => bytes, () => new Uint8Array()));
    // Every completed scan logs one line; the file is written asynchronously, so wait until it has them all.
    const scans = api.scanCount();
    const text = await waitFor(`${scans} scan lines in ${file.toString()}`, async () => {
      const t = await read();
      return (t.match(/ call sites in \d+ ms/g)?.length ?? 0) >= scans && t;
    });
    assert.ok(/cost panel: (reveal of an unknown call site|ignored an unknown or malformed message)/.test(text), 'the forged reveal was logged');
    assertNoSecret(text, 'the output channel log');
    console.log(`      ${file.path.split('/').slice(-3).join('/')}: ${text.split('\n').length} lines, no secret`);
  });
});
