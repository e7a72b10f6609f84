/**
 * No secret from the workspace in any output: the CLI's table, JSON, Markdown, --out and --plan
 * files, and diff (Markdown and JSON), on a workspace with credentials in .env files, config JSON and
 * YAML, a GCP service-account file, the usage file and source strings (./workspace.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../cli/run';
import { assertNoSecret, writeSecretWorkspace } from './workspace';

describe('secrets: no credential from the workspace appears in any output', function () {
  this.timeout(60000);
  let root: string;
  let out: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'llmha-secrets-'));
    out = mkdtempSync(path.join(os.tmpdir(), 'llmha-secrets-out-'));
    writeSecretWorkspace(root);
  });
  after(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  for (const format of ['table', 'json', 'markdown']) {
    it(`scan --format ${format} (stdout and stderr)`, async () => {
      const r = await runCli(['scan', root, '--format', format]);
      assertNoSecret(r.stdout, `scan --format ${format} stdout`);
      assertNoSecret(r.stderr, `scan --format ${format} stderr`);
      if (format === 'json') {
        const result = JSON.parse(r.stdout) as { callSites: Array<{ file: string; promptPreview?: string }> };
        if (result.callSites.length < 3) throw new Error(`the fixture's three calls were not all found: ${result.callSites.length}`);
        // The preview is still shown, with the credentials replaced.
        const preview = result.callSites.find((c) => c.file === 'src/prompted.ts')?.promptPreview ?? '';
        if (!preview.startsWith('Query postgres://app:[redacted credential]@db.internal')) throw new Error(`prompt preview: ${preview}`);
      }
    });
  }

  it('scan --out and --plan files', async () => {
    const r = await runCli(['scan', root, '--format', 'json', '--out', path.join(out, 'scan.json'), '--plan', path.join(out, 'plan.md')]);
    assertNoSecret(r.stdout + r.stderr, 'scan --out --plan console');
    assertNoSecret(readFileSync(path.join(out, 'scan.json'), 'utf8'), '--out file');
    assertNoSecret(readFileSync(path.join(out, 'plan.md'), 'utf8'), '--plan file');
  });

  it('diff --base HEAD, Markdown and JSON', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    const file = path.join(root, 'src', 'llm.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace("model: 'gpt-4o-mini'", "model: 'gpt-4o'"));
    for (const format of ['markdown', 'json']) {
      const r = await runCli(['diff', root, '--base', 'HEAD', '--format', format]);
      if (r.code !== 0) throw new Error(`diff exited ${r.code}: ${r.stderr}`);
      assertNoSecret(r.stdout + r.stderr, `diff --format ${format}`);
    }
  });
});
