/**
 * Analyses shared by the scans of two trees in one process (what `diff --base` does with the base and the
 * working tree): each tree's result must be what its scan alone gives, whatever the other tree lent it.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { SharedAnalyses } from '../../../src/scan/sharedAnalyses';
import { ResultStore } from '../../../src/scan/resultStore';
import type { ScanResult } from '../../../src/model/types';

const CLIENT = (model: string) => `import OpenAI from 'openai';\nexport const client = new OpenAI();\nexport const MODEL = '${model}';\n`;
const SUMMARIZE = `import { client, MODEL } from './client';\nexport async function summarize(text: string) {\n  return client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'Summarize: ' + text }] });\n}\n`;
const CLASSIFY = `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function classify(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Classify the sentiment: ' + text }] });\n}\n`;
// Ruled out by the prefilter, but imports the SDK module: its second look finds the request it makes through it.
const ASK = `import { client } from './client';\nexport const ask = (question: string) => client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: question }] });\n`;

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'shared-analyses-'));
  for (const [relativePath, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relativePath)), { recursive: true });
    writeFileSync(path.join(root, relativePath), text);
  }
  return root;
}

/** A result without what differs between two runs over the same files (its root, clock and duration). */
function comparable(result: ScanResult): string {
  return JSON.stringify({ ...result, root: '', generatedAt: '', summary: { ...result.summary, durationMs: 0 } });
}

const modelsOf = (result: ScanResult) => Object.fromEntries(result.callSites.map((site) => [`${site.file}:${site.line}`, site.model?.id]));

describe('analyses shared between the scans of two trees (diff --base)', function () {
  this.timeout(60000);
  const made: string[] = [];
  const make = (files: Record<string, string>) => {
    const root = tree(files);
    made.push(root);
    return root;
  };
  after(() => made.forEach((root) => rmSync(root, { recursive: true, force: true })));

  const cases: Array<{ name: string; base: Record<string, string>; head: Record<string, string>; lent: number }> = [
    {
      name: 'identical trees: every parsed file and second look is analyzed once',
      base: { 'src/client.ts': CLIENT('gpt-4o-mini'), 'src/summarize.ts': SUMMARIZE, 'src/classify.ts': CLASSIFY, 'src/ask.ts': ASK },
      head: { 'src/client.ts': CLIENT('gpt-4o-mini'), 'src/summarize.ts': SUMMARIZE, 'src/classify.ts': CLASSIFY, 'src/ask.ts': ASK },
      lent: 4,
    },
    {
      name: 'a module the analysis followed changed: the unchanged files that follow it are analyzed again',
      base: { 'src/client.ts': CLIENT('gpt-4o-mini'), 'src/summarize.ts': SUMMARIZE, 'src/classify.ts': CLASSIFY, 'src/ask.ts': ASK },
      head: { 'src/client.ts': CLIENT('gpt-4.1'), 'src/summarize.ts': SUMMARIZE, 'src/classify.ts': CLASSIFY, 'src/ask.ts': ASK },
      lent: 1,
    },
    {
      name: 'the workspace settings differ: nothing is shared',
      base: { 'src/classify.ts': CLASSIFY, '.env.example': 'OPENAI_MODEL=gpt-4o-mini\n' },
      head: { 'src/classify.ts': CLASSIFY, '.env.example': 'OPENAI_MODEL=gpt-4.1\n' },
      lent: 0,
    },
  ];

  for (const { name, base, head, lent } of cases) {
    it(name, async () => {
      const baseRoot = make(base);
      const headRoot = make(head);
      const alone = [await scanWorkspace(baseRoot), await scanWorkspace(headRoot)];
      const shared = new SharedAnalyses();
      const together = await Promise.all([scanWorkspace(headRoot, { sharedAnalyses: shared }), scanWorkspace(baseRoot, { sharedAnalyses: shared })]);
      assert.equal(comparable(together[1]), comparable(alone[0]), 'the base tree scans as it does alone');
      assert.equal(comparable(together[0]), comparable(alone[1]), 'the working tree scans as it does alone');
      assert.equal(shared.lent, lent);
    });
  }

  it('the changed module shows in each tree as its own', async () => {
    const baseRoot = make({ 'src/client.ts': CLIENT('gpt-4o-mini'), 'src/summarize.ts': SUMMARIZE });
    const headRoot = make({ 'src/client.ts': CLIENT('gpt-4.1'), 'src/summarize.ts': SUMMARIZE });
    const shared = new SharedAnalyses();
    const before = await scanWorkspace(baseRoot, { sharedAnalyses: shared });
    const after = await scanWorkspace(headRoot, { sharedAnalyses: shared });
    assert.equal(modelsOf(before)['src/summarize.ts:3'], 'gpt-4o-mini');
    assert.equal(modelsOf(after)['src/summarize.ts:3'], 'gpt-4.1');
  });

  it('a scan with a result store keeps what it was lent there, as what it analyzed: its next run reuses every file', async () => {
    const files = { 'src/client.ts': CLIENT('gpt-4o-mini'), 'src/summarize.ts': SUMMARIZE, 'src/classify.ts': CLASSIFY, 'src/ask.ts': ASK };
    const headRoot = make(files);
    const baseRoot = make(files);
    const store = make({});
    const shared = new SharedAnalyses();
    await scanWorkspace(headRoot, { sharedAnalyses: shared, resultCacheDirectory: store });
    const base = await scanWorkspace(baseRoot, { sharedAnalyses: shared, resultCacheDirectory: store });
    assert.equal(shared.lent, 4);
    assert.equal(base.summary.filesReusedFromCache, 0, 'the base is new to the store');
    // The base scanned alone (no tree to lend it anything) finds every file its shared run analyzed or was lent.
    const again = await scanWorkspace(baseRoot, { resultCacheDirectory: store });
    assert.equal(again.summary.filesReusedFromCache, Object.keys(files).length, 'every file comes from the store');
    assert.equal(JSON.stringify(again.callSites), JSON.stringify(base.callSites));
    const stored = new ResultStore({ directory: store, root: baseRoot });
    assert.ok(stored.hasPreviousResults);
  });
});
