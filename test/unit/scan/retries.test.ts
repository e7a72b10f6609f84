import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';
import type { ScanResult } from '../../../src/model/types';

function reportedLines(result: ScanResult, file: string): number[] {
  return result.callSites.filter((site) => site.file === file).map((site) => site.line).sort((a, b) => a - b);
}

/** A proxy retrying with another key header after a 401, and a fallback model tried in the `catch` of the first request. */
const PROXY = `import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
export async function relay(url: string, apiKey: string, messages: unknown[]) {
  const body = JSON.stringify({ model: 'gpt-4o-mini', messages });
  let response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body });
  if (response.status === 401) {
    response = await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: { 'X-API-Key': apiKey }, body });
  }
  return response;
}
export async function ask(system: string, prompt: string) {
  const client = new Anthropic();
  try {
    return await client.messages.create({ model: 'claude-sonnet-4-5', max_tokens: 256, system, messages: [{ role: 'user', content: prompt }] });
  } catch {
    return await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 256, system, messages: [{ role: 'user', content: prompt }] });
  }
}
export class Assistant {
  private client() { return new OpenAI(); }
  async answer(prompt: string) {
    try {
      return await this.client().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] });
    } catch {
      return await this.client().embeddings.create({ model: 'text-embedding-3-small', input: prompt });
    }
  }
}
export async function mirrored(prompt: string) {
  try {
    return await fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: prompt }] }) });
  } catch {
    return await fetch('https://api.groq.com/openai/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: prompt }] }) });
  }
}
`;

/** The app's helper, and a feature calling it again in its `catch` with a healed model id. */
const HELPER = `import OpenAI from 'openai';
const openai = new OpenAI();
export async function complete(prompt: string, model = 'gpt-4o-mini') {
  return openai.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}
`;
const FEATURES = `import { complete } from './llm';
export async function summarize(text: string, model = 'gpt-4o-mini', fallbackModel = 'gpt-4.1-mini') {
  try {
    return await complete('Summarize: ' + text, model);
  } catch {
    return await complete('Summarize: ' + text, fallbackModel);
  }
}
export async function translate(text: string) {
  return complete('Translate to French: ' + text);
}
export async function extract(text: string) {
  try {
    return await complete('Extract the dates from: ' + text);
  } catch {
    return await complete('Return ONLY a JSON array of ISO dates found in: ' + text);
  }
}
`;

describe('a retry of a request after it fails', () => {
  it('is the first request again: left out with a warning naming it, whether under an `if` on the reply status or in the `catch`', async () => {
    const result = await scanProject({ 'src/proxy.ts': PROXY }, 'retries-');
    // 7 repeats 5 under `if (response.status === 401)`; 16 repeats 14 in its catch; 25 asks another API of the same client
    // (`this.client()` starts both calls, the requests differ) and 33 sends to another URL (a fallback provider): both stay.
    assert.deepEqual(reportedLines(result, 'src/proxy.ts'), [5, 14, 23, 25, 31, 33]);
    const status = result.diagnostics.find((diagnostic) => diagnostic.file === 'src/proxy.ts' && diagnostic.line === 7);
    assert.match(status?.message ?? '', /repeats the request on line 5 under `if \(response\.status === 401\)`: a retry after it fails, counted there/);
    const caught = result.diagnostics.find((diagnostic) => diagnostic.file === 'src/proxy.ts' && diagnostic.line === 16);
    assert.match(caught?.message ?? '', /repeats the request on line 14 in the `catch` of the `try` that makes it/);
    const retried = result.callSites.find((site) => site.file === 'src/proxy.ts' && site.line === 14);
    assert.ok(retried?.evidence.some((line) => line === 'sent again at line 16 if it fails (claude-haiku-4-5), counted here once'), JSON.stringify(retried?.evidence));
  });

  it("is no second caller of the app's helper (the model it passes may change); a retry asking in other words is", async () => {
    const result = await scanProject({ 'src/llm.ts': HELPER, 'src/features.ts': FEATURES }, 'retries-callers-');
    // 6 repeats 4 with the fallback model; 16 re-prompts after 14 fails, a request of its own.
    assert.deepEqual(reportedLines(result, 'src/features.ts'), [4, 10, 14, 16]);
  });
});
