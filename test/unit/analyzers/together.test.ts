import { togetherAnalyzer } from '../../../src/analyzers/together';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('together analyzer', togetherAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// together.chat.completions.create({ model: 'x' })\nexport const doc = "together.images.create({})";` },
    { name: 'Groq chat completions are not Together', code: `import Groq from 'groq-sdk';\nconst together = new Groq();\ntogether.chat.completions.create({ model: 'x', messages: [] });` },
    { name: 'an images.create of an unrelated client', code: `import Docker from 'dockerode';\nconst docker = new Docker();\ndocker.images.create({ fromImage: 'node' });` },
    { name: "OpenAI's streaming helper is not Together's", code: `import OpenAI from 'openai';\nconst together = new OpenAI({ baseURL: process.env.BASE_URL });\ntogether.chat.completions.stream({ model: 'gpt-4o-mini', messages: [] });` },
  ],
  invalid: [
    {
      name: 'chat, embeddings and images on a Together client',
      code: `import Together from 'together-ai';
const together = new Together();
await together.chat.completions.create({ model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', max_tokens: 512, messages: [{ role: 'user', content: 'Write a limerick about GPUs' }] });
await together.embeddings.create({ model: 'BAAI/bge-large-en-v1.5', input: passage });
await together.images.create({ model: 'black-forest-labs/FLUX.1-schnell', prompt: 'a cat in a spacesuit' });`,
      calls: [
        { line: 3, provider: 'together', endpoint: 'chat', model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', maxOutputTokens: 512, promptIncludes: ['limerick'] },
        { line: 4, method: 'embeddings.create', endpoint: 'embedding', model: 'BAAI/bge-large-en-v1.5', holeKinds: ['rag-context'] },
        { line: 5, method: 'images.create', endpoint: 'image-generation', model: 'black-forest-labs/FLUX.1-schnell', promptIncludes: ['spacesuit'] },
      ],
    },
    {
      name: 'a method cast before the call (to pass a field the SDK types lack): the call is still the SDK request',
      code: `import Together from 'together-ai';
let together = new Together();
export async function generate(model: string, imageUrl: string) {
  return (together.chat.completions.create as Function)({ model, stream: true, reasoning: { enabled: false }, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: imageUrl } }] }] });
}
export const embed = (input: string) => (<any>together.embeddings.create)({ model: 'BAAI/bge-large-en-v1.5', input });`,
      calls: [
        { line: 4, provider: 'together', endpoint: 'chat', method: 'chat.completions.create' },
        { line: 6, method: 'embeddings.create', endpoint: 'embedding', model: 'BAAI/bge-large-en-v1.5' },
      ],
    },
    {
      name: 'the streaming helper, and transcription on a client from a factory function',
      code: `import { Together } from 'together-ai';
function getTogetherClient() {
  return new Together({ apiKey: process.env.TOGETHER_API_KEY });
}
export function bio(prompt: string) {
  const together = getTogetherClient();
  return together.chat.completions.stream({ model: 'openai/gpt-oss-20b', max_tokens: 200, messages: [{ role: 'user', content: prompt }] });
}
export async function transcribe(fileUrl: string) {
  return getTogetherClient().audio.transcriptions.create({ file: fileUrl, model: 'openai/whisper-large-v3' });
}
export async function rank(query: string, documents: string[]) {
  return getTogetherClient().rerank.create({ model: 'Salesforce/Llama-Rank-V1', query, documents });
}`,
      calls: [
        { line: 7, method: 'chat.completions.stream', provider: 'together', endpoint: 'chat', model: 'openai/gpt-oss-20b', features: { streaming: true }, maxOutputTokens: 200 },
        { line: 10, method: 'audio.transcriptions.create', endpoint: 'audio-transcription', model: 'openai/whisper-large-v3' },
        { line: 13, method: 'rerank.create', endpoint: 'rerank', model: 'Salesforce/Llama-Rank-V1' },
      ],
    },
  ],
});
