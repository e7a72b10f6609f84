import { agentKitAnalyzer } from '../../../src/analyzers/agentkit';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('agentkit analyzer', agentKitAnalyzer, {
  valid: [
    {
      name: "making an agent and a network sends nothing; a step's run() is Inngest's, no request",
      code: `import { createAgent, createNetwork, openai } from '@inngest/agent-kit';
export const writer = createAgent({ name: 'Writer', system: 'Write briefly.', model: openai({ model: 'gpt-4o-mini' }) });
export const network = createNetwork({ name: 'team', agents: [writer] });
export const handler = async ({ step }: any) => step.run('fetch', async () => 1);`,
    },
  ],
  invalid: [
    {
      name: "a network run: the first agent's model and system prompt, tools and several turns",
      code: `import { anthropic, createAgent, createNetwork, createTool } from '@inngest/agent-kit';
import { z } from 'zod';
const runCommand = createTool({ name: 'terminal', description: 'Run a command', parameters: z.object({ command: z.string() }), handler: async ({ command }) => command });
export async function solve(task: string) {
  const modelName = process.env.ANTHROPIC_MODEL || 'claude-haiku-4-5';
  const agent = createAgent({
    name: 'Coding Agent',
    system: 'You are a coding agent. Return a summary when done.',
    model: anthropic({ model: modelName, defaultParameters: { max_tokens: 4096 } }),
    tools: [runCommand],
  });
  const network = createNetwork({ name: 'coding', agents: [agent], maxIter: 20 });
  return network.run(task);
}`,
      calls: [{ line: 13, method: 'network.run', sdk: 'agentkit', provider: 'anthropic', endpoint: 'chat', model: 'claude-haiku-4-5', maxOutputTokens: 4096, features: { tools: true, multiStep: true }, promptIncludes: ['You are a coding agent'] }],
    },
    {
      name: "an agent's own run with Gemini",
      code: `import { createAgent, gemini } from '@inngest/agent-kit';
const summarizer = createAgent({ name: 'Summarizer', system: 'Summarize in three bullet points.', model: gemini({ model: 'gemini-2.5-flash' }) });
export const summarize = (text: string) => summarizer.run(text);`,
      calls: [{ line: 3, method: 'agent.run', provider: 'google', model: 'gemini-2.5-flash', features: { tools: false } }],
    },
  ],
});
