import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `token.js`: one OpenAI-shaped client that sends each request straight to the provider its `provider` field names
 * (`new TokenJS().chat.completions.create({ provider: 'anthropic', model, messages })`), with that provider's key from
 * the environment or the client's options; no gateway in between. `fluency.js` is a fork of it with the same API
 * (twinny's VS Code extension). The provider is the field's value when the code writes one, else unknown.
 * (token-js/token.js: README, `chat.completions.create`; its LLMProvider names: openai, ai21, anthropic, gemini, cohere,
 * bedrock, mistral, groq, perplexity, openrouter, openai-compatible.)
 */
export const tokenJsAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'tokenjs',
  provider: 'unknown',
  packages: ['token.js', 'fluency.js'],
  methods: [{ path: 'chat.completions.create', endpoint: 'chat' }],
  hostOptions: ['baseURL'],
  fields: {
    model: ['model'],
    messages: ['messages'],
    maxTokens: ['max_completion_tokens', 'max_tokens'],
    tools: ['tools'],
    structured: ['response_format'],
  },
  providerField: { name: 'provider', values: { gemini: 'google', bedrock: 'aws-bedrock' } },
  note: 'sent by token.js to the provider its request names (the provider field), with that provider\'s key',
});
