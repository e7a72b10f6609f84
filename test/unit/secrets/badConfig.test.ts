/**
 * Bad config files give a diagnostic, never a crash: the usage file (and the project files the
 * scan reads: package.json, tsconfig.json) invalid, huge, binary, or a symlink out of the workspace.
 * Every case still finds the calls, and no secret of the file behind the symlink is printed.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { runCli } from '../cli/run';
import { assertNoSecret, SECRETS } from './workspace';

const SOURCE = "import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function summarize(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });\n}\n";

describe('bad config files: a diagnostic, never a crash', function () {
  this.timeout(120000);
  let parent: string;
  let root: string;
  let outside: string;
  before(() => {
    parent = mkdtempSync(path.join(os.tmpdir(), 'llmha-badconfig-'));
    outside = path.join(parent, 'outside-secrets.yml');
    writeFileSync(outside, `version: 1\n# ${SECRETS.openai}\ndefaults:\n  callsPerMonth: ${SECRETS.dbPassword}\n`);
  });
  after(() => rmSync(parent, { recursive: true, force: true }));

  const cases: Array<{ name: string; files: Record<string, string | Buffer | { symlink: string }>; usageDiagnostic: boolean }> = [
    { name: 'llm-usage.yml that is not YAML', files: { 'llm-usage.yml': 'version: 1\ndefaults: [unclosed\n  callsPerMonth: : :\n\t- {' }, usageDiagnostic: true },
    { name: 'llm-usage.yml that is YAML but not a mapping', files: { 'llm-usage.yml': '- 1\n- 2\n' }, usageDiagnostic: true },
    { name: 'llm-usage.yml that is binary', files: { 'llm-usage.yml': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)) }, usageDiagnostic: true },
    { name: 'llm-usage.yml of 30 MB', files: { 'llm-usage.yml': `version: 1\nfunctions:\n${Array.from({ length: 600000 }, (_, i) => `  f${i}:\n    callsPerMonth: ${i}\n`).join('')}` }, usageDiagnostic: true },
    { name: 'llm-usage.yml symlinked outside the workspace', files: { 'llm-usage.yml': { symlink: 'OUTSIDE' } }, usageDiagnostic: true },
    { name: 'package.json and tsconfig.json that are not JSON', files: { 'package.json': '{ "name": "x", ', 'tsconfig.json': '{ "compilerOptions": { "strict": tru } ' }, usageDiagnostic: false },
    { name: 'tsconfig.json that is binary', files: { 'tsconfig.json': Buffer.from([0, 159, 146, 150, 255, 0, 1, 2]) }, usageDiagnostic: false },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      root = path.join(parent, c.name.replace(/\W+/g, '-'));
      rmSync(root, { recursive: true, force: true });
      mkdirSync(path.join(root, 'src'), { recursive: true });
      writeFileSync(path.join(root, 'src', 'a.ts'), SOURCE);
      for (const [name, content] of Object.entries(c.files)) {
        const file = path.join(root, name);
        if (typeof content === 'object' && 'symlink' in content) symlinkSync(outside, file);
        else writeFileSync(file, content);
      }
      const result = await scanWorkspace(root, {});
      assert.equal(result.callSites.length, 1, 'the call is still found and priced');
      assert.ok((result.callSites[0].monthlyUsdCurrent ?? 0) > 0);
      const usageDiagnostics = result.diagnostics.filter((d) => d.file.endsWith('llm-usage.yml'));
      if (c.usageDiagnostic) assert.ok(usageDiagnostics.length > 0, `a diagnostic names llm-usage.yml: ${JSON.stringify(result.diagnostics)}`);
      for (const format of ['table', 'json', 'markdown']) {
        const r = await runCli(['scan', root, '--format', format]);
        assert.equal(r.code, 0, `scan --format ${format} exited ${r.code}: ${r.stderr}`);
        assertNoSecret(r.stdout + r.stderr, `scan --format ${format}`);
      }
    });
  }
});
