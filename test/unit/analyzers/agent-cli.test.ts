import { agentCliAnalyzer } from '../../../src/analyzers/agent-cli';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('agent-cli analyzer', agentCliAnalyzer, {
  valid: [
    { name: "a version check and Claude Code's own settings start no model", code: `import { execa } from 'execa';\nimport { spawnSync } from 'node:child_process';\nexport const check = () => execa('claude', ['--version']);\nexport const add = () => spawnSync('claude', ['mcp', 'add', 'docs', 'npx', 'docs-mcp']);` },
    { name: 'the interactive program (no print flag, no prompt on standard input) is a terminal session, not a request the app makes', code: `import { spawn } from 'node:child_process';\nexport const open = () => spawn('claude', ['--model', 'sonnet'], { stdio: 'inherit' });` },
    { name: "another program, and the app's own spawn", code: `import { spawn } from 'node:child_process';\nfunction execa(program: string, args: string[]) { return [program, args]; }\nexport const ls = () => spawn('ls', ['-la']);\nexport const own = () => execa('claude', ['-p', 'hi']);` },
  ],
  invalid: [
    {
      name: "Claude Code in print mode with its arguments written out (model, system prompt, no tools), and the Gemini CLI and Codex's exec",
      code: `import { spawn, execFile } from 'node:child_process';
export function ask(prompt: string, system: string) {
  const args = ['-p', '--output-format', 'json', '--model', 'haiku', '--tools', '', '--system-prompt', system];
  const child = spawn('claude', args, { env: process.env });
  child.stdin.end(prompt);
  const gemini = spawn('gemini', ['-p', \`Summarize this diff: \${prompt}\`]);
  const codex = execFile('codex', ['exec', '--model', 'gpt-5.1-codex', 'Fix the failing test']);
  return [child, gemini, codex];
}`,
      calls: [
        { line: 4, method: 'spawn claude', provider: 'anthropic', endpoint: 'chat', model: 'haiku', features: { tools: false, multiStep: false, streaming: false } },
        { line: 6, method: 'spawn gemini', provider: 'google', model: null, features: { tools: true, multiStep: true }, promptIncludes: ['Summarize this diff'] },
        { line: 7, method: 'execFile codex', provider: 'openai', model: 'gpt-5.1-codex' },
      ],
    },
    {
      name: 'arguments built by a helper, the prompt on standard input (execa)',
      code: `import { execa } from 'execa';
import { buildClaudeArgs } from './args';
export async function commitMessage(diff: string, model: string) {
  const { stdout } = await execa('claude', buildClaudeArgs(model), { input: \`Write a commit message for:\\n\${diff}\`, timeout: 60_000 });
  return stdout;
}`,
      calls: [{ line: 4, method: 'execa claude', provider: 'anthropic', model: null, promptIncludes: ['Write a commit message for'] }],
    },
  ],
});
