import { claudeAgentSdkAnalyzer } from '../../../src/analyzers/claude-agent-sdk';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('claude-agent-sdk analyzer', claudeAgentSdkAnalyzer, {
  valid: [
    { name: "a send() on something else", code: `import { query } from '@anthropic-ai/claude-agent-sdk';\nexport const q = query;\nexport const notify = (socket: WebSocket) => socket.send('hello');` },
    { name: 'a query function of another package or of the app', code: `import { query } from './db';\nexport const rows = query({ prompt: 'select 1', options: { model: 'claude-sonnet-4-5' } });` },
    { name: 'a probe whose prompt stream never yields, started only to read the models Claude Code offers', code: `import { query } from '@anthropic-ai/claude-agent-sdk';\nexport async function probe() {\n  const noopPrompt = (async function* () {\n    await new Promise<void>(() => {});\n  })();\n  const q = query({ prompt: noopPrompt, options: {} });\n  const init = await q.initializationResult();\n  await q.interrupt();\n  return init.models;\n}` },
    { name: "the SDK's other exports (a tool server) send no prompt", code: `import { createSdkMcpServer, tool } from '@anthropic-ai/claude-agent-sdk';\nexport const server = createSdkMcpServer({ name: 'browser', tools: [] });\nexport const t = tool;` },
  ],
  invalid: [
    {
      name: "the V2 interface: a session's turns (send) and a one-shot prompt, each an agent loop; making the session is none",
      code: `import { unstable_v2_createSession, unstable_v2_prompt, unstable_v2_resumeSession } from '@anthropic-ai/claude-agent-sdk';
export async function chat(sessionId: string) {
  const session = unstable_v2_createSession({ model: 'sonnet' });
  await session.send('What is 5 + 3? Just the number.');
  const resumed = unstable_v2_resumeSession(sessionId, { model: 'claude-haiku-4-5' });
  await resumed.send('What was my favorite color?');
  return unstable_v2_prompt('What is the capital of France? One word.', { model: 'opus' });
}`,
      calls: [
        { line: 4, method: 'session.send', provider: 'anthropic', model: 'sonnet', features: { streaming: true, tools: true, multiStep: true }, promptIncludes: ['Just the number'] },
        { line: 6, method: 'session.send', model: 'claude-haiku-4-5' },
        { line: 7, method: 'unstable_v2_prompt', model: 'opus', features: { streaming: false } },
      ],
    },
    {
      name: 'an agent run with its model, step cap, system prompt and MCP servers',
      code: `import { query } from '@anthropic-ai/claude-agent-sdk';\nexport function run(instruction: string) {\n  return query({\n    prompt: instruction,\n    options: { model: process.env.CLAUDE_MODEL ?? 'claude-sonnet-4-5', maxTurns: 20, systemPrompt: 'Drive the browser to do what the user asks.', mcpServers: { stagehand: { command: 'node', args: ['server.js'] } } },\n  });\n}`,
      calls: [{ line: 3, method: 'query', provider: 'anthropic', endpoint: 'chat', model: 'claude-sonnet-4-5', features: { tools: true, multiStep: true, streaming: true }, toolNames: ['mcp:stagehand'], promptIncludes: ['Drive the browser', '{{instruction}}'] }],
    },
    {
      name: "the earlier package's namespace import, a prompt streamed in by a generator and no model (Claude Code's default)",
      code: `import * as claude from '@anthropic-ai/claude-code';\nasync function* turns(text: string) { yield { type: 'user' as const, message: { role: 'user' as const, content: text } }; }\nexport const session = (text: string) => claude.query({ prompt: turns(text), options: {} });`,
      calls: [{ line: 3, method: 'query', provider: 'anthropic', model: null }],
    },
  ],
});
