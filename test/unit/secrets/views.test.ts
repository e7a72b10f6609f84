/**
 * No secret from the workspace in what the editor shows: the panel's HTML as the webview renders it
 * (summary, grid, every call's detail, diagnostics count), the hover Markdown, the CodeLens titles and
 * tooltips and the status bar, all built from a real scan of the credential-laden workspace
 * (./workspace.ts). The same views in the real extension host: test/integration/secrets.test.ts.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { codeLensTitle, codeLensTooltip, hoverMarkdown, statusBarText } from '../../../src/extension/text';
import type { ScanResult } from '../../../src/model/types';
import { scanWorkspace } from '../../../src/scan/scan';
import { renderDetail, renderGrid, renderSummary } from '../../../src/webview/render';
import { assertNoSecret, SECRET_FILES_WITH_CALLS, writeSecretWorkspace } from './workspace';

describe('secrets: no credential in the panel HTML, hovers, CodeLenses, status bar or diagnostics', function () {
  this.timeout(60000);
  let root: string;
  let result: ScanResult;
  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'llmha-secrets-views-'));
    writeSecretWorkspace(root);
    result = await scanWorkspace(root, { defaultCallsPerMonth: 10000 });
    // The views below are only meaningful if the calls next to the keys were found.
    for (const file of SECRET_FILES_WITH_CALLS) assert.ok(result.callSites.some((c) => c.file === file), `a call found in ${file}`);
    assert.ok(result.diagnostics.some((d) => d.message.startsWith('llm-advisor comment:')), 'the comment holding keys gives a diagnostic');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the panel: summary, grid and every call\'s detail', () => {
    assertNoSecret(renderSummary(result, false), 'panel summary');
    assertNoSecret(renderGrid(result.callSites, { sortKey: 'current', sortDescending: true, selectedId: null }), 'panel grid');
    for (const site of result.callSites) assertNoSecret(renderDetail(site), `panel detail of ${site.id}`);
  });

  it('hover, CodeLens title and tooltip of every call, and the status bar', () => {
    for (const site of result.callSites) {
      assertNoSecret(hoverMarkdown(site, 'command:llmHostingAdvisor.openCostPanel'), `hover of ${site.id}`);
      assertNoSecret(codeLensTitle(site), `CodeLens title of ${site.id}`);
      assertNoSecret(codeLensTooltip(site), `CodeLens tooltip of ${site.id}`);
    }
    assertNoSecret(statusBarText(result.summary), 'status bar');
  });

  it('diagnostics (a key pasted into an llm-advisor comment is not quoted back)', () => {
    assertNoSecret(JSON.stringify(result.diagnostics), 'diagnostics');
    assert.ok(result.diagnostics.some((d) => d.message.includes('[redacted credential]')), 'the comment\'s error still says which value was wrong');
  });
});
