import { langchainAnalyzer } from '../../../src/analyzers/langchain';
import { openaiAnalyzer } from '../../../src/analyzers/openai';
import { togetherAnalyzer } from '../../../src/analyzers/together';
import { vercelAiAnalyzer } from '../../../src/analyzers/vercel-ai';
import { runAnalyzerTests } from './tester';

// Prompts written elsewhere (builders, replace chains, prompt files) and the features that decide viability
// (forced tools, structured output, multi-step loops), read where real apps put them.

runAnalyzerTests('prompts built elsewhere (openai)', openaiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'a systemPrompt() builder in another file, its parameter a hole',
      files: { 'src/prompts.ts': `export function systemPrompt(style: string) {\n  return \`Write a git commit message for the staged diff. Style: \${style}. Subject under 50 characters.\`;\n}\n` },
      code: `import OpenAI from 'openai';\nimport { systemPrompt } from './prompts';\nconst openai = new OpenAI();\nexport async function commit(diff: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: systemPrompt('conventional') }, { role: 'user', content: diff }] });\n}\n`,
      calls: [{ line: 5, promptIncludes: ['Write a git commit message for the staged diff', '{{style}}'] }],
    },
    {
      name: 'a builder returning { system, user }: prompt.system is the returned system text',
      files: { 'src/prompts.ts': `export function gradingPrompt(answer: string) {\n  return { system: \`You are a strict grader. Reply PASS or FAIL.\`, user: \`Answer: \${answer}\` };\n}\n` },
      code: `import OpenAI from 'openai';\nimport { gradingPrompt } from './prompts';\nconst openai = new OpenAI();\nexport async function grade(answer: string) {\n  const prompt = gradingPrompt(answer);\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: prompt.system }, { role: 'user', content: prompt.user }] });\n}\n`,
      calls: [{ line: 6, promptIncludes: ['You are a strict grader', 'Answer: ', '{{answer}}'] }],
    },
    {
      name: 'TEMPLATE.replace() chains fill placeholders with holes',
      files: { 'src/prompts.ts': `export const TITLE_PROMPT = \`Generate a concise title of 3-5 words for this conversation:\\n{conversation}\\n\\nContext: {context}\`;\n` },
      code: `import OpenAI from 'openai';\nimport { TITLE_PROMPT } from './prompts';\nconst openai = new OpenAI();\nexport async function title(conversation: string, context: string) {\n  const prompt = TITLE_PROMPT.replace('{conversation}', conversation).replace('{context}', context);\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] });\n}\n`,
      calls: [{ line: 6, promptIncludes: ['Generate a concise title of 3-5 words', '{{conversation}}', '{{context}}'] }],
    },
    {
      name: 'a prompt file read with readFileSync(path.join(__dirname, ...))',
      files: { 'src/prompts/translate.md': 'Translate the user text into French. Keep the formatting.\n' },
      code: `import OpenAI from 'openai';\nimport { readFileSync } from 'node:fs';\nimport * as path from 'node:path';\nconst openai = new OpenAI();\nconst SYSTEM = readFileSync(path.join(__dirname, 'prompts/translate.md'), 'utf8');\nexport async function translate(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: SYSTEM }, { role: 'user', content: text }] });\n}\n`,
      calls: [{ line: 7, promptIncludes: ['Translate the user text into French'] }],
    },
    {
      name: 'a prompt written with a dedent tag in another file is its template text, holes and all',
      files: { 'src/prompts.ts': `import dedent from 'dedent';\nexport const architectPrompt = dedent\`\n  You are an expert software architect. Produce an implementation plan for the app the user describes.\n\`;\nexport const reviewPrompt = (lang: string) => stripIndent\`Review this \${lang} code.\`;\ndeclare function stripIndent(s: TemplateStringsArray, ...v: unknown[]): string;\n` },
      code: `import OpenAI from 'openai';\nimport { architectPrompt, reviewPrompt } from './prompts';\nconst openai = new OpenAI();\nexport async function plan(idea: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: architectPrompt }, { role: 'user', content: idea }] });\n}\nexport async function review(code: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: reviewPrompt('go') }, { role: 'user', content: code }] });\n}\n`,
      calls: [
        { line: 5, promptIncludes: ['You are an expert software architect', 'implementation plan'] },
        { line: 8, promptIncludes: ['Review this ', ' code.'] },
      ],
    },
    {
      name: 'a `let` text started empty and filled later is a hole, not an empty prompt',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function speak(chunks: AsyncIterable<string>) {\n  let answer = '';\n  for await (const chunk of chunks) answer += chunk;\n  const spoken = answer || 'nothing to say';\n  return openai.audio.speech.create({ model: 'tts-1', voice: 'alloy', input: spoken });\n}\n`,
      calls: [{ line: 7, holeKinds: ['interpolation'] }],
    },
    {
      name: 'a short field of something big is an interpolation: the last word of the name decides, a called builder keeps its kind',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\ndeclare function buildPrompt(input: { messages: string[] }): string;\nexport async function label(document: { markdown: string; metadata?: { url: string } }, ctx: { countryCode: string }, documentType: string, messages: string[]) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`URL: \${document.metadata?.url}\\nCountry: \${ctx.countryCode}\\nType: \${documentType}\\n\${document.markdown}\\n\${buildPrompt({ messages })}\` }] });\n}\n`,
      calls: [{ line: 5, holeKinds: ['interpolation', 'interpolation', 'interpolation', 'rag-context', 'history'] }],
    },
    {
      name: "an app's context object is not retrieved text: its field decides (a summary, a list of prompts), unless the field is retrieved text itself",
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function follow(context: { summary: string; suggestedPrompts: string[]; documents: string[] }, question: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Context: \${context.summary}. Follow-ups: \${context.suggestedPrompts.join(', ')}.\\n\${context.documents.join('\\n')}\` }, { role: 'user', content: question }] });\n}\n`,
      calls: [{ line: 4, holeKinds: ['interpolation', 'interpolation', 'rag-context', 'interpolation'] }],
    },
    {
      name: 'a constant list in another file mapped through a template and joined is counted text, not a hole',
      files: { 'src/markdown.ts': `export const allowedTags = ['a', 'b', 'code', 'pre'];\n` },
      code: `import OpenAI from 'openai';\nimport { allowedTags } from './markdown';\nconst openai = new OpenAI();\nconst BULLET = '- ';\nexport async function reply(question: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Use only these HTML elements: \${allowedTags.map((tag) => \`<\${tag}>\`).join(', ')}\\nTags:\\n\${allowedTags.filter(Boolean).map(function (tag) { return BULLET + tag; }).join('\\n')}\` }, { role: 'user', content: question }] });\n}\n`,
      calls: [{ line: 6, promptIncludes: ['Use only these HTML elements: <a>, <b>, <code>, <pre>\nTags:\n- a\n- b\n- code\n- pre'], holeKinds: ['interpolation'] }],
    },
    {
      name: 'a list mapped through anything but a template over its item stays a hole',
      files: { 'src/markdown.ts': `export const allowedTags = ['a', 'b'];\nexport function wrap(tag: string) { return tag; }\n` },
      code: `import OpenAI from 'openai';\nimport { allowedTags, wrap } from './markdown';\nconst openai = new OpenAI();\nexport async function reply(question: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: \`Use only: \${allowedTags.map((tag) => wrap(tag)).join(', ')}\` }, { role: 'user', content: question }] });\n}\n`,
      calls: [{ line: 5, promptIncludes: ['Use only: {{allowedTags.map((tag) => wrap(tag)).join'], holeKinds: ['interpolation', 'interpolation'] }],
    },
    {
      name: 'a secret-looking file is never read as a prompt',
      files: { 'src/.env': 'OPENAI_API_KEY=sk-secret\n' },
      code: `import OpenAI from 'openai';\nimport { readFileSync } from 'node:fs';\nconst openai = new OpenAI();\nexport async function leak() {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'system', content: readFileSync(__dirname + '/.env', 'utf8') }] });\n}\n`,
      calls: [{ line: 5, holeKinds: ['file-content'] }],
    },
    {
      name: 'a forced tool is structured output; tools by variable still count',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nconst tools = [{ type: 'function' as const, function: { name: 'route_query', parameters: {} } }];\nexport async function route(q: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: q }], tools, tool_choice: { type: 'function', function: { name: 'route_query' } } });\n}\n`,
      calls: [{ line: 5, toolNames: ['route_query'], features: { tools: true, structuredOutput: true, multiStep: false } }],
    },
    {
      name: 'tools added by a conditional spread are tools',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function complete(messages: any[], functions: any[] = []) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages, ...(functions.length > 0 ? { tools: functions } : {}) });\n}\n`,
      calls: [{ line: 4, features: { tools: true } }],
    },
    {
      name: 'a request function handed to a prompt-based tool router with the tool list uses tools',
      files: { 'src/untooled.ts': `export class UnTooled {\n  async complete(messages: any[], functions: any[], chat: (input: { messages: any[] }) => Promise<string | null>) {\n    const reply = await chat({ messages: [{ role: 'system', content: JSON.stringify(functions) }, ...messages] });\n    return reply ? JSON.parse(reply) : null;\n  }\n}\n` },
      code: `import OpenAI from 'openai';\nimport { UnTooled } from './untooled';\nexport class LocalAgent extends UnTooled {\n  client = new OpenAI();\n  async #chat({ messages }: { messages: any[] }) {\n    const r = await this.client.chat.completions.create({ model: 'gpt-4o-mini', messages });\n    return r.choices[0].message.content;\n  }\n  async run(messages: any[], functions: any[]) {\n    return UnTooled.prototype.complete.call(this, messages, functions, this.#chat.bind(this));\n  }\n}\n`,
      calls: [{ line: 6, features: { tools: true } }],
    },
    {
      name: 'a request function handed on without a tool list does not use tools',
      code: `import OpenAI from 'openai';\nconst client = new OpenAI();\nasync function ask(messages: any[]) {\n  return client.chat.completions.create({ model: 'gpt-4o-mini', messages });\n}\nexport async function retried(messages: any[], attempts: number) {\n  return withRetry(ask, messages, attempts);\n}\ndeclare function withRetry(fn: unknown, messages: any[], attempts: number): Promise<unknown>;\n`,
      calls: [{ line: 4, features: { tools: false } }],
    },
    {
      name: 'a while loop that feeds tool calls back is multi-step',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nconst tools = [{ type: 'function' as const, function: { name: 'search', parameters: {} } }];\nexport async function agent(messages: any[]) {\n  for (let turn = 0; turn < 5; turn++) {\n    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages, tools });\n    const calls = r.choices[0].message.tool_calls;\n    if (!calls) return r;\n    messages.push(r.choices[0].message);\n  }\n}\n`,
      calls: [{ line: 6, features: { tools: true, multiStep: true } }],
    },
    {
      name: 'a for...of over items is a batch, not an agent loop',
      code: `import OpenAI from 'openai';\nconst openai = new OpenAI();\nexport async function many(items: string[]) {\n  for (const item of items) {\n    const r = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: item }] });\n    console.log(r.choices[0].message.tool_calls);\n  }\n}\n`,
      calls: [{ line: 5, features: { multiStep: false } }],
    },
  ],
});

runAnalyzerTests('structured output only on text endpoints (together)', togetherAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'response_format "base64" on an image endpoint is an encoding, not structured output',
      code: `import Together from 'together-ai';\nconst client = new Together();\nexport async function image(prompt: string) {\n  return client.images.create({ prompt, model: 'black-forest-labs/FLUX.1-schnell', response_format: 'base64' });\n}\n`,
      calls: [{ line: 4, endpoint: 'image-generation', features: { structuredOutput: false } }],
    },
    {
      name: 'response_format json_object on chat is structured output',
      code: `import Together from 'together-ai';\nconst client = new Together();\nexport async function facts(text: string) {\n  return client.chat.completions.create({ model: 'meta-llama/Llama-3.3-70B-Instruct-Turbo', messages: [{ role: 'user', content: text }], response_format: { type: 'json_object' } });\n}\n`,
      calls: [{ line: 4, features: { structuredOutput: true } }],
    },
  ],
});

runAnalyzerTests('multi-step AI SDK calls (vercel-ai)', vercelAiAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'stopWhen: stepCountIs(n) with tools',
      code: `import { generateText, stepCountIs, tool } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nconst search = tool({ description: 'search', inputSchema: undefined as never, execute: async () => 'x' });\nexport async function research(question: string) {\n  return generateText({ model: openai('gpt-4.1'), tools: { search }, stopWhen: stepCountIs(8), prompt: question });\n}\n`,
      calls: [{ line: 5, features: { tools: true, multiStep: true } }],
    },
    {
      name: 'maxSteps: 1 is a single request',
      code: `import { generateText } from 'ai';\nimport { openai } from '@ai-sdk/openai';\nexport async function once(question: string, tools: any) {\n  return generateText({ model: openai('gpt-4.1'), tools, maxSteps: 1, prompt: question });\n}\n`,
      calls: [{ line: 4, features: { tools: true, multiStep: false } }],
    },
  ],
});

runAnalyzerTests('forced tools in LangChain (langchain)', langchainAnalyzer, {
  valid: [],
  invalid: [
    {
      name: 'bindTools(..., { tool_choice }) is structured output with its tool',
      code: `import { ChatOpenAI } from '@langchain/openai';\nconst model = new ChatOpenAI({ model: 'gpt-4o-mini' }).bindTools([{ name: 'generate_title', description: 'title', schema: {} }], { tool_choice: 'generate_title' });\nexport async function title(text: string) {\n  return model.invoke([{ role: 'user', content: text }]);\n}\n`,
      calls: [{ line: 4, toolNames: ['generate_title'], features: { tools: true, structuredOutput: true } }],
    },
  ],
});
