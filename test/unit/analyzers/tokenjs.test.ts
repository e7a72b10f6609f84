import { tokenJsAnalyzer } from '../../../src/analyzers/tokenjs';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('token.js analyzer', tokenJsAnalyzer, {
  valid: [
    { name: "OpenAI's own client is the openai analyzer's", code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const reply = client.chat.completions.create({ model: 'gpt-4o', messages: [] });` },
    { name: 'a client of another package with the same method shape', code: `import { Client } from './client';\nconst client = new Client();\nexport const reply = client.chat.completions.create({ provider: 'openai', model: 'gpt-4o', messages: [] });` },
  ],
  invalid: [
    {
      name: 'the provider the request names serves it, under our name for it (gemini is Google)',
      code: `import { TokenJS } from 'token.js';
const tokenjs = new TokenJS();
export const reply = tokenjs.chat.completions.create({ provider: 'gemini', model: 'gemini-2.5-flash', messages: [{ role: 'user', content: 'Write a haiku about rain.' }] });`,
      calls: [{ line: 3, method: 'chat.completions.create', provider: 'google', endpoint: 'chat', model: 'gemini-2.5-flash', promptIncludes: ['haiku about rain'], evidenceIncludes: ["the request's provider field names gemini"] }],
    },
    {
      name: "fluency.js (a fork with the same API) in a class, the request the user's settings make: provider unknown, streamed",
      code: `import { TokenJS } from 'fluency.js';
import type { CompletionStreaming, LLMProvider } from 'fluency.js/dist/chat';
export class Chat {
  private tokenJs = new TokenJS({ baseURL: 'http://localhost:11434/v1' });
  async stream(request: CompletionStreaming<LLMProvider>) {
    return this.tokenJs.chat.completions.create({ ...request, stream: true });
  }
}`,
      calls: [{ line: 6, method: 'chat.completions.create', sdk: 'tokenjs', model: null, features: { streaming: true }, evidenceIncludes: ['sent by token.js to the provider its request names'] }],
    },
  ],
});
