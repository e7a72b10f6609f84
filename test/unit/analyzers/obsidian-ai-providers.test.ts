import { obsidianAiProvidersAnalyzer } from '../../../src/analyzers/obsidian-ai-providers';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('obsidian-ai-providers analyzer', obsidianAiProvidersAnalyzer, {
  valid: [
    { name: 'listing the models of a provider', code: `import { waitForAI } from '@obsidian-ai-providers/sdk';\nexport async function models() {\n  const aiProviders = await (await waitForAI()).promise;\n  return aiProviders.fetchModels({ provider: aiProviders.providers[0] });\n}` },
    { name: 'an execute() on something else, not named as the service', code: `export function run(queue: any) { return queue.execute({ prompt: 'x' }); }` },
    { name: "a typed receiver from another package's execute", code: `import type { Pool } from 'pg';\nexport function run(pool: Pool) { return (pool as any).execute({ prompt: 'x' }); }` },
  ],
  invalid: [
    {
      name: 'the service destructured from an options parameter typed by the app, streaming through onProgress',
      code: `import type { IAIProvider, IAIProvidersService } from '@obsidian-ai-providers/sdk';
interface RequestOptions { aiProviders: IAIProvidersService; provider: IAIProvider; text: string }
export function translate({ aiProviders, provider, text }: RequestOptions) {
  return aiProviders.execute({ provider, systemPrompt: 'Translate to French.', prompt: text, onProgress: () => {} });
}`,
      calls: [{ line: 4, method: 'execute', provider: 'unknown', endpoint: 'chat', model: null, features: { streaming: true }, promptIncludes: ['Translate to French.', '{{text}}'], evidenceIncludes: ['IAIProvidersService', 'the provider the user set up there'] }],
    },
    {
      name: 'a variable typed as the service, an embedding with a progress callback (not streaming) and a model named',
      code: `import { waitForAI, type IAIProvidersService } from '@obsidian-ai-providers/sdk';
export async function vectors(texts: string[]) {
  const aiProviders: IAIProvidersService = await (await waitForAI()).promise;
  return aiProviders.embed({ provider: aiProviders.providers[0], model: 'nomic-embed-text', input: texts, onProgress: () => {} });
}`,
      calls: [{ line: 4, method: 'embed', provider: 'unknown', endpoint: 'embedding', model: 'nomic-embed-text', features: { streaming: false } }],
    },
    {
      name: 'retrieve on an untyped service named as the SDK names it',
      code: `export function search(query: string, documents: any[], aiProviders: any, embeddingProvider: any) {
  return aiProviders.retrieve({ query, documents, embeddingProvider });
}`,
      calls: [{ line: 2, method: 'retrieve', provider: 'unknown', endpoint: 'embedding', model: null, evidenceIncludes: ['receiver name'] }],
    },
  ],
});
