import { convexAgentAnalyzer } from '../../../src/analyzers/convex-agent';
import { runAnalyzerTests } from './tester';

const AGENT = `import { groq } from '@ai-sdk/groq';
import { Agent } from '@convex-dev/agent';
declare const components: { agent: object };
export const supportAgent = new Agent(components.agent, {
  chat: groq('llama-3.3-70b-versatile'),
  instructions: 'You are the support assistant of a small business.',
});
`;

runAnalyzerTests('convex-agent analyzer', convexAgentAnalyzer, {
  valid: [
    { name: "an agent's thread bookkeeping and a RAG's listing send nothing to a model; another library's generateText and search", files: { 'src/agent.ts': AGENT }, code: `import { supportAgent } from './agent';\nimport { RAG } from '@convex-dev/rag';\ndeclare const components: { rag: object };\nconst rag = new RAG(components.rag, { textEmbeddingModel: undefined as never, embeddingDimension: 3 });\nexport async function list(ctx: object, threadId: string) {\n  await supportAgent.createThread(ctx, {});\n  await rag.list(ctx, { namespaceId: 'n' });\n  const other = { generateText: (input: object) => input, search: (input: object) => input };\n  other.generateText({ prompt: 'hi' });\n  return other.search({ query: 'q' });\n}` },
  ],
  invalid: [
    {
      name: "an agent made in another module run with tools (the model its `chat` option holds, the run's prompt after the agent's instructions), and a thread continueThread hands back",
      files: { 'src/agent.ts': AGENT },
      code: `import { supportAgent } from './agent';
declare const search: object;
export async function reply(ctx: object, threadId: string, prompt: string) {
  await supportAgent.generateText(ctx, { threadId }, { prompt, tools: { searchTool: search } });
  const { thread } = await supportAgent.continueThread(ctx, { threadId });
  return thread.generateObject({ prompt: 'Classify the conversation as resolved or not.', schema: undefined as never });
}`,
      calls: [
        { line: 4, method: 'agent.generateText', provider: 'groq', endpoint: 'chat', model: 'llama-3.3-70b-versatile', promptIncludes: ['support assistant of a small business'], features: { tools: true, multiStep: true, structuredOutput: false } },
        { line: 6, method: 'thread.generateObject', provider: 'groq', model: 'llama-3.3-70b-versatile', promptIncludes: ['Classify the conversation'], features: { structuredOutput: true } },
      ],
    },
    {
      name: "a RAG component's add (the text embedded) and search (the query embedded) with the embedding model it is made with",
      code: `import { google } from '@ai-sdk/google';
import { RAG } from '@convex-dev/rag';
declare const components: { rag: object };
const rag = new RAG(components.rag, { textEmbeddingModel: google.textEmbeddingModel('gemini-embedding-001'), embeddingDimension: 3072 });
export async function upload(ctx: object, text: string, query: string) {
  await rag.add(ctx, { namespace: 'org', text, key: 'file.md' });
  return rag.search(ctx, { namespace: 'org', query, limit: 5 });
}`,
      calls: [
        { line: 6, method: 'rag.add', provider: 'google', endpoint: 'embedding', model: 'gemini-embedding-001' },
        { line: 7, method: 'rag.search', provider: 'google', endpoint: 'embedding', model: 'gemini-embedding-001' },
      ],
    },
  ],
});
