import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';

const EXAMPLE = path.resolve(__dirname, '../../../examples/support-desk');

describe('a malformed usage file', () => {
  let root: string;
  const USAGE = `version: 1
callSites:
  "src/nope.ts#ghost:chat.completions.create":
    callsPerMonth: 5
functions:
  summarizeThread:
    callsPerMonth: "lots"
  classifyTicket:
    callsPerMonth: -3
  answerFromKnowledgeBase:
    callsPerMonth: 45000
  renamedLongAgo:
    callsPerMonth: 9
`;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'usage-diag-'));
    cpSync(EXAMPLE, root, { recursive: true });
    writeFileSync(path.join(root, 'llm-usage.yml'), USAGE);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('names each bad line, keeps the good entries, warns on entries that match nothing, and never rewrites the file', async () => {
    const result = await scanWorkspace(root);
    const usageDiagnostics = result.diagnostics.filter((d) => d.file === 'llm-usage.yml').map((d) => `${d.severity}:${d.line}`);
    assert.deepEqual(usageDiagnostics.sort(), ['error:7', 'error:9', 'warning:12', 'warning:3'].sort());
    const byFunction = new Map(result.callSites.map((site) => [site.enclosingFunction, site]));
    assert.equal(byFunction.get('answerFromKnowledgeBase')!.volume.callsPerMonth, 45000, 'the valid entry still applies');
    assert.equal(byFunction.get('summarizeThread')!.volume.source, 'default', 'the broken entry falls back, labeled as the default');
    assert.equal(byFunction.get('classifyTicket')!.volume.source, 'annotation', 'the annotation in the code wins anyway');
    assert.equal(readFileSync(path.join(root, 'llm-usage.yml'), 'utf8'), USAGE);
  });
});
