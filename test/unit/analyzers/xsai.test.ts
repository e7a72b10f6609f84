import { xsaiAnalyzer } from '../../../src/analyzers/xsai';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('xsai analyzer', xsaiAnalyzer, {
  valid: [
    { name: "the AI SDK's generateText is the vercel-ai analyzer's", code: `import { generateText } from 'ai';\nexport const reply = generateText({ model: 'gpt-4o-mini', prompt: 'hi' });` },
    { name: 'a local generateText', code: `function generateText(options: object) { return options; }\nexport const reply = generateText({ baseURL: 'https://api.openai.com/v1/', model: 'gpt-4o-mini' });` },
  ],
  invalid: [
    {
      name: "generateText with tools against OpenAI's base URL: OpenAI's, asked again with each tool result",
      code: `import { generateText } from 'xsai';
import { weatherTools } from './tools';
export async function main() {
  const result = await generateText({
    apiKey: process.env.OPENAI_API_KEY!,
    baseURL: 'https://api.openai.com/v1/',
    model: 'gpt-4o-mini',
    tools: weatherTools,
    messages: [
      { role: 'system', content: 'You are a helpful assistant. Be as concise as possible.' },
      { role: 'user', content: 'What is the weather in San Francisco?' },
    ],
  });
  return result.text;
}`,
      calls: [{ line: 4, method: 'generateText', sdk: 'xsai', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', features: { tools: true, multiStep: true }, promptIncludes: ['weather in San Francisco'] }],
    },
    {
      name: 'an embedding from a part package against a local Ollama server',
      code: `import { embed } from '@xsai/embed';\nexport const vector = (text: string) => embed({ baseURL: 'http://localhost:11434/v1/', model: 'nomic-embed-text', input: text });`,
      calls: [{ line: 2, method: 'embed', provider: 'ollama', endpoint: 'embedding', model: 'nomic-embed-text' }],
    },
  ],
});
