import { workersAiAnalyzer } from '../../../src/analyzers/workers-ai';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('workers-ai analyzer', workersAiAnalyzer, {
  valid: [
    { name: "run() of other objects (a task runner, a Durable Object's stub), with no Workers AI model and no binding", code: `declare const runner: { run(name: string, input: object): Promise<void> };\ndeclare const env: { TASKS: { run(x: string): void } };\nexport async function go() {\n  await runner.run('nightly', { messages: [] });\n  env.TASKS.run('@cf-internal');\n}` },
    { name: 'a search of another object named autorag, not on the binding', code: `declare const search: { autorag(name: string): { aiSearch(o: object): Promise<string> } };\nexport const answer = search.autorag('docs').aiSearch({ query: 'q' });` },
  ],
  invalid: [
    {
      name: "env.AI.run with chat messages and tools, a prompt, an embedding and an image model: each model's task; a parameter typed Ai",
      code: `interface Env { AI: Ai }
export async function handle(env: Env, question: string, tools: object[]) {
  await env.AI.run('@cf/meta/llama-3.3-70b-instruct-fp8-fast', { messages: [{ role: 'system', content: 'You are a weather bot.' }, { role: 'user', content: question }], tools, stream: true });
  await env.AI.run('@cf/baai/bge-base-en-v1.5', { text: [question] });
  return env.AI.run('@cf/black-forest-labs/flux-1-schnell', { prompt: 'A lighthouse at dawn' });
}
export async function summarize(ai: Ai, model: string, text: string) {
  return ai.run(model, { prompt: 'Summarize in one sentence: ' + text, max_tokens: 60 });
}`,
      calls: [
        { line: 3, method: 'AI.run', sdk: 'workers-ai', provider: 'cloudflare-workers-ai', endpoint: 'chat', model: '@cf/meta/llama-3.3-70b-instruct-fp8-fast', features: { streaming: true, tools: true }, promptIncludes: ['You are a weather bot.'] },
        { line: 4, method: 'AI.run', provider: 'cloudflare-workers-ai', endpoint: 'embedding', model: '@cf/baai/bge-base-en-v1.5' },
        { line: 5, method: 'AI.run', provider: 'cloudflare-workers-ai', endpoint: 'image-generation', model: '@cf/black-forest-labs/flux-1-schnell' },
        { line: 8, method: 'AI.run', provider: 'cloudflare-workers-ai', endpoint: 'completion', model: null, promptIncludes: ['Summarize in one sentence'], evidenceIncludes: ['typed Ai'] },
      ],
    },
    {
      name: "a Workers AI model id on a receiver the scan cannot trace (this.ai handed in), and an AutoRAG search with and without its model",
      code: `export class Classifier {
  constructor(private ai: { run(model: string, input: object): Promise<unknown> }, private env: { AI: Ai }) {}
  async isSpam(text: string) {
    return this.ai.run('@cf/meta/llama-3.1-8b-instruct', { messages: [{ role: 'user', content: 'Is this spam? ' + text }] });
  }
  async answer(query: string) {
    await this.env.AI.autorag('docs').aiSearch({ query, model: '@cf/meta/llama-3.3-70b-instruct-sd' });
    return this.env.AI.autorag('docs').aiSearch({ query });
  }
}`,
      calls: [
        { line: 4, method: 'AI.run', provider: 'cloudflare-workers-ai', model: '@cf/meta/llama-3.1-8b-instruct', evidenceIncludes: ['with a Workers AI model id'] },
        { line: 7, method: 'autorag.aiSearch', provider: 'cloudflare-workers-ai', endpoint: 'chat', model: '@cf/meta/llama-3.3-70b-instruct-sd' },
        { line: 8, method: 'autorag.aiSearch', provider: 'cloudflare-workers-ai', model: null, evidenceIncludes: ["the AutoRAG instance's own model"] },
      ],
    },
    {
      name: "the binding copied into the app's settings object when the Worker starts (`this.AI_BINDING = source.AI`), run with a model the user configures; a field set from anything else is no binding",
      code: `class Environment {
  AI_BINDING: { run(model: string, input: object): Promise<unknown> } | null = null;
  QUEUE: { run(name: string, input: object): Promise<unknown> } | null = null;
  merge(source: any) {
    this.AI_BINDING = source.AI;
    this.QUEUE = source.TASKS;
  }
}
export const ENV = new Environment();
export async function draw(model: string, prompt: string) {
  await ENV.QUEUE!.run(model, { prompt });
  return ENV.AI_BINDING!.run(model, { prompt });
}`,
      calls: [{ line: 12, method: 'AI.run', provider: 'cloudflare-workers-ai', endpoint: 'completion', evidenceIncludes: ["which Environment sets to the Worker's AI binding (`source.AI`)"] }],
    },
  ],
});
