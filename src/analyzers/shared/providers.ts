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
  // Workers AI's OpenAI-compatible API (`/client/v4/accounts/<acct>/ai/v1/chat/completions`): Cloudflare serves and bills the `@cf/...` model.
  [/api\.cloudflare\.com\/client\/v4\/accounts\/[^/?#]+\/ai\/v1(?:[/?#]|$)/, 'cloudflare-workers-ai'],
  [/api\.portkey\.ai/, 'portkey'],
  // Helicone's per-provider proxy domains: it logs the requests, the provider behind serves and bills them with the app's
  // own key (docs.helicone.ai, 'Gateway Integration', Approved Domains; hconeai.com is their earlier domain).
  [/\boai\.(?:helicone\.ai|hconeai\.com)/, 'openai'],
  [/\banthropic\.(?:helicone\.ai|hconeai\.com)/, 'anthropic'],
  [/\btogether\.(?:helicone\.ai|hconeai\.com)/, 'together'],
  [/\bopenrouter\.helicone\.ai/, 'openrouter'],
  [/\bfireworks\.helicone\.ai/, 'fireworks'],
  [/\bgroq\.helicone\.ai/, 'groq'],
  [/\bdeepinfra\.helicone\.ai/, 'deepinfra'],
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
  [/api\.minimaxi?\.(io|com|chat)/, 'minimax'],
  [/api\.z\.ai|open\.bigmodel\.cn/, 'zai'],
  [/api\.sambanova\.ai/, 'sambanova'],
  [/api\.cohere\.(ai|com)/, 'cohere'],
  [/api\.jina\.ai/, 'jina'],
  [/api\.voyageai\.com/, 'voyage'],
  [/integrate\.api\.nvidia\.com/, 'nvidia-nim'],
  [/api\.(studio|tokenfactory)\.nebius\.(ai|com)/, 'nebius'],
  [/inference\.baseten\.co/, 'baseten'],
  [/api\.siliconflow\.(cn|com)/, 'siliconflow'],
  [/api\.goose\.ai/, 'gooseai'],
  [/api\.ai21\.com/, 'ai21'],
  // Resellers and regional clouds whose own prices the catalog does not carry: named, so no other price is assumed.
  [/apipie\.ai/, 'apipie'],
  [/api\.ppinfra\.com/, 'ppio'],
  [/ai\.gitee\.com/, 'giteeai'],
  [/api\.cometapi\.com/, 'cometapi'],
  [/api\.302\.ai/, '302ai'],
  [/ark\.[\w-]+\.volces\.com|ark\.[\w-]+\.bytepluses\.com/, 'bytedance'],
  [/aip\.baidubce\.com|qianfan\.baidubce\.com/, 'baidu'],
  [/hunyuan\.(?:tencentcloudapi|cloud\.tencent)\.com/, 'tencent'],
  [/spark-api(?:-open)?\.xf-yun\.com/, 'iflytek'],
  [/bedrock(-mantle|-runtime)[.-][\w.-]*amazonaws\.com|bedrock-mantle\.[\w${}.-]*\.api\.aws/, 'aws-bedrock'],
  // GitHub Models' inference API (an OpenAI-shaped chat API billed through GitHub, free within rate limits), before Azure's
  // catch-all: its first host is under azure.com.
  [/models\.github\.ai|models\.inference\.ai\.azure\.com/, 'github-models'],
  [/openai\.azure\.com|\.services\.ai\.azure\.com|azure/, 'azure-openai'],
  [/ollama|:11434\b/, 'ollama'],
  [/lmstudio|lm-studio|:1234\b/, 'lmstudio'],
  [/vllm/, 'vllm'],
  [/llama[.-]?cpp|llamafile/, 'llama.cpp'],
  [/api\.openai\.com/, 'openai'],
  // ChatGPT's own backend (Codex on a ChatGPT plan, the web app's conversations): the user's plan, not the API.
  [/(?:chatgpt\.com|chat\.openai\.com)\/backend-api/, 'chatgpt-web'],
];

/**
 * Local servers and gateways told by the name of the setting that holds their address
 * (`process.env.LMSTUDIO_BASE_PATH`, `config.OLLAMA_HOST`), when the value itself is not in the code.
 * Only names that say which server it is; `OPENAI_BASE_URL`, `LLM_BASE_URL` say nothing.
 */
const SETTING_NAME_PROVIDERS: ReadonlyArray<[RegExp, string]> = [
  [/ollama/, 'ollama'],
  [/lm_?studio/, 'lmstudio'],
  [/vllm/, 'vllm'],
  [/llama_?cpp|llamafile/, 'llama.cpp'],
  [/lite_?llm/, 'litellm'],
  [/azure_?open_?ai/, 'azure-openai'],
  [/local_?ai|text_?gen_?web_?ui|kobold_?cpp|lemonade|tabby_?api|oobabooga|omlx/, 'self-hosted'],
  [/nvidia_?nim/, 'nvidia-nim'],
  [/open_?router/, 'openrouter'],
  [/groq/, 'groq'],
  [/together/, 'together'],
  [/fireworks/, 'fireworks'],
  [/deepseek/, 'deepseek'],
  [/mistral/, 'mistral'],
  [/perplexity/, 'perplexity'],
];

/**
 * Named providers that are also a server the team runs on its own hardware: NVIDIA NIM ships as containers, and
 * NVIDIA's hosted API is one place to try them. A setting of such a name whose example points at the team's own
 * machine or network is that server (see `baseUrlProvider`); a gateway's name (LiteLLM) stays the
 * gateway even on localhost, where such proxies run.
 */
export const ALSO_SELF_HOSTED_PROVIDERS: ReadonlySet<string> = new Set(['nvidia-nim']);

/** The provider a setting's name (an env variable or config key holding a base URL) names, or undefined. */
export function providerFromSettingName(name: string): string | undefined {
  const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  for (const [pattern, provider] of SETTING_NAME_PROVIDERS) if (pattern.test(key)) return provider;
  return undefined;
}

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
