import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `@obsidian-ai-providers/sdk`: the service of the "AI Providers" Obsidian plugin, which other plugins get with
 * `await (await waitForAI()).promise` and which sends each request to whichever provider the user set up there
 * (Ollama, OpenAI, OpenRouter, Gemini, LM Studio, Groq, ...). `execute({ provider, prompt | messages, systemPrompt,
 * images, onProgress })` is a chat completion, `embed({ provider, input })` embeds text and `retrieve({ query,
 * documents, embeddingProvider })` embeds the documents and the query to rank them. The provider and its model are the
 * user's settings in that plugin, so both are reported as unknown unless the request names a `model` of its own.
 * `fetchModels` and `checkModelCapabilities` list or probe models and are not reported.
 * (pfrankov/obsidian-ai-providers, packages/sdk/README.md.)
 *
 * Plugins hand the service around as `aiProviders` (the name the SDK's README uses), often typed `any` in the module
 * that calls it; a call on a receiver of that name with one of these methods is reported even when it is not traced.
 */
export const obsidianAiProvidersAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'obsidian-ai-providers',
  provider: 'unknown',
  packages: ['@obsidian-ai-providers/sdk'],
  methods: [
    { path: 'execute', endpoint: 'chat' },
    { path: 'embed', endpoint: 'embedding' },
    { path: 'retrieve', endpoint: 'embedding' },
  ],
  fields: {
    model: ['model'],
    system: ['systemPrompt'],
    messages: ['messages'],
    prompt: ['prompt', 'input', 'query'],
    images: ['images'],
    streamingCallbacks: ['onProgress'],
  },
  untraced: (receiverText) => SERVICE_NAME.test(receiverText),
  note: "sent by the AI Providers plugin to the provider the user set up there (Ollama, OpenAI, OpenRouter, Gemini, ...): provider and model are that plugin's settings, not in this code",
});

/** The service as the SDK's README and its plugins name it (`aiProviders`, `this.aiProviders`). */
const SERVICE_NAME = /(?:^|\.)aiProviders$/;
