import { mastraAnalyzer } from '../../../src/analyzers/mastra';
import { runAnalyzerTests } from './tester';

const WEATHER_AGENT = `import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
import { weatherTool } from './tools';
export const weatherAgent = new Agent({
  name: 'Weather Agent',
  instructions: 'You are a helpful weather assistant. Always ask for a location if none is given.',
  model: openai('gpt-4o-mini'),
  tools: { weatherTool },
});
`;

runAnalyzerTests('mastra analyzer', mastraAnalyzer, {
  valid: [
    { name: 'an Agent class of another package', code: `import { Agent } from 'undici';\nconst agent = new Agent({ connect: { timeout: 10 } });\nexport const run = () => agent.stream('x');` },
    { name: 'generate on something that is no Mastra agent', code: `import { Agent } from '@mastra/core/agent';\nconst report = { generate: (x: string) => x };\nexport const text = report.generate('a summary');\nexport type A = Agent;` },
  ],
  invalid: [
    {
      name: "agents a class's static members make (blinko's AiModelFactory): a static field holding what a private factory returns, and a static method; each run is the agent's request",
      files: {
        'src/factory.ts': `import { Agent, Mastra } from '@mastra/core';
import { openai } from '@ai-sdk/openai';
export class AiModelFactory {
  static #createAgentFactory(name: string, instructions: string) {
    return async (type?: string) => {
      const agent = new Agent({ name: \`\${name} \${type ?? ''}\`, instructions, model: openai('gpt-4o-mini') });
      return new Mastra({ agents: { agent } }).getAgent('agent');
    };
  }
  static TagAgent = AiModelFactory.#createAgentFactory('Tagger', 'Suggest tags for the note.');
  static async ChatAgent() {
    return new Agent({ name: 'Chat', instructions: 'Answer about the notes.', model: openai('gpt-4o') });
  }
}
`,
      },
      code: `import { AiModelFactory } from './factory';
export async function tags(content: string) {
  const agent = await AiModelFactory.TagAgent();
  return agent.generate(\`Note: \${content}\`);
}
export async function chat(question: string) {
  const agent = await AiModelFactory.ChatAgent();
  return agent.stream(question);
}`,
      calls: [
        { line: 4, method: 'generate', provider: 'openai', model: 'gpt-4o-mini', promptIncludes: ['Note:'] },
        { line: 8, method: 'stream', provider: 'openai', model: 'gpt-4o' },
      ],
    },
    {
      name: 'an agent run with generate and stream: each run is a chat request with the agent model, instructions and tools',
      files: { 'src/tools.ts': 'export const weatherTool = {};\n', 'src/agent.ts': WEATHER_AGENT },
      code: `import { weatherAgent } from './agent';
export async function forecast(city: string) {
  const reply = await weatherAgent.generate(\`What is the weather in \${city}?\`);
  const live = await weatherAgent.stream([{ role: 'user', content: city }]);
  return { reply, live };
}`,
      calls: [
        { line: 3, method: 'generate', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', toolNames: ['weatherTool'], features: { tools: true, multiStep: true, streaming: false }, promptIncludes: ['helpful weather assistant', 'What is the weather in'] },
        { line: 4, method: 'stream', provider: 'openai', model: 'gpt-4o-mini', features: { streaming: true } },
      ],
    },
    {
      name: "an agent made in the file and run by a framework it is handed to: reported where it is made, the model router's 'provider/model' string read",
      code: `import { Agent } from '@mastra/core/agent';
export function supportAgent() {
  return new Agent({
    name: 'support',
    instructions: ({ requestContext }) => \`You answer questions about our product. Today is \${new Date().toISOString()}.\`,
    model: 'anthropic/claude-sonnet-4-5',
  });
}`,
      calls: [{ line: 3, method: 'new Agent', provider: 'anthropic', model: 'claude-sonnet-4-5', promptIncludes: ['You answer questions about our product'], evidenceIncludes: ['made here and run by whatever it is handed to'] }],
    },
    {
      name: "an agent wrapped in AG-UI's MastraAgent adapter by an async factory, run through the factory's result in a .then callback: the adapter's run is the request, streamed, and the agent is not reported where it is made",
      code: `import { MastraAgent } from '@ag-ui/mastra';
import { Agent } from '@mastra/core/agent';
import { openai } from '@ai-sdk/openai';
async function buildSession(options: { tools: Record<string, unknown> }) {
  const agent = new Agent({ name: 'helper', instructions: 'You help users query their traces.', model: openai('gpt-4.1'), tools: options.tools });
  try {
    const adapter = new MastraAgent({ agent, resourceId: 'thread' });
    return { adapter, close: () => undefined };
  } catch (error) {
    throw error;
  }
}
export function streamRun(input: { messages: unknown[] }, tools: Record<string, unknown>) {
  return buildSession({ tools }).then((initial) => {
    let session = initial;
    return session.adapter.run(input).subscribe({ next: () => undefined });
  });
}`,
      calls: [{ line: 16, method: 'MastraAgent.run', provider: 'openai', model: 'gpt-4.1', promptIncludes: ['You help users query their traces'], evidenceIncludes: ["AG-UI's adapter runs the agent"], features: { streaming: true } }],
    },
    {
      name: "mastra.getAgent('name') runs the agent new Mastra({ agents }) registers under that name",
      files: { 'src/tools.ts': 'export const weatherTool = {};\n', 'src/agent.ts': WEATHER_AGENT, 'src/mastra.ts': `import { Mastra } from '@mastra/core';\nimport { weatherAgent } from './agent';\nexport const mastra = new Mastra({ agents: { weatherAgent } });\n` },
      code: `import { mastra } from './mastra';
export const ask = (question: string) => mastra.getAgent('weatherAgent').generate(question, { maxSteps: 3 });`,
      calls: [{ line: 2, method: 'generate', provider: 'openai', model: 'gpt-4o-mini', evidenceIncludes: ["mastra.getAgent('weatherAgent')"] }],
    },
  ],
});
