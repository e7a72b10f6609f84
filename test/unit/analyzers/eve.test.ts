import { eveAnalyzer } from '../../../src/analyzers/eve';
import { runAnalyzerTests } from './tester';

/** The app's agent where eve looks for it, with one tool in agent/tools/. */
const AGENT = `import { defineAgent } from 'eve';
export default defineAgent({ model: 'anthropic/claude-sonnet-4.6' });
`;
const TOOL = `import { defineTool } from 'eve/tools';
export default defineTool({ description: 'Save a memory', execute: async () => ({ saved: true }) });
`;

runAnalyzerTests('eve analyzer', eveAnalyzer, {
  valid: [
    { name: "another package's defineAgent, and a socket's send in a file that imports nothing from eve, start no turn", code: `import { defineAgent } from './agents';\nexport default defineAgent({ model: 'anthropic/claude-sonnet-4.6' });\nexport function ping(socket: WebSocket) {\n  socket.send(JSON.stringify({ message: 'ping' }));\n}` },
    { name: "the hook's agent stopped or reset, and a send of something else than a message, start no turn", code: `import { useEveAgent } from 'eve/react';\nexport function useChat(socket: WebSocket) {\n  const agent = useEveAgent({});\n  agent.stop();\n  agent.reset();\n  socket.send('typing');\n}`, files: { 'agent/agent.ts': AGENT } },
  ],
  invalid: [
    {
      name: "the hook's agent sends a message and answers a question: turns of the agent in agent/agent.ts, through the AI Gateway, with the tools in agent/tools/",
      code: `import { useEveAgent } from 'eve/react';
export function useChat() {
  const agent = useEveAgent({});
  return {
    submit: (text: string) => agent.send(text),
    approve: (requestId: string) => agent.respond([{ requestId, optionId: 'yes' }]),
  };
}`,
      file: 'app/useChat.ts',
      files: { 'agent/agent.ts': AGENT, 'agent/tools/save_memory.ts': TOOL },
      calls: [
        { line: 5, method: 'agent.send', sdk: 'eve', provider: 'vercel-gateway', endpoint: 'chat', model: 'anthropic/claude-sonnet-4.6', toolNames: ['save_memory'], features: { streaming: true, tools: true, multiStep: true }, evidenceIncludes: ['useEveAgent() from \'eve/react\'', "eve's default route, the Vercel AI Gateway, sends it to anthropic"] },
        { line: 6, method: 'agent.respond', model: 'anthropic/claude-sonnet-4.6' },
      ],
    },
    {
      name: "a channel's injected send with a message or with answers, however the agent is held (a Vue computed's value, a kept send): the agent is found above the channel's folder",
      code: `import type { SendFn } from 'eve/channels';
import type { UseEveAgentReturn } from 'eve/vue';
export async function dispatch(text: string, send: SendFn, kept: { send: SendFn }, agent: { value: UseEveAgentReturn }) {
  await send({ message: text, context: ['SMS'] });
  await kept.send({ inputResponses: [{ requestId: 'r1', optionId: 'no' }] });
  await agent.value.send({ message: text });
}`,
      file: 'agent/channels/sms.ts',
      files: { 'agent/agent.ts': AGENT },
      calls: [
        { line: 4, method: 'send', model: 'anthropic/claude-sonnet-4.6', features: { tools: false }, evidenceIncludes: ['send({ message }): a message sent to the eve agent'] },
        { line: 5, method: 'agent.send', model: 'anthropic/claude-sonnet-4.6', evidenceIncludes: ["send({ inputResponses }): answers to the agent's questions"] },
        { line: 6, method: 'agent.send', model: 'anthropic/claude-sonnet-4.6' },
      ],
    },
    {
      name: "the agent's definition is a site of its own, read with its AI SDK model (the scan drops it when a turn of it is found)",
      code: `import { anthropic } from '@ai-sdk/anthropic';
import { defineAgent } from 'eve';
export default defineAgent({
  model: anthropic('claude-opus-5'),
  reasoning: 'medium',
});`,
      file: 'agent/agent.ts',
      files: { 'agent/tools/run_analysis.ts': TOOL, 'agent/tools/run_analysis.test.ts': TOOL },
      calls: [{ line: 3, method: 'defineAgent', provider: 'anthropic', model: 'claude-opus-5', toolNames: ['run_analysis'], evidenceIncludes: ["run by eve's runtime for each message a channel sends it"] }],
    },
    {
      name: 'a turn with no agent/agent.ts above it: the model is unknown, said so',
      code: `import { useEveAgent } from 'eve/react';
export function useChat() {
  const agent = useEveAgent({});
  return (text: string) => agent.send(text);
}`,
      calls: [{ line: 4, method: 'agent.send', provider: 'unknown', model: null, evidenceIncludes: ['no agent/agent.ts with defineAgent() found above this file'] }],
    },
  ],
});
