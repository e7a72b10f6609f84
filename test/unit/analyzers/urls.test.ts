import * as assert from 'node:assert/strict';
import { joinUrl } from '../../../src/analyzers/shared/urls';
import { providerFromBaseUrl, providerFromSettingName } from '../../../src/analyzers/shared/providers';

describe('joinUrl (new URL(path, base) as text)', () => {
  const cases: Array<[path: string, base: string, joined: string]> = [
    ['/v1/chat/completions', 'https://api.openai.com', 'https://api.openai.com/v1/chat/completions'],
    ['chat/completions', 'https://api.openai.com/v1/', 'https://api.openai.com/v1/chat/completions'],
    ['chat/completions', 'https://api.openai.com/v1', 'https://api.openai.com/chat/completions'],
    ['/chat/completions', 'https://api.groq.com/openai/v1', 'https://api.groq.com/chat/completions'],
    ['v1/messages', 'https://api.anthropic.com', 'https://api.anthropic.com/v1/messages'],
    ['../api/chat', 'http://localhost:11434/v1/x', 'http://localhost:11434/api/chat'],
    ['https://api.anthropic.com/v1/messages', 'https://example.com', 'https://api.anthropic.com/v1/messages'],
    ['//api.openai.com/v1/embeddings', 'https://example.com/a', 'https://api.openai.com/v1/embeddings'],
    ['/v1/chat/completions', '{{process.env.LLM_URL}}', '{{process.env.LLM_URL}}/v1/chat/completions'],
    ['chat/completions', '{{base}}', '{{base}}/chat/completions'],
  ];
  for (const [path, base, joined] of cases) it(`new URL('${path}', '${base}')`, () => assert.equal(joinUrl(path, base), joined));
});

describe('providerFromBaseUrl: gateways are told by their host', () => {
  const cases: Array<[string, string]> = [
    ['https://gateway.ai.cloudflare.com/v1/acct/gw/azure-openai/res/deployment', 'cloudflare-ai-gateway'],
    ['https://ai-gateway.vercel.sh/v1', 'vercel-gateway'],
    ['https://api.cloudflare.com/client/v4/accounts/{{env.CLOUDFLARE_ACCOUNT_ID}}/ai/v1/chat/completions', 'cloudflare-workers-ai'],
    ['https://api.portkey.ai/v1', 'portkey'],
    ['https://litellm.internal.example.com', 'litellm'],
    ['https://openrouter.ai/api/v1', 'openrouter'],
    ['https://my-res.openai.azure.com/openai', 'azure-openai'],
    // GitHub Models: its first host is under azure.com, yet GitHub serves and bills it.
    ['https://models.inference.ai.azure.com', 'github-models'],
    ['https://models.github.ai/inference', 'github-models'],
  ];
  for (const [url, provider] of cases) it(url, () => assert.equal(providerFromBaseUrl(url), provider));
});

describe("providerFromBaseUrl: Helicone's per-provider proxy domains are the provider behind them (it logs, the provider bills)", () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://together.helicone.ai/v1/chat/completions', 'together'],
    ['https://oai.helicone.ai/v1', 'openai'],
    ['https://oai.hconeai.com/v1', 'openai'],
    ['https://anthropic.helicone.ai/v1/messages', 'anthropic'],
    ['https://openrouter.helicone.ai/api/v1', 'openrouter'],
    ['https://groq.helicone.ai/openai/v1', 'groq'],
    ['https://fireworks.helicone.ai/inference/v1', 'fireworks'],
    ['https://deepinfra.helicone.ai/v1/openai', 'deepinfra'],
    // Its generic gateway names the target in a header, not the host: nothing is assumed.
    ['https://gateway.helicone.ai/v1', undefined],
  ];
  for (const [url, provider] of cases) it(url, () => assert.equal(providerFromBaseUrl(url), provider));
});

describe('providerFromBaseUrl: OpenAI-compatible providers apps point the SDK at', () => {
  const cases: Array<[string, string | undefined]> = [
    ['https://api.minimax.io/v1', 'minimax'],
    ['https://api.minimaxi.com/v1', 'minimax'],
    ['https://api.z.ai/api/paas/v4', 'zai'],
    ['https://open.bigmodel.cn/api/paas/v4', 'zai'],
    ['https://api.sambanova.ai/v1', 'sambanova'],
    ['https://api.cohere.ai/compatibility/v1', 'cohere'],
    ['https://api.jina.ai/v1/embeddings', 'jina'],
    ['https://api.voyageai.com/v1', 'voyage'],
    ['https://integrate.api.nvidia.com/v1', 'nvidia-nim'],
    ['https://api.studio.nebius.ai/v1', 'nebius'],
    ['https://apipie.ai/v1', 'apipie'],
    ['https://api.ppinfra.com/v3/openai', 'ppio'],
    ['https://ai.gitee.com/v1', 'giteeai'],
    ['https://api.cometapi.com/v1', 'cometapi'],
    ['https://bedrock-mantle.${region}.api.aws/v1', 'aws-bedrock'],
    ['https://api.together.xyz/v1', 'together'],
    ['https://api.example-llm.com/v1', undefined],
  ];
  for (const [url, provider] of cases) it(`${url} → ${provider}`, () => assert.equal(providerFromBaseUrl(url), provider));
});

describe('providerFromSettingName: the name of the setting holding a base URL', () => {
  const cases: Array<[string, string | undefined]> = [
    ['LMSTUDIO_BASE_PATH', 'lmstudio'],
    ['OLLAMA_BASE_URL', 'ollama'],
    ['LITE_LLM_BASE_PATH', 'litellm'],
    ['TEXT_GEN_WEB_UI_BASE_PATH', 'self-hosted'],
    ['KOBOLD_CPP_BASE_PATH', 'self-hosted'],
    ['LOCAL_AI_BASE_PATH', 'self-hosted'],
    ['NVIDIA_NIM_LLM_BASE_PATH', 'nvidia-nim'],
    ['AZURE_OPENAI_ENDPOINT', 'azure-openai'],
    ['OPENAI_BASE_URL', undefined],
    ['LLM_BASE_URL', undefined],
    ['GENERIC_OPEN_AI_BASE_PATH', undefined],
  ];
  for (const [name, provider] of cases) it(`${name} → ${provider}`, () => assert.equal(providerFromSettingName(name), provider));
});
