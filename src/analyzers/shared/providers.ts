/**
 * OpenAI-compatible hosts people point an SDK at with `baseURL`, so a call on `new OpenAI(...)` is
 * attributed to whoever really serves (and bills) it. Local inference servers are named by their
 * usual port (Ollama 11434, LM Studio 1234, vLLM 8000, llama.cpp server 8080); any other server on
 * localhost or a private network address is `self-hosted`. All of these are already self-hosted and
 * are priced as such.
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
  [/api\.cerebras\.ai/, 'cerebras'],
  [/api\.anthropic\.com/, 'anthropic'],
  [/api\.moonshot\.(ai|cn)/, 'moonshot'],
  [/dashscope(-intl)?\.aliyuncs\.com/, 'alibaba'],
  [/api\.novita\.ai/, 'novita'],
  [/api\.hyperbolic\.xyz/, 'hyperbolic'],
  [/api-inference\.huggingface\.co|router\.huggingface\.co/, 'huggingface'],
  [/ai-gateway\.vercel\.sh/, 'vercel-gateway'],
  [/openai\.azure\.com|\.services\.ai\.azure\.com|azure/, 'azure-openai'],
  [/ollama|:11434\b/, 'ollama'],
  [/lmstudio|lm-studio|:1234\b/, 'lmstudio'],
  [/vllm/, 'vllm'],
  [/llama[.-]?cpp|llamafile/, 'llama.cpp'],
  [/api\.openai\.com/, 'openai'],
];

/** Hosts that are the user's own machine or private network: a server the app runs itself. */
const PRIVATE_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.local|[\w-]+\.internal|[\w-]+)$/i;

/** The provider serving a base URL, or undefined when the URL is unknown. */
export function providerFromBaseUrl(url: string): string | undefined {
  for (const [pattern, provider] of HOST_PROVIDERS) if (pattern.test(url)) return provider;
  // `http://localhost:8000/v1`, `http://10.0.0.5/v1`, `http://inference:8080` (a compose service name).
  const host = /^[a-z][\w+.-]*:\/\/([^/:?#]+|\[[^\]]+\])/i.exec(url.trim())?.[1];
  if (host && PRIVATE_HOST.test(host)) return 'self-hosted';
  return undefined;
}
