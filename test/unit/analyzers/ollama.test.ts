import { ollamaAnalyzer } from '../../../src/analyzers/ollama';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('ollama analyzer', ollamaAnalyzer, {
  valid: [
    { name: 'a comment and a string naming the API', code: `// await ollama.chat({ model: 'llama3.1' })\nexport const doc = "ollama.generate({ model: 'llava' })";` },
    { name: 'chat() on an unrelated object', code: `import { io } from 'socket.io-client';\nconst ollama = io();\nollama.chat({ model: 'llama3.1', messages: [] });` },
    { name: 'pulling and listing models', code: `import ollama from 'ollama';\nawait ollama.pull({ model: 'llama3.1' });\nawait ollama.list();` },
  ],
  invalid: [
    {
      name: 'default instance: chat with options, generate with images, embed',
      code: `import ollama from 'ollama';
await ollama.chat({ model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Why is the sky blue?' }], options: { num_predict: 128 }, format: 'json' });
await ollama.generate({ model: 'llava', prompt: 'Describe the picture', images: [photo], system: 'Be concise.' });
await ollama.embed({ model: 'nomic-embed-text', input: chunk });`,
      calls: [
        { line: 2, method: 'chat', provider: 'ollama', endpoint: 'chat', model: 'llama3.1:8b', maxOutputTokens: 128, features: { structuredOutput: true }, promptIncludes: ['Why is the sky blue?'] },
        { line: 3, method: 'generate', endpoint: 'completion', model: 'llava', features: { vision: true }, promptIncludes: ['Be concise.', 'Describe the picture'] },
        { line: 4, method: 'embed', endpoint: 'embedding', model: 'nomic-embed-text' },
      ],
    },
    {
      name: 'new Ollama({ host }) in a class; streaming chat',
      code: `import { Ollama } from 'ollama';
export class LocalLlm {
  private client = new Ollama({ host: 'http://gpu-box:11434' });
  stream(messages: any[]) { return this.client.chat({ model: 'qwen2.5:14b', messages, stream: true }); }
}`,
      calls: [{ line: 4, provider: 'ollama', model: 'qwen2.5:14b', features: { streaming: true }, holeKinds: ['history'] }],
    },
  ],
});
