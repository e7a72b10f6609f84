import { azureOpenaiAnalyzer } from '../../../src/analyzers/azure-openai';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('azure-openai analyzer', azureOpenaiAnalyzer, {
  valid: [
    { name: "the same method names on another package's client", code: `import { SearchClient } from '@azure/search-documents';\nconst client = new SearchClient('https://x.search.windows.net', 'index', credential);\nawait client.getCompletions('deployment', ['hi']);` },
    { name: 'a credential made, no request', code: `import { AzureKeyCredential, OpenAIClient } from '@azure/openai';\nexport const credential = new AzureKeyCredential(process.env.AZURE_OPENAI_KEY ?? '');\nexport const make = (endpoint: string) => new OpenAIClient(endpoint, credential);` },
  ],
  invalid: [
    {
      name: "1.0's client under another name, held on a class: chat (the deployment name first, the messages second), streamed chat, embeddings, images",
      code: `import { AzureKeyCredential, OpenAIClient as AzureOpenAIClient } from '@azure/openai';
export class AzureEngine {
  client: AzureOpenAIClient;
  constructor(private config: { baseURL: string; apiKey: string; model: string }) {
    this.client = new AzureOpenAIClient(this.config.baseURL, new AzureKeyCredential(this.config.apiKey));
  }
  async commitMessage(diff: string) {
    const data = await this.client.getChatCompletions(this.config.model, [{ role: 'system', content: 'Write a commit message for the diff.' }, { role: 'user', content: diff }], { maxTokens: 500 });
    const events = await this.client.streamChatCompletions('gpt-4o-mini', [{ role: 'user', content: diff }]);
    await this.client.getEmbeddings('text-embedding-3-small', [diff]);
    await this.client.getImages('dall-e-3', 'a logo for the repository', { n: 1 });
    return [data, events];
  }
}`,
      calls: [
        { line: 8, method: 'getChatCompletions', provider: 'azure-openai', endpoint: 'chat', model: null, maxOutputTokens: 500, promptIncludes: ['Write a commit message for the diff.'] },
        { line: 9, method: 'streamChatCompletions', model: 'gpt-4o-mini', features: { streaming: true } },
        { line: 10, method: 'getEmbeddings', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 11, method: 'getImages', endpoint: 'image-generation', model: 'dall-e-3', promptIncludes: ['a logo for the repository'] },
      ],
    },
  ],
});
