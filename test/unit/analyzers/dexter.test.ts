import { dexterAnalyzer } from '../../../src/analyzers/dexter';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('dexter analyzer', dexterAnalyzer, {
  valid: [
    {
      name: 'making a model, a runner and an extract function sends nothing; run() of other objects is none',
      code: `import { ChatModel, createAIRunner, createAIExtractFunction } from '@dexaai/dexter';
import { z } from 'zod';
const chatModel = new ChatModel({ params: { model: 'gpt-4o-mini' } });
export const runner = createAIRunner({ chatModel, functions: [] });
export const extract = createAIExtractFunction({ chatModel, schema: z.object({ name: z.string() }), name: 'extract_name' });
const job = { run: (input: object) => input };
job.run({ messages: [] });`,
    },
  ],
  invalid: [
    {
      name: 'a runner with functions, called with the question: tool use, the model asked again with each result',
      code: `import { ChatModel, createAIRunner } from '@dexaai/dexter';
import { weatherFunctions } from './weather';
export async function main() {
  const runner = createAIRunner({
    chatModel: new ChatModel({ params: { model: 'gpt-4o-mini', temperature: 0 } }),
    functions: weatherFunctions,
    systemMessage: 'You are a helpful assistant. Be as concise as possible.',
  });
  return runner('What is the weather in San Francisco?');
}`,
      calls: [{ line: 9, method: 'createAIRunner', sdk: 'dexter', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', features: { tools: true, multiStep: true }, promptIncludes: ['Be as concise as possible', 'weather in San Francisco'] }],
    },
    {
      name: "a chat model's and an embedding model's run()",
      code: `import { ChatModel, EmbeddingModel } from '@dexaai/dexter';
const chat = new ChatModel({ params: { model: 'gpt-4o', max_tokens: 300 } });
const embedder = new EmbeddingModel({ params: { model: 'text-embedding-3-small' } });
export const reply = chat.run({ messages: [{ role: 'user', content: 'Name three rivers in France.' }] });
export const vectors = (texts: string[]) => embedder.run({ input: texts });`,
      calls: [
        { line: 4, method: 'ChatModel.run', endpoint: 'chat', model: 'gpt-4o', maxOutputTokens: 300, promptIncludes: ['three rivers in France'] },
        { line: 5, method: 'EmbeddingModel.run', endpoint: 'embedding', model: 'text-embedding-3-small' },
      ],
    },
  ],
});
