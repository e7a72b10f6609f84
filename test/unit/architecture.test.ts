import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('architecture', () => {
  it('core, analyzers and the CLI never import vscode', () => {
    const offenders = ['src/core', 'src/analyzers', 'src/cli']
      .flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .filter((file) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((file) => path.relative(ROOT, file)), []);
  });

  it('the lint rule rejects a vscode import in core', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(`import * as vscode from 'vscode';\nexport const x = vscode;\n`, { filePath: path.join(ROOT, 'src/core/forbidden.ts') });
    assert.ok(result.messages.some((message) => message.ruleId === 'no-restricted-imports'), JSON.stringify(result.messages));
  });

  it('the lint rule allows vscode in src/extension', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const [result] = await eslint.lintText(`import * as vscode from 'vscode';\nexport const x = vscode;\n`, { filePath: path.join(ROOT, 'src/extension/allowed.ts') });
    assert.deepEqual(result.messages.filter((message) => message.ruleId === 'no-restricted-imports'), []);
  });
});
