import { groqAnalyzer } from '../../../src/analyzers/groq';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('groq analyzer', groqAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// groq.chat.completions.create({ model: 'llama-3.1-8b-instant' })\nexport const doc = "groq.chat.completions.create({})";` },
    { name: 'the OpenAI SDK is the openai analyzer\'s', code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nclient.chat.completions.create({ model: 'gpt-4o', messages: [] });` },
    { name: 'an untraced client not named groq', code: `export const f = (client: any) => client.chat.completions.create({ model: 'llama-3.3-70b-versatile', messages: [] });` },
    { name: 'listing models', code: `import Groq from 'groq-sdk';\nconst groq = new Groq();\nawait groq.models.list();` },
  ],
  invalid: [
    {
      name: 'chat completion with JSON mode and tools',
      code: `import Groq from 'groq-sdk';
const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
export async function route(query: string) {
  return groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_completion_tokens: 50,
    response_format: { type: 'json_object' },
    tools: [{ type: 'function', function: { name: 'search_kb', parameters: {} } }],
    messages: [{ role: 'system', content: 'Route the query to a team.' }, { role: 'user', content: query }],
  });
}`,
      calls: [{ line: 4, column: 10, method: 'chat.completions.create', provider: 'groq', endpoint: 'chat', model: 'llama-3.1-8b-instant', maxOutputTokens: 50, features: { structuredOutput: true, tools: true }, toolNames: ['search_kb'], promptIncludes: ['Route the query to a team.', '{{query}}'] }],
    },
    {
      name: 'audio transcription; a client from another module; stream flag; untraced groq receiver',
      files: { 'src/clients.ts': `import { Groq } from 'groq-sdk';\nexport const groqClient = new Groq();\n` },
      code: `import { groqClient } from './clients';
await groqClient.audio.transcriptions.create({ model: 'whisper-large-v3-turbo', file });
await groqClient.chat.completions.create({ model: 'qwen/qwen3-32b', stream: true, messages: [] });
export const g = (ctx: any) => ctx.groqClient.chat.completions.create({ model: 'openai/gpt-oss-20b', messages: [] });`,
      calls: [
        { line: 2, method: 'audio.transcriptions.create', endpoint: 'audio-transcription', model: 'whisper-large-v3-turbo' },
        { line: 3, model: 'qwen/qwen3-32b', features: { streaming: true } },
        { line: 4, provider: 'groq', model: 'openai/gpt-oss-20b' },
      ],
    },
  ],
});
