import { azureAiInferenceAnalyzer } from '../../../src/analyzers/azure-ai-inference';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('azure-ai-inference analyzer', azureAiInferenceAnalyzer, {
  valid: [
    {
      name: "making the client sends nothing; a path of no inference route, and another REST client's path().post()",
      code: `import ModelClient from '@azure-rest/ai-inference';
import { AzureKeyCredential } from '@azure/core-auth';
import createStorageClient from '@azure-rest/storage';
const client = ModelClient('https://models.github.ai/inference', new AzureKeyCredential('token'));
export const info = client.path('/info').get();
const storage = createStorageClient('https://example.blob.core.windows.net', new AzureKeyCredential('k'));
export const upload = storage.path('/chat/completions').post({ body: { model: 'gpt-4o', messages: [] } });`,
    },
  ],
  invalid: [
    {
      name: "a chat completion on GitHub Models through the package's default export (named by the app), streamed; an embedding",
      code: `import ModelClient from '@azure-rest/ai-inference';
import { AzureKeyCredential } from '@azure/core-auth';
const client = ModelClient('https://models.github.ai/inference', new AzureKeyCredential(process.env.GITHUB_TOKEN!));
export async function label(issue: string) {
  return client.path('/chat/completions').post({ body: { model: 'openai/gpt-4o-mini', messages: [{ role: 'system', content: 'Pick labels for this issue.' }, { role: 'user', content: issue }], max_tokens: 200, stream: true } }).asNodeStream();
}
export const vectors = (texts: string[]) => client.path('/embeddings').post({ body: { model: 'openai/text-embedding-3-small', input: texts } });`,
      calls: [
        { line: 5, sdk: 'azure-ai-inference', provider: 'github-models', endpoint: 'chat', model: 'openai/gpt-4o-mini', maxOutputTokens: 200, features: { streaming: true }, promptIncludes: ['Pick labels for this issue.'] },
        { line: 7, provider: 'github-models', endpoint: 'embedding', model: 'openai/text-embedding-3-small' },
      ],
    },
    {
      name: 'the endpoint a setting (Azure AI Foundry or GitHub Models, whichever it names), the client made inside the function',
      code: `import createClient from '@azure-rest/ai-inference';
import { AzureKeyCredential } from '@azure/core-auth';
export async function runInference(system: string, user: string, config: { endpoint: string; token: string; model: string }) {
  const client = createClient(config.endpoint, new AzureKeyCredential(config.token));
  const response = await client.path('/chat/completions').post({ body: { messages: [{ role: 'system', content: system }, { role: 'user', content: user }], model: config.model } });
  return response.body;
}`,
      calls: [{ line: 5, provider: 'azure-ai-inference', endpoint: 'chat', model: null, evidenceIncludes: ['is a setting'] }],
    },
  ],
});
