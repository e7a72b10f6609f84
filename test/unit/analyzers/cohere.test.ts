import { cohereAnalyzer } from '../../../src/analyzers/cohere';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('cohere analyzer', cohereAnalyzer, {
  valid: [
    { name: 'another SDK with chat/embed methods', code: `import { OpenAI } from 'openai';\nconst cohere = new OpenAI();\n(cohere as any).chat({ model: 'command-r', message: 'hi' });` },
    { name: 'a comment and a string naming the API', code: `// cohere.chat({ model: 'command-r', message })\nexport const doc = "cohere.embed({ texts })";` },
    { name: 'chat() and embed() of other objects', code: `const bot = { chat: (o: object) => o, embed: (o: object) => o };\nbot.chat({ model: 'command-r', message: 'hi' });\nexport const f = (cohere: any) => cohere.chat({ model: 'command-r', message: 'hi' });` },
  ],
  invalid: [
    {
      name: "an optional SDK loaded when first used: a loader handed \`() => import('cohere-ai')\`, the client made by the class's own method",
      code: `async function loadPeer(pkg: string, load: () => Promise<any>): Promise<any> {
  try { return await load(); } catch { throw new Error(\`npm install \${pkg}\`); }
}
export class CohereReranker {
  private clientInstance?: any;
  private async getClient(): Promise<any> {
    if (this.clientInstance) return this.clientInstance;
    this.clientInstance = await this.createClient();
    return this.clientInstance;
  }
  private async createClient(): Promise<any> {
    const sdk = await loadPeer('cohere-ai', () => import('cohere-ai'));
    return new sdk.CohereClient({ token: process.env.COHERE_API_KEY });
  }
  async rerank(query: string, documents: string[]) {
    const client = await this.getClient();
    return client.rerank({ model: 'rerank-v3.5', query, documents });
  }
}`,
      calls: [{ line: 17, method: 'rerank', provider: 'cohere', model: 'rerank-v3.5' }],
    },
    {
      name: 'v1 chat with preamble, embed and rerank',
      code: `import { CohereClient } from 'cohere-ai';
const cohere = new CohereClient({ token: process.env.COHERE_API_KEY });
await cohere.chat({ model: 'command-r-plus', preamble: 'You are a support agent.', message: question, maxTokens: 300 });
await cohere.embed({ model: 'embed-english-v3.0', texts: docs, inputType: 'search_document' });
await cohere.rerank({ model: 'rerank-english-v3.0', query: question, documents: docs });`,
      calls: [
        { line: 3, method: 'chat', provider: 'cohere', endpoint: 'chat', model: 'command-r-plus', maxOutputTokens: 300, promptIncludes: ['You are a support agent.', '{{question}}'] },
        { line: 4, method: 'embed', endpoint: 'embedding', model: 'embed-english-v3.0', holeKinds: ['rag-context'] },
        { line: 5, method: 'rerank', endpoint: 'other', model: 'rerank-english-v3.0' },
      ],
    },
    {
      name: 'v2 client with messages and streaming',
      code: `import { CohereClientV2 } from 'cohere-ai';
const co = new CohereClientV2({});
const stream = await co.chatStream({ model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Draft a welcome email' }] });`,
      calls: [{ line: 3, method: 'chatStream', model: 'command-a-03-2025', features: { streaming: true }, promptIncludes: ['Draft a welcome email'] }],
    },
  ],
});
