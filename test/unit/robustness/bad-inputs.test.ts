import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/core/scan';

/** A good call that must survive next to every bad file. */
const GOOD_CALL = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function classify(text: string) {
  return openai.chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 3, messages: [{ role: 'system', content: 'Classify the sentiment as positive or negative.' }, { role: 'user', content: text }] });
}
`;

const OPENAI_HEADER = `import OpenAI from 'openai';\nconst openai = new OpenAI();\n`;

/**
 * The bad-input corpus, generated on disk (large files are made at test time, not committed).
 * Each entry: the scan completes, the good call is still found, and the bad file gets a diagnostic
 * when it is worth one.
 */
const CORPUS: Array<{ name: string; make: (root: string) => void; diagnostic?: RegExp; extraCalls?: number }> = [
  { name: 'syntax errors', make: (root) => writeFileSync(path.join(root, 'broken.ts'), `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-4o', messages: [ });\nfunction ( {`), diagnostic: /syntax error/, extraCalls: 1 },
  { name: 'a 20 MB minified bundle', make: (root) => writeFileSync(path.join(root, 'bundle.min.js'), `import OpenAI from "openai";` + 'var a=1;'.repeat(2_600_000)), diagnostic: /larger than|minified/ },
  { name: 'one 5 MB line under the size limit... with an SDK import', make: (root) => { mkdirSync(path.join(root, 'gen'), { recursive: true }); writeFileSync(path.join(root, 'gen', 'oneline.js'), `const o=require("openai");` + 'x=1;'.repeat(1_250_000)); }, diagnostic: /larger than|minified/ },
  { name: 'binary content with a .ts name', make: (root) => writeFileSync(path.join(root, 'image.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x0a, ...Buffer.from('openai.chat.completions.create(')])), diagnostic: /binary/ },
  { name: 'invalid UTF-8', make: (root) => writeFileSync(path.join(root, 'latin1.ts'), Buffer.concat([Buffer.from(`${OPENAI_HEADER}const s = "`), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(`";\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`)])), extraCalls: 1 },
  { name: 'expressions nested 10,000 levels deep', make: (root) => writeFileSync(path.join(root, 'deep.ts'), `${OPENAI_HEADER}const x = ${'(\n'.repeat(10_000)}1${')\n'.repeat(10_000)};\nopenai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`), diagnostic: /too deep/ },
  { name: 'a 50,000-element array literal prompt', make: (root) => writeFileSync(path.join(root, 'huge-array.ts'), `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-4o', messages: [${Array.from({ length: 50_000 }, (_, i) => `{ role: 'user', content: 'item ${i}' }`).join(',\n')}] });\n`), extraCalls: 1 },
  { name: 'a symlink loop', make: (root) => { mkdirSync(path.join(root, 'loop')); symlinkSync(path.join(root, 'loop'), path.join(root, 'loop', 'again')); symlinkSync(path.join(root, 'missing-target'), path.join(root, 'dangling.ts')); }, diagnostic: /symbolic link/ },
  { name: 'node_modules with SDK calls inside', make: (root) => { mkdirSync(path.join(root, 'node_modules', 'openai'), { recursive: true }); writeFileSync(path.join(root, 'node_modules', 'openai', 'index.ts'), `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`); } },
  { name: 'a tsconfig that extends a missing file', make: (root) => writeFileSync(path.join(root, 'tsconfig.json'), `{ "extends": "./does-not-exist.json", "compilerOptions": { "strict": true } }`) },
  { name: 'a malformed usage file', make: (root) => writeFileSync(path.join(root, 'llm-usage.yml'), `version: 1\nfunctions:\n  classify:\n    callsPerMonth: -5\n  : [unclosed\n`), diagnostic: /llm-usage\.yml/ },
];

describe('bad input', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'bad-input-'));
    writeFileSync(path.join(root, 'good.ts'), GOOD_CALL);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  for (const entry of CORPUS) {
    it(`survives ${entry.name}`, async function () {
      this.timeout(60_000);
      entry.make(root);
      const result = await scanWorkspace(root);
      const good = result.callSites.filter((site) => site.file === 'good.ts');
      assert.equal(good.length, 1, 'the good call is still found');
      assert.equal(result.callSites.length, 1 + (entry.extraCalls ?? 0), JSON.stringify(result.callSites.map((s) => `${s.file}:${s.line}`)));
      if (entry.diagnostic) assert.ok(result.diagnostics.some((d) => entry.diagnostic!.test(d.message) || entry.diagnostic!.test(d.file)), JSON.stringify(result.diagnostics));
    });
  }

  it('survives an unreadable file (when not running as a user who can read everything)', async () => {
    const file = path.join(root, 'secret.ts');
    writeFileSync(file, `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-4o', messages: [] });\n`);
    chmodSync(file, 0);
    const result = await scanWorkspace(root);
    assert.ok(result.callSites.some((site) => site.file === 'good.ts'));
    // root can read mode-000 files, so either the call is found or the file gets a diagnostic
    assert.ok(result.callSites.some((site) => site.file === 'secret.ts') || result.diagnostics.some((d) => d.file === 'secret.ts'));
  });

  it('reports a model that is not in the catalog instead of pricing it', async () => {
    writeFileSync(path.join(root, 'unknown.ts'), `${OPENAI_HEADER}openai.chat.completions.create({ model: 'gpt-9-ultra-imaginary', messages: [] });\n`);
    const result = await scanWorkspace(root);
    const site = result.callSites.find((s) => s.file === 'unknown.ts')!;
    assert.equal(site.monthlyUsdCurrent, null);
    assert.ok(result.diagnostics.some((d) => d.file === 'unknown.ts' && /gpt-9-ultra-imaginary/.test(d.message)), JSON.stringify(result.diagnostics));
  });
});
