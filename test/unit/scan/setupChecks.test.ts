/**
 * A request an app sends only to check its settings (`validateConfiguration()` embedding "test", `testConnection()`)
 * is no feature's call: the scan does not report it, while the same client's feature requests stay reported.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { scanProject } from '../fixtureProject';

const EMBEDDER = `import OpenAI from 'openai';
export class OpenAiEmbedder {
  private readonly client = new OpenAI();
  async createEmbeddings(texts: string[]) {
    return this.client.embeddings.create({ model: 'text-embedding-3-small', input: texts });
  }
  async validateConfiguration() {
    const response = await this.client.embeddings.create({ model: 'text-embedding-3-small', input: ['test'] });
    return { valid: response.data.length > 0 };
  }
  async validateAnswer(answer: string) {
    return this.client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Is this answer correct? \${answer}\` }] });
  }
}
export async function testConnection(client: OpenAI) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 1 });
}
export async function pingProvider(client: OpenAI, model: string) {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
}
export async function testProviderConnection(client: OpenAI) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hello world' }] });
}
export async function validateEmbeddingConfiguration(client: OpenAI, model: string) {
  return client.embeddings.create({ model, input: 'healthcheck' });
}
export async function testEmbeddingService(client: OpenAI) {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: 'connection test' });
}
export async function probeModel(client: OpenAI, model: string) {
  return client.chat.completions.create({ model, messages: [{ role: 'system', content: 'ping' }, { role: 'user', content: 'hi' }], max_tokens: 4 });
}
export async function testProviderRouting(client: OpenAI, question: string) {
  return client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Which provider should answer: \${question}\` }] });
}
`;

describe('settings checks', () => {
  it('a key or connection check is not a call site; a feature named like a check of something else is', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'setup-checks-'));
    try {
      mkdirSync(path.join(root, 'src'), { recursive: true });
      writeFileSync(path.join(root, 'src', 'embedder.ts'), EMBEDDER);
      const result = await scanWorkspace(root, { now: () => new Date(0) });
      const sites = result.callSites.map((site) => `${site.line} ${site.enclosingFunction}`).sort();
      assert.deepEqual(sites, ['12 OpenAiEmbedder.validateAnswer', '34 testProviderRouting', '5 OpenAiEmbedder.createEmbeddings']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("a call of the app's helper inside a settings check (`testEmbeddingService()` embedding a test string) is not a call site, nor a call reaching the helper through the check; the features' calls of it are", async () => {
    const result = await scanProject({
      'src/embedding.ts': `import OpenAI from 'openai';
const client = new OpenAI();
export async function generateEmbedding(text: string) {
  return client.embeddings.create({ model: 'text-embedding-3-small', input: text });
}
export async function testEmbeddingService() {
  await generateEmbedding('connection test');
}
`,
      // Two features embedding their own text: each a call site, the helper priced through them (a helper called from one
      // place only is read through that call, at its own request).
      'src/index.ts': `import { generateEmbedding, testEmbeddingService } from './embedding';
export const indexBlock = (block: string) => generateEmbedding(\`Block: \${block}\`);
export const indexTitle = (title: string) => generateEmbedding(\`Page title: \${title}\`);
export const start = async () => { await testEmbeddingService(); };
`,
    }, 'setup-callers-');
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line}`).sort(), ['src/embedding.ts:4', 'src/index.ts:2', 'src/index.ts:3']);
  });

  it("a route that only checks a key (`app/api/validate-key/route.ts`'s POST) is not a call site, whatever its prompt; another route's handler is", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'setup-routes-'));
    const handler = (prompt: string) => `import OpenAI from 'openai';\nexport async function POST(request: Request) {\n  const { apiKey, text } = await request.json();\n  return new OpenAI({ apiKey }).chat.completions.create({ model: 'gpt-4o-mini', max_tokens: 100, messages: [{ role: 'user', content: ${prompt} }] });\n}\n`;
    try {
      for (const [folder, prompt] of [['validate-key', "'hello'"], ['summarize', '`Summarize: ${text}`']]) {
        mkdirSync(path.join(root, 'src', 'app', 'api', folder), { recursive: true });
        writeFileSync(path.join(root, 'src', 'app', 'api', folder, 'route.ts'), handler(prompt));
      }
      const result = await scanWorkspace(root, { now: () => new Date(0) });
      assert.deepEqual(result.callSites.map((site) => site.file), ['src/app/api/summarize/route.ts']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('a probe is not a call site whatever its name (a greeting or a test as the whole prompt with a few output tokens, or an availability question with any); a greeting with room to answer, or words of the user, is', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'setup-probes-'));
    try {
      mkdirSync(path.join(root, 'src'), { recursive: true });
      writeFileSync(path.join(root, 'src', 'modelTester.ts'), `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export async function testAnthropicModel(model: string) {
  return anthropic.messages.create({ model, max_tokens: 10, messages: [{ role: 'user', content: 'Say hello in one word.' }] });
}
export async function isAvailable() {
  return anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 1, messages: [{ role: 'user', content: 'Hello, are you available for a code review task?' }] });
}
export async function modelWorks(model: string) {
  return anthropic.messages.create({ model, max_tokens: 1024, messages: [{ role: 'user', content: 'Hello, are you available?' }] });
}
export async function greet() {
  return anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 200, messages: [{ role: 'user', content: 'Hello!' }] });
}
export async function shortAnswer(question: string) {
  return anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 5, messages: [{ role: 'user', content: \`Hello \${question}\` }] });
}
`);
      const result = await scanWorkspace(root, { now: () => new Date(0) });
      assert.deepEqual(result.callSites.map((site) => `${site.line} ${site.enclosingFunction}`).sort(), ['13 greet', '16 shortAnswer']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
