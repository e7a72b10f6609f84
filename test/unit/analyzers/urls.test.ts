import * as assert from 'node:assert/strict';
import { joinUrl } from '../../../src/analyzers/shared/urls';

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
