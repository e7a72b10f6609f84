import { openaiAgentsAnalyzer } from '../../../src/analyzers/openai-agents';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('openai-agents analyzer', openaiAgentsAnalyzer, {
  valid: [
    {
      name: 'making an agent and a runner sends nothing; a run() of another package is none',
      code: `import { Agent, Runner } from '@openai/agents';
import { run } from './jobs';
export const agent = new Agent({ name: 'Helper', instructions: 'Be brief.', model: 'gpt-4.1-mini' });
export const runner = new Runner({ workflowName: 'help' });
run(agent, 'nightly');`,
    },
  ],
  invalid: [
    {
      name: 'run(agent, input, { stream }) with tools: the agent model, instructions as the system prompt, several requests per run',
      code: `import { Agent, run, tool } from '@openai/agents';
import { z } from 'zod';
const getWeather = tool({ name: 'get_weather', description: 'Weather for a city', parameters: z.object({ city: z.string() }), execute: async ({ city }) => city });
const agent = new Agent({
  name: 'Weather assistant',
  instructions: 'You answer questions about the weather. Be concise.',
  model: 'gpt-4.1-mini',
  tools: [getWeather],
});
export async function main(question: string) {
  const result = await run(agent, question, { stream: true });
  return result.finalOutput;
}`,
      calls: [{ line: 11, method: 'run', sdk: 'openai-agents', provider: 'openai', endpoint: 'chat', model: 'gpt-4.1-mini', features: { streaming: true, tools: true, multiStep: true }, toolNames: ['get_weather'], promptIncludes: ['answer questions about the weather'] }],
    },
    {
      name: "run() of an agent looked up at run time (a workflow's agents by name): still a run, its model and tools unknown and said so",
      code: `import { Agent, run } from '@openai/agents';
export async function turn(agents: Record<string, Agent>, name: string, input: string) {
  const agent: Agent = agents[name]!;
  return run(agent, input, { stream: true });
}`,
      calls: [{ line: 4, method: 'run', sdk: 'openai-agents', provider: 'openai', endpoint: 'chat', model: null, features: { streaming: true }, evidenceIncludes: ['is not traced to where it is made'] }],
    },
    {
      name: "a Runner's run of an agent with an AI SDK model and a structured output type: the AI SDK provider serves it",
      code: `import { Agent, Runner } from '@openai/agents';
import { aisdk } from '@openai/agents-extensions';
import { anthropic } from '@ai-sdk/anthropic';
import { z } from 'zod';
const triage = new Agent({ name: 'Triage', instructions: 'Classify the ticket.', model: aisdk(anthropic('claude-haiku-4-5')), outputType: z.object({ label: z.string() }) });
const runner = new Runner();
export const classify = (ticket: string) => runner.run(triage, ticket);`,
      calls: [{ line: 7, method: 'run', provider: 'anthropic', model: 'claude-haiku-4-5', features: { structuredOutput: true, tools: false } }],
    },
  ],
});
