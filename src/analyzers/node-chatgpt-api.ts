import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * node-chatgpt-api (`@waylaidwanderer/chatgpt-api`), behind 2023 chat bots: `new ChatGPTClient(apiKey, { modelOptions: {
 * model } }, cacheOptions)` sends OpenAI chat completions (to `reverseProxyUrl` when set, a proxy that forwards them to
 * OpenAI), answering `client.sendMessage(text, { conversationId, parentMessageId })` and keeping the conversation in its
 * cache. The package's other clients (`BingAIClient`, `ChatGPTBrowserClient`) drive Bing's and ChatGPT's web apps under a
 * user's login and are not read here.
 */
export const nodeChatgptApiAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'node-chatgpt-api',
  provider: 'openai',
  packages: ['@waylaidwanderer/chatgpt-api'],
  classes: ['ChatGPTClient'],
  constructorOptions: { ChatGPTClient: 1 },
  methods: [{ path: 'sendMessage', endpoint: 'chat' }],
  positional: { sendMessage: { input: 0, inputIsText: true, options: 1 } },
  clientModel: ['modelOptions.model'],
  fields: {
    model: [],
    system: ['promptPrefix'],
    streamingCallbacks: ['onProgress'],
  },
});
