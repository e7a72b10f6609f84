/**
 * A later session (issue 14): the extension shows the lenses of the last session's stored result at
 * once for the files unchanged since, none for a file changed between the sessions, and then the
 * rescanned lenses, announced by the scan model's event. Runs last: it deactivates and activates
 * the extension again with the same storage (AdvisorApi.simulateNextSession).
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import type { AdvisorApi } from '../../src/extension/api';
import { untilScanState } from './waits';

const EXTENSION_ID = 'llm-hosting-advisor.llm-hosting-advisor';

/** Our lenses on a file, as (line, title) sorted by line. */
async function lensesOn(uri: vscode.Uri): Promise<Array<{ line: number; title: string }>> {
  // The lens command needs the document loaded in the editor's model service.
  await vscode.workspace.openTextDocument(uri);
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  return lenses
    .filter((l) => l.command?.command.startsWith('llmHostingAdvisor.'))
    .map((l) => ({ line: l.range.start.line, title: l.command!.title }))
    .sort((a, b) => a.line - b.line);
}

describe('Later session: lenses from the stored last scan, then the rescanned ones', function () {
  it('unchanged files show the stored lenses at once, a changed file none; the rescan then replaces them', async function () {
    this.timeout(300000);
    const ext = vscode.extensions.getExtension<AdvisorApi>(EXTENSION_ID)!;
    const earlier = await ext.activate();
    // No editor open (and no unsaved edit): the editor asks for lenses only when this test does (the first request starts the rescan).
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    // A fresh session whose result is stored (earlier suites may have deactivated the extension mid-scan).
    const first = await earlier.simulateNextSession();
    const result = await first.ensureScanned();
    assert.ok(result, 'the first session scanned');
    await untilScanState(first, 'the first session to be idle', () => first.isIdle());
    await first.lastScanStored();
    const root = vscode.workspace.workspaceFolders![0].uri;
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    const files = [...new Set(first.lastScanResult()!.callSites.map((c) => c.file))]
      .map((file) => vscode.Uri.joinPath(root, ...file.split('/')))
      .filter((uri) => !dirty.has(uri.toString()));
    assert.ok(files.length >= 2, 'two saved files with call sites');
    const [unchanged, changed] = files;
    const unchangedBefore = await lensesOn(unchanged);
    const changedBefore = await lensesOn(changed);
    assert.ok(unchangedBefore.length > 0 && changedBefore.length > 0);

    // Between the sessions a line is added on top of one file (on disk, as a checkout would).
    const original = await fs.readFile(changed.fsPath, 'utf8');
    const next = await first.simulateNextSession(() => fs.writeFile(changed.fsPath, `// changed between sessions\n${original}`));
    try {
      // Restored at activation, before any scan: the last session's call sites of the unchanged files, identical.
      const restored = await untilScanState(next, 'the stored last scan to be restored', () => next.restoredScan());
      assert.ok(!next.lastScanResult() && !next.isScanning(), 'nothing scanned yet');
      assert.deepEqual(restored.changedFiles, [vscode.workspace.asRelativePath(changed, false)]);
      const fileOf = (uri: vscode.Uri) => vscode.workspace.asRelativePath(uri, false);
      assert.deepEqual(
        restored.result.callSites.filter((c) => c.file === fileOf(unchanged)),
        result.callSites.filter((c) => c.file === fileOf(unchanged)).map((c) => JSON.parse(JSON.stringify(c)) as typeof c),
      );
      assert.ok(!restored.result.callSites.some((c) => c.file === fileOf(changed)));
      assert.match(next.statusBarText(), /\(last scan\)/, 'the status bar says the figures are from the last scan');
      // The session's first lens request is answered from it (a rescan would give the changed file its
      // lenses back): none on the changed file, no stale ones. It also starts the rescan.
      assert.deepEqual(await lensesOn(changed), [], 'a changed file shows no stale lens');
      assert.deepEqual(await lensesOn(unchanged), unchangedBefore, 'an unchanged file shows the same lenses (stored, or rescanned by now)');

      // The rescan (started by the first lens request) replaces them; the model's event announces it.
      await untilScanState(next, 'the rescanned result', () => next.lastScanResult());
      assert.equal(next.restoredScan(), undefined);
      assert.deepEqual(
        await lensesOn(changed),
        changedBefore.map((l) => ({ ...l, line: l.line + 1 })),
        'the changed file has its lenses again, one line lower',
      );
      assert.deepEqual(await lensesOn(unchanged), unchangedBefore);
      assert.doesNotMatch(next.statusBarText(), /\(last scan\)/);
    } finally {
      await fs.writeFile(changed.fsPath, original);
    }
  });
});
