import { portkeyAnalyzer } from '../../../src/analyzers/portkey';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('portkey analyzer', portkeyAnalyzer, {
  valid: [
    { name: "OpenAI's own client is the openai analyzer's", code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nexport const reply = client.chat.completions.create({ model: 'gpt-4o', messages: [] });` },
    { name: 'listing the gateway\'s models', code: `import Portkey from 'portkey-ai';\nconst portkey = new Portkey({ apiKey: 'x' });\nexport const models = portkey.models.list();` },
  ],
  invalid: [
    {
      name: 'a chat completion through a virtual key, streamed, the model the caller picks',
      code: `import Portkey from 'portkey-ai';
export async function ask(model: string, prompt: string) {
  const portkey = new Portkey({ apiKey: process.env.PORTKEY_API_KEY, virtualKey: process.env.PORTKEY_BEDROCK_VIRTUAL_KEY });
  return portkey.chat.completions.create({ model, stream: true, messages: [{ role: 'system', content: 'Answer in markdown.' }, { role: 'user', content: prompt }] });
}`,
      calls: [{ line: 4, method: 'chat.completions.create', provider: 'portkey', endpoint: 'chat', model: null, features: { streaming: true }, promptIncludes: ['Answer in markdown.', '{{prompt}}'], evidenceIncludes: ["sent through Portkey's gateway"] }],
    },
  ],
});
