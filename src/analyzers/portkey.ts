import type { Analyzer } from './analyzer';
import { createClientSdkAnalyzer } from './shared/clientSdk';

/**
 * `portkey-ai`: Portkey's AI gateway client, OpenAI-shaped (`new Portkey({ apiKey, virtualKey }).chat.completions.create(...)`).
 * The gateway forwards each request to the provider its virtual key, config or `provider` option names (OpenAI, Anthropic,
 * Bedrock, Together, ...), which bills it; the code rarely says which, so the provider is reported as the gateway.
 * (Portkey-AI/portkey-node-sdk: `chat.completions.create`, `completions.create`, `embeddings.create`, `images.generate`.)
 */
export const portkeyAnalyzer: Analyzer = createClientSdkAnalyzer({
  id: 'portkey',
  provider: 'portkey',
  packages: ['portkey-ai'],
  methods: [
    { path: 'chat.completions.create', endpoint: 'chat' },
    { path: 'completions.create', endpoint: 'completion' },
    { path: 'embeddings.create', endpoint: 'embedding' },
    { path: 'images.generate', endpoint: 'image-generation' },
  ],
  hostOptions: ['baseURL'],
  fields: {
    model: ['model'],
    messages: ['messages'],
    prompt: ['prompt', 'input'],
    maxTokens: ['max_completion_tokens', 'max_tokens'],
    tools: ['tools', 'functions'],
    structured: ['response_format'],
  },
  note: "sent through Portkey's gateway to the provider its virtual key, config or provider option names (set in Portkey or the client's options), which bills it",
});
