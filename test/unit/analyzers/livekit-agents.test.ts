import { livekitAgentsAnalyzer } from '../../../src/analyzers/livekit-agents';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('livekit-agents analyzer', livekitAgentsAnalyzer, {
  valid: [
    { name: "a test's startSession(agent, options?) handing the session `options?.llm`, every caller in the file handing none, the FakeLLM or a double extending it", code: `import { voice } from '@livekit/agents';\nfunction createFakeLLM(): voice.testing.FakeLLM {\n  return new voice.testing.FakeLLM([]);\n}\nclass RecordingLLM extends voice.testing.FakeLLM {}\nasync function startSession(agent: voice.Agent, options?: { llm?: voice.testing.FakeLLM }) {\n  const session = new voice.AgentSession({ llm: options?.llm });\n  await session.start({ agent });\n  return session;\n}\nexport async function cases(agent: voice.Agent) {\n  await startSession(agent);\n  await startSession(agent, { llm: createFakeLLM() });\n  const recording = new RecordingLLM([]);\n  await startSession(agent, { llm: recording });\n}` },
    { name: "a session with no LLM (its tasks finish on their own) and one on the framework's FakeLLM; another package's start()", code: `import { voice } from '@livekit/agents';\nimport { server } from './server';\nexport async function run(agent: voice.Agent) {\n  await new voice.AgentSession({}).start({ agent });\n  const fake = new voice.testing.FakeLLM([]);\n  const session = new voice.AgentSession({ llm: fake });\n  await session.start({ agent });\n  await server.start({ port: 8080 });\n}` },
  ],
  invalid: [
    {
      name: "a test's startSession(agent, options?) whose callers hand the FakeLLM once and a plugin's LLM once: the session is kept",
      code: `import { voice } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
async function startSession(agent: voice.Agent, options?: { llm?: openai.LLM | voice.testing.FakeLLM }) {
  const session = new voice.AgentSession({ llm: options?.llm });
  await session.start({ agent });
}
export async function cases(agent: voice.Agent) {
  await startSession(agent, { llm: new voice.testing.FakeLLM([]) });
  await startSession(agent, { llm: new openai.LLM({ model: 'gpt-4o-mini' }) });
}`,
      calls: [{ line: 5, method: 'AgentSession.start' }],
    },
    {
      name: "a session on a LiveKit Inference model string, the agent's instructions and tools; a plugin's realtime model; a subclass agent's instructions from super()",
      code: `import { AgentSession, voice, llm } from '@livekit/agents';
import * as google from '@livekit/agents-plugin-google';
class Kiosk extends voice.Agent {
  constructor() { super({ instructions: 'Take drive-thru orders.', tools: { addItem: llm.tool({ description: 'add', execute: async () => 'ok' }) } }); }
}
export async function entry(room: unknown) {
  const session = new AgentSession({ stt: 'deepgram/nova-3', llm: 'openai/gpt-4.1-mini', tts: 'cartesia/sonic-3' });
  await session.start({ agent: new Kiosk(), room });
  const live = new voice.AgentSession({ llm: new google.realtime.RealtimeModel({ model: 'gemini-2.5-flash-native-audio' }) });
  await live.start({ agent: new voice.Agent({ instructions: 'Be brief.' }), room });
}`,
      calls: [
        { line: 8, method: 'AgentSession.start', sdk: 'livekit-agents', provider: 'livekit', endpoint: 'chat', model: 'openai/gpt-4.1-mini', features: { streaming: true, tools: true, multiStep: true }, promptIncludes: ['Take drive-thru orders.'] },
        { line: 10, method: 'AgentSession.start', provider: 'google', model: 'gemini-2.5-flash-native-audio', features: { streaming: true } },
      ],
    },
    {
      name: "an agent given an empty tools list sends no tools: one request per turn, no tool loop",
      code: `import { AgentSession, voice } from '@livekit/agents';
export async function entry(room: unknown) {
  const session = new AgentSession({ llm: 'openai/gpt-4.1-mini' });
  await session.start({ agent: new voice.Agent({ instructions: 'Greet the caller.', tools: [] }), room });
}`,
      calls: [{ line: 4, method: 'AgentSession.start', model: 'openai/gpt-4.1-mini', features: { streaming: true, tools: false }, toolNames: [] }],
    },
    {
      name: "an LLM asked directly (chat with a chat context) and a test's judge() of a reply",
      code: `import { inference } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
const thinking = new inference.LLM({ model: 'openai/gpt-5.4' });
export async function plan(chatCtx: unknown) {
  return thinking.chat({ chatCtx } as never);
}
export async function check(reply: { judge(llm: unknown, options: { intent: string }): Promise<void> }) {
  const judge = new openai.LLM({ model: 'gpt-4.1' });
  await reply.judge(judge, { intent: 'Greets the customer and asks for their order.' });
}`,
      calls: [
        { line: 5, method: 'LLM.chat', provider: 'livekit', model: 'openai/gpt-5.4', features: { streaming: true } },
        { line: 9, method: 'judge', provider: 'openai', model: 'gpt-4.1', promptIncludes: ['Greets the customer'] },
      ],
    },
  ],
});
