import { chromeAiAnalyzer } from '../../../src/analyzers/chrome-ai';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('chrome-ai analyzer', chromeAiAnalyzer, {
  valid: [
    { name: "protobufjs's Writer.create() is no built-in AI writer", code: `import { Writer } from 'protobufjs/minimal';\nexport function encode(value: number) {\n  const writer = Writer.create();\n  writer.uint32(value);\n  return writer.finish();\n}` },
    { name: "the app's own Summarizer class (declared in the file) is not Chrome's", code: `class Summarizer {\n  static create() { return new Summarizer(); }\n  summarize(text: string) { return text.slice(0, 100); }\n}\nexport const short = (text: string) => Summarizer.create().summarize(text);` },
    { name: "an imported LanguageModel is the app's, not the browser's", code: `import { LanguageModel } from './models';\nexport async function run(input: string) {\n  const session = await LanguageModel.create({ name: 'local' });\n  return session.prompt(input);\n}`, files: { 'src/models.ts': `export class LanguageModel {\n  static async create(options: { name: string }) { return new LanguageModel(); }\n  async prompt(input: string) { return input; }\n}` } },
    { name: 'checking availability sends no request', code: `export async function ready() {\n  const availability = await LanguageModel.availability();\n  return availability === 'available';\n}\ndeclare const LanguageModel: { availability(): Promise<string> };` },
    { name: 'a prompt() of something no built-in factory made (inquirer-style)', code: `import inquirer from 'inquirer';\nexport async function askName() {\n  return inquirer.prompt([{ name: 'name', message: 'Your name?' }]);\n}` },
  ],
  invalid: [
    {
      name: "a session made with the current global LanguageModel.create, its system prompt and the user's question",
      code: `export async function answer(question: string) {
  const session = await LanguageModel.create({ systemPrompt: 'You answer questions about the open web page in one paragraph.' });
  return session.prompt(question);
}`,
      calls: [{ line: 3, method: 'LanguageModel.prompt', provider: 'local', endpoint: 'chat', model: 'gemini-nano', modelSource: 'default-param', features: { streaming: false, tools: false }, promptIncludes: ['open web page'], evidenceIncludes: ["end user's device", 'LanguageModel.create() at case.ts:2'] }],
    },
    {
      name: "the Prompt API's initialPrompts (its current form of a system prompt) and a prompt given as messages",
      code: `export async function classify(ticket: string) {
  const session = await LanguageModel.create({ initialPrompts: [{ role: 'system', content: 'Label the support ticket as billing, bug or question.' }] });
  return session.prompt([{ role: 'user', content: ticket }]);
}`,
      calls: [{ line: 3, method: 'LanguageModel.prompt', model: 'gemini-nano', promptIncludes: ['Label the support ticket'], holeKinds: ['interpolation'] }],
    },
    {
      name: "earlier Chrome's window.ai.languageModel and ai.createTextSession through a local `ai`, streamed",
      code: `export async function* stream(text: string) {
  const ai = (window as any).ai;
  const session = ai.languageModel ? await ai.languageModel.create() : await ai.createTextSession();
  const chunks = session.promptStreaming(text);
  for await (const chunk of chunks) yield chunk;
}`,
      calls: [{ line: 4, method: 'LanguageModel.promptStreaming', model: 'gemini-nano', features: { streaming: true } }],
    },
    {
      name: "a session kept on the instance, made by the app's own factory in another module (page-assist's ChatChromeAI)",
      code: `import { createSession } from './chrome';
export class ChromeChat {
  session?: Awaited<ReturnType<typeof createSession>>;
  async initialize() {
    this.session = await createSession({ temperature: 0.8, topK: 40 });
  }
  async *streamReply(prompt: string) {
    if (!this.session) await this.initialize();
    yield* this.session!.promptStreaming(prompt);
  }
}`,
      files: {
        'src/chrome.ts': `export const createSession = async (options: object) => {
  if (typeof (globalThis as any).LanguageModel !== 'undefined') {
    const session = await (globalThis as any).LanguageModel.create({ ...options });
    return session;
  }
  throw new Error('Chrome AI is not available.');
};`,
      },
      calls: [{ line: 9, method: 'LanguageModel.promptStreaming', model: 'gemini-nano', features: { streaming: true }, evidenceIncludes: ['LanguageModel.create() at chrome.ts:3'] }],
    },
    {
      name: 'the task APIs on the same model: Summarizer with its shared context, a streamed Writer, a Proofreader',
      code: `declare const Summarizer: any;
export async function tldr(article: string) {
  const summarizer = await Summarizer.create({ type: 'tldr', sharedContext: 'A product review' });
  return summarizer.summarize(article);
}
export async function* draft(topic: string) {
  const writer = await (self as any).Writer.create({ tone: 'casual' });
  yield* writer.writeStreaming(topic);
}
export async function check(text: string) {
  const proofreader = await (globalThis as any).Proofreader.create();
  return proofreader.proofread(text);
}`,
      calls: [
        { line: 4, method: 'Summarizer.summarize', endpoint: 'completion', model: 'gemini-nano', promptIncludes: ['A product review'], features: { streaming: false } },
        { line: 8, method: 'Writer.writeStreaming', endpoint: 'completion', model: 'gemini-nano', features: { streaming: true } },
        { line: 12, method: 'Proofreader.proofread', endpoint: 'completion', model: 'gemini-nano' },
      ],
    },
  ],
});
