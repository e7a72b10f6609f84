import { googleAdkAnalyzer } from '../../../src/analyzers/google-adk';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('google-adk analyzer', googleAdkAnalyzer, {
  valid: [
    {
      name: 'making an agent, a runner and a session sends nothing; runAsync of another object is none',
      code: `import { InMemoryRunner, LlmAgent } from '@google/adk';
const agent = new LlmAgent({ name: 'assistant', model: 'gemini-2.5-flash', instruction: 'Be brief.' });
export const runner = new InMemoryRunner({ agent, appName: 'demo' });
export const session = runner.sessionService.createSession({ appName: 'demo', userId: 'u' });
export const other = (jobs: any) => jobs.runAsync({ newMessage: 'x' });`,
    },
  ],
  invalid: [
    {
      name: "runAsync of an in-memory runner: the agent's Gemini model and instruction, its tools asked again with each result",
      code: `import { FunctionTool, InMemoryRunner, LlmAgent } from '@google/adk';
import { z } from 'zod';
const weatherTool = new FunctionTool({ name: 'get_weather', description: 'Weather for a city', parameters: z.object({ city: z.string() }), execute: async ({ city }) => ({ city }) });
const agent = new LlmAgent({ name: 'assistant', model: 'gemini-2.5-flash', instruction: 'You can check the weather for any city.', tools: [weatherTool] });
const runner = new InMemoryRunner({ agent, appName: 'adk-example' });
export async function* ask(sessionId: string, text: string) {
  yield* runner.runAsync({ userId: 'user_1', sessionId, newMessage: { role: 'user', parts: [{ text }] } });
}`,
      calls: [{ line: 7, method: 'runAsync', sdk: 'google-adk', provider: 'google', endpoint: 'chat', model: 'gemini-2.5-flash', features: { streaming: true, tools: true, multiStep: true }, toolNames: ['get_weather'], promptIncludes: ['check the weather for any city'] }],
    },
  ],
});
