import { nodeChatgptApiAnalyzer } from '../../../src/analyzers/node-chatgpt-api';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('node-chatgpt-api analyzer', nodeChatgptApiAnalyzer, {
  valid: [
    { name: "the package's Bing client (Bing's web app under the user's login, not OpenAI's API)", code: `import { BingAIClient } from '@waylaidwanderer/chatgpt-api';\nconst bing = new BingAIClient({ userToken: 't' });\nexport const ask = (text: string) => bing.sendMessage(text, {});` },
    { name: "another package's sendMessage", code: `import { Client } from 'discord.js';\nconst bot = new Client({ intents: [] });\nawait bot.sendMessage('hello', {});` },
  ],
  invalid: [
    {
      name: "ChatGPTClient made with the key first and the options second (the model in modelOptions, spread in from a constant), held in a field, asked with the conversation's ids",
      code: `import { ChatGPTClient } from '@waylaidwanderer/chatgpt-api';
const clientOptions = { modelOptions: { model: 'gpt-3.5-turbo', temperature: 0 }, debug: false };
export default class ChatGPT {
  private chatGPT: any;
  constructor(key: string) {
    this.chatGPT = new ChatGPTClient(key, { ...clientOptions, reverseProxyUrl: 'https://proxy.example.com/v1/chat/completions' }, {});
  }
  async reply(content: string, conversationId?: string) {
    return this.chatGPT.sendMessage(content, { conversationId });
  }
}`,
      calls: [{ line: 9, method: 'sendMessage', sdk: 'node-chatgpt-api', provider: 'openai', endpoint: 'chat', model: 'gpt-3.5-turbo', promptIncludes: ['{{content}}'] }],
    },
  ],
});
