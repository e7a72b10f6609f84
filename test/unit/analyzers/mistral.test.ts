import { mistralAnalyzer } from '../../../src/analyzers/mistral';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('mistral analyzer', mistralAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// mistral.chat.complete({ model: 'mistral-small-latest' })\nexport const doc = "client.chat({ model: 'mistral-tiny' })";` },
    { name: 'a chat() method of an unrelated client', code: `import { StreamChat } from 'stream-chat';\nconst client = new StreamChat('key');\nclient.chat({ model: 'x' });\nexport const c = (bot: any) => bot.chat.complete({ model: 'gpt-4o', messages: [] });` },
    { name: 'listing models', code: `import { Mistral } from '@mistralai/mistralai';\nconst mistral = new Mistral({ apiKey: 'k' });\nawait mistral.models.list();` },
  ],
  invalid: [
    {
      name: 'v1 client: chat.complete, chat.stream, embeddings, fim; response format',
      code: `import { Mistral } from '@mistralai/mistralai';
const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY ?? '' });
await mistral.chat.complete({ model: 'mistral-small-latest', maxTokens: 256, responseFormat: { type: 'json_object' }, messages: [{ role: 'system', content: 'Extract names as JSON.' }, { role: 'user', content: text }] });
const stream = await mistral.chat.stream({ model: 'mistral-large-latest', messages: [{ role: 'user', content: 'Tell me a story' }] });
await mistral.embeddings.create({ model: 'mistral-embed', inputs: ['a', 'b'] });
await mistral.fim.complete({ model: 'codestral-latest', prompt: 'def fib(n):', suffix: 'return r' });`,
      calls: [
        { line: 3, method: 'chat.complete', provider: 'mistral', model: 'mistral-small-latest', maxOutputTokens: 256, features: { structuredOutput: true }, promptIncludes: ['Extract names as JSON.'] },
        { line: 4, method: 'chat.stream', model: 'mistral-large-latest', features: { streaming: true } },
        { line: 5, method: 'embeddings.create', endpoint: 'embedding', model: 'mistral-embed' },
        { line: 6, method: 'fim.complete', endpoint: 'completion', model: 'codestral-latest', promptIncludes: ['def fib(n):'] },
      ],
    },
    {
      name: 'legacy v0 MistralClient; an untraced client with a Mistral model',
      code: `import MistralClient from '@mistralai/mistralai';
const client = new MistralClient(process.env.MISTRAL_API_KEY);
await client.chat({ model: 'open-mixtral-8x7b', messages: [{ role: 'user', content: 'hi' }] });
export const run = (deps: any) => deps.llm.chat.complete({ model: 'ministral-8b-latest', messages: [] });`,
      calls: [
        { line: 3, method: 'chat', model: 'open-mixtral-8x7b' },
        { line: 4, method: 'chat.complete', model: 'ministral-8b-latest' },
      ],
    },
  ],
});
