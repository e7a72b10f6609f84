import * as assert from 'node:assert/strict';
import { joinUrl } from '../../../src/analyzers/shared/urls';
import { providerFromBaseUrl } from '../../../src/analyzers/shared/providers';

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
    ['https://api.portkey.ai/v1', 'portkey'],
    ['https://litellm.internal.example.com', 'litellm'],
    ['https://openrouter.ai/api/v1', 'openrouter'],
    ['https://my-res.openai.azure.com/openai', 'azure-openai'],
  ];
  for (const [url, provider] of cases) it(url, () => assert.equal(providerFromBaseUrl(url), provider));
});
