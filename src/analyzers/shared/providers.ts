/**
 * OpenAI-compatible hosts people point the OpenAI SDK at with `baseURL`, so a call on `new OpenAI(...)`
 * is attributed to whoever really serves (and bills) it.
 */
const HOST_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  // Gateways first: their URLs name the provider they proxy (gateway.ai.cloudflare.com/v1/<acct>/<gw>/azure-openai/...).
  [/gateway\.ai\.cloudflare\.com/, 'cloudflare-ai-gateway'],
  [/ai-gateway\.vercel\.sh/, 'vercel-gateway'],
  [/api\.portkey\.ai/, 'portkey'],
  [/litellm/, 'litellm'],
  [/api\.groq\.com/, 'groq'],
  [/api\.together\.(xyz|ai)/, 'together'],
  [/api\.fireworks\.ai/, 'fireworks'],
  [/api\.deepinfra\.com/, 'deepinfra'],
  [/openrouter\.ai/, 'openrouter'],
  [/api\.perplexity\.ai/, 'perplexity'],
  [/api\.mistral\.ai/, 'mistral'],
  [/api\.deepseek\.com/, 'deepseek'],
  [/generativelanguage\.googleapis\.com/, 'google'],
  [/api\.x\.ai/, 'xai'],
  [/openai\.azure\.com|azure/, 'azure-openai'],
  [/localhost:11434|127\.0\.0\.1:11434|ollama/, 'ollama'],
  [/localhost|127\.0\.0\.1|0\.0\.0\.0|vllm/, 'self-hosted'],
  [/api\.openai\.com/, 'openai'],
];

/** The provider serving a base URL, or undefined when the URL is unknown. */
export function providerFromBaseUrl(url: string): string | undefined {
  for (const [pattern, provider] of HOST_PROVIDERS) if (pattern.test(url)) return provider;
  return undefined;
}
