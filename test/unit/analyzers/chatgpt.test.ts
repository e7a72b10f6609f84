import { chatgptAnalyzer } from '../../../src/analyzers/chatgpt';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('chatgpt analyzer', chatgptAnalyzer, {
  valid: [
    { name: "another package's sendMessage (a chat bot's)", code: `import { Client } from 'discord.js';\nconst bot = new Client({ intents: [] });\nawait bot.sendMessage('hello', { parentMessageId: 'x' });` },
    { name: 'a client made, no request', code: `import { ChatGPTAPI } from 'chatgpt';\nexport const api = new ChatGPTAPI({ apiKey: process.env.OPENAI_API_KEY ?? '', completionParams: { model: 'gpt-4o-mini' } });` },
  ],
  invalid: [
    {
      name: "a client from the app's factory awaited through an error handler (`await initOpenAI(store).catch(...)`): the promise's value is the factory's client",
      code: `import { ChatGPTAPI } from 'chatgpt';
async function initOpenAI(messageStore: object) {
  return new ChatGPTAPI({ apiKey: process.env.OPENAI_API_KEY ?? '', completionParams: { model: 'gpt-4o-mini' }, messageStore });
}
export async function main(question: string) {
  const api = await initOpenAI({}).catch((error) => { console.error(error); process.exit(1); });
  return api.sendMessage(question);
}`,
      calls: [{ line: 7, method: 'sendMessage', provider: 'openai', model: 'gpt-4o-mini' }],
    },
    {
      name: 'a client field declared empty (`api: ChatGPTAPI | null = null`) and set in the constructor, called through a non-null assertion inside a retry',
      code: `import { ChatGPTAPI } from 'chatgpt';
import pRetry from 'p-retry';
export class Bot {
  private readonly api: ChatGPTAPI | null = null;
  constructor() {
    this.api = new ChatGPTAPI({ apiKey: process.env.OPENAI_API_KEY ?? '', completionParams: { model: 'gpt-4' } });
  }
  chat = async (message: string) => pRetry(() => this.api!.sendMessage(message, {}), { retries: 3 });
}`,
      calls: [{ line: 8, method: 'sendMessage', provider: 'openai', model: 'gpt-4' }],
    },
    {
      name: 'the model set on the client, the text first and the options second, streamed through onProgress',
      code: `import { ChatGPTAPI } from 'chatgpt';
const api = new ChatGPTAPI({ apiKey: process.env.OPENAI_API_KEY ?? '', completionParams: { model: 'gpt-4o-mini', max_tokens: 300 } });
export async function reply(text: string, parentMessageId?: string) {
  return api.sendMessage(text, { parentMessageId, systemMessage: 'You are a helpful assistant.', onProgress: (partial) => console.log(partial.text) });
}`,
      calls: [{ line: 4, method: 'sendMessage', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', features: { streaming: true }, promptIncludes: ['You are a helpful assistant.'] }],
    },
    {
      name: "the request's own completionParams name the model; the unofficial proxy client under the same method",
      code: `import { ChatGPTAPI, ChatGPTUnofficialProxyAPI } from 'chatgpt';
const api = new ChatGPTAPI({ apiKey: 'k' });
const proxy = new ChatGPTUnofficialProxyAPI({ accessToken: 't', apiReverseProxyUrl: 'https://proxy.example/api/conversation' });
export async function both(text: string) {
  await api.sendMessage(text, { completionParams: { model: 'gpt-4o', temperature: 0.2 } });
  await proxy.sendMessage(text);
}`,
      calls: [
        { line: 5, method: 'sendMessage', model: 'gpt-4o', features: { streaming: false } },
        { line: 6, method: 'sendMessage', model: null },
      ],
    },
  ],
});
