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
      name: "a client held in a field of the parameter's declared type (discord-ollama's `params.ollama.chat(...)` with `type ChatParams = { ollama: Ollama }` in another module)",
      files: { 'src/events.ts': `import { Ollama } from 'ollama';\nexport type ChatParams = { model: string; ollama: Ollama; msgHist: { role: string; content: string }[] };\nexport interface Untyped { ollama: unknown }\n` },
      code: `import type { ChatParams, Untyped } from './events';
export async function blockResponse(params: ChatParams) {
  return await params.ollama.chat({ model: params.model, messages: params.msgHist, stream: false });
}
export async function notAClient(params: Untyped) {
  return (params.ollama as any).chat({ model: 'x', messages: [] });
}`,
      calls: [{ line: 3, method: 'chat', provider: 'ollama', endpoint: 'chat', features: { streaming: false } }],
    },
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
      name: "a class turning the conversation's attachments into Ollama's own `images` field of a message: its chat takes images, from elsewhere; a class that only sends text does not",
      code: `import { Ollama } from 'ollama';
type Turn = { role: string; content: string; attachments?: { contentString: string }[] };
export class OllamaAgent {
  private client = new Ollama({ host: 'http://127.0.0.1:11434' });
  formatMessage(turn: Turn) {
    if (!turn.attachments) return turn;
    const images = turn.attachments.map((attachment) => attachment.contentString.split('base64,').pop() ?? '');
    const { attachments: _, ...rest } = turn;
    return { ...rest, images };
  }
  complete(turns: Turn[]) { return this.client.chat({ model: 'llava:13b', messages: turns.map((turn) => this.formatMessage(turn)) }); }
}
export class OllamaText {
  private client = new Ollama();
  complete(turns: Turn[]) { return this.client.chat({ model: 'llama3.1:8b', messages: turns.map(({ role, content }) => ({ role, content })) }); }
}`,
      calls: [
        { line: 11, model: 'llava:13b', features: { vision: true } },
        { line: 15, model: 'llama3.1:8b', features: { vision: false } },
      ],
    },
    {
      name: "the browser build imported by its file's path (`ollama/dist/browser.mjs`), as Obsidian plugins without a bundler alias do",
      code: `import { Ollama } from 'ollama/dist/browser.mjs';
export class QuizGenerator {
  private readonly ollama = new Ollama({ host: 'http://localhost:11434' });
  quiz(model: string, notes: string) { return this.ollama.generate({ model, system: 'Write quiz questions.', prompt: notes, format: 'json', stream: false }); }
  similarity(model: string, a: string, b: string) { return this.ollama.embed({ model, input: [a, b] }); }
}`,
      calls: [
        { line: 4, method: 'generate', provider: 'ollama', endpoint: 'completion', features: { structuredOutput: true }, promptIncludes: ['Write quiz questions.'] },
        { line: 5, method: 'embed', endpoint: 'embedding' },
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
    {
      name: "the client reached as `self.ollama` in a generator the method nests (`const self = this`)",
      code: `import { Ollama } from 'ollama';
export class OllamaProvider {
  private ollama = new Ollama({ host: 'http://localhost:11434' });
  async stream(messages: any[]) {
    const self = this;
    async function* parts() {
      const response = await self.ollama.chat({ model: 'llama3.1', messages, stream: true });
      for await (const part of response) yield part.message.content;
    }
    return parts();
  }
}`,
      calls: [{ line: 7, provider: 'ollama', model: 'llama3.1', features: { streaming: true } }],
    },
  ],
});
