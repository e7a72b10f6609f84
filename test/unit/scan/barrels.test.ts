import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import type { ScanResult } from '../../../src/model/types';

/** A project whose feature files reach their clients and models only through `index.ts` barrels. */
const PROJECT: Record<string, string> = {
  'src/llm/client.ts': `import OpenAI from 'openai';\nexport const openai = new OpenAI();\n`,
  'src/llm/model.ts': `import { ChatOpenAI } from '@langchain/openai';\nconst llm = new ChatOpenAI({ model: 'gpt-4o-mini' });\nexport default llm;\n`,
  'src/llm/fast.ts': `import { ChatAnthropic } from '@langchain/anthropic';\nexport const fast = new ChatAnthropic({ model: 'claude-3-5-haiku-latest' });\n`,
  'src/llm/summarize.ts': `import { openai } from './client';\nexport async function summarizeArticle(text: string) {\n  return openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: text }] });\n}\n`,
  'src/llm/index.ts': `export * from './client';\nexport { default as llm } from './model';\nexport * from './summarize';\nimport { fast } from './fast';\nexport { fast };\n`,
  'src/index.ts': `export * from './llm';\n`,
  // None of these names an SDK or a request shape the prefilter knows: only the barrels make them relevant.
  'src/features/images.ts': `import { openai } from '../llm';\nexport const cover = (title: string) => openai.images.generate({ model: 'dall-e-3', prompt: title });\n`,
  'src/features/tagline.ts': `import { llm } from '../llm/index';\nexport const tagline = (product: string) => llm.invoke(\`Tagline for \${product}\`);\n`,
  'src/features/root.ts': `import { llm } from '..';\nexport const motto = () => llm.invoke('Write a motto');\n`,
  'src/features/quick.ts': `import { fast } from '../llm';\nexport const quick = (question: string) => fast.invoke(question);\n`,
  'src/routes/articles.ts': `import { summarizeArticle } from '../llm';\nexport async function post(body: string) {\n  return summarizeArticle(body);\n}\n`,
  'src/routes/digest.ts': `import { summarizeArticle as summarize } from '../llm';\nimport * as llm from '../llm';\nexport const digest = (a: string, b: string) => [summarize(a),\n  llm.summarizeArticle(b)];\nexport const other = (x: any) => x.summarizeArticle('not ours');\n`,
  // Barrels that cycle still end, and still lead to the client.
  'src/cycle/a.ts': `export * from './b';\nexport * from '../llm/client';\n`,
  'src/cycle/b.ts': `export * from './a';\n`,
  'src/features/cyclic.ts': `import { openai } from '../cycle/b';\nexport const icon = () => openai.images.generate({ model: 'dall-e-2', prompt: 'an icon' });\n`,
  // CommonJS: a barrel of a barrel, and a model loaded with await import().
  'lib/client.js': `const OpenAI = require('openai');\nexports.openai = new OpenAI();\n`,
  'lib/index.js': `module.exports = { ...require('./client') };\n`,
  'lib/jobs/thumbnail.js': `const { openai } = require('..');\nexports.thumbnail = (title) => openai.images.generate({ model: 'gpt-image-1', prompt: title });\n`,
  'src/features/lazy.ts': `export async function lazySummary(text: string) {\n  const { llm } = await import('../llm');\n  return llm.invoke(text);\n}\n`,
  // Near-miss: a barrel of non-LLM modules; `.invoke()` there is Electron IPC.
  'src/shared/ipc.ts': `export const ipc = { invoke: (channel: string) => channel };\n`,
  'src/shared/index.ts': `export * from './ipc';\n`,
  'src/features/window.ts': `import { ipc } from '../shared';\nexport const maximize = () => ipc.invoke('maximize');\n`,
  'src/features/types.ts': `export type { LlmClient } from '../llm/types';\nimport { ipc } from '../shared';\nexport const ping = () => ipc.invoke('ping');\n`,
};

describe('clients, models and wrappers imported through barrels', () => {
  let root: string;
  let result: ScanResult;
  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'barrels-'));
    for (const [relative, text] of Object.entries(PROJECT)) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    }
    result = await scanWorkspace(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('finds calls on clients and models re-exported by barrels, also two barrels deep and through a cycle', () => {
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.sdk} ${site.method} ${site.provider} ${site.model.id}`), [
      'lib/jobs/thumbnail.js:2 openai images.generate openai gpt-image-1',
      'src/features/cyclic.ts:2 openai images.generate openai dall-e-2',
      'src/features/images.ts:2 openai images.generate openai dall-e-3',
      'src/features/lazy.ts:3 langchain invoke openai gpt-4o-mini',
      'src/features/quick.ts:2 langchain invoke anthropic claude-3-5-haiku-latest',
      'src/features/root.ts:2 langchain invoke openai gpt-4o-mini',
      'src/features/tagline.ts:2 langchain invoke openai gpt-4o-mini',
      'src/llm/summarize.ts:3 openai chat.completions.create openai gpt-4o',
    ]);
    // Callers of the wrapper, bound through the barrel, an alias and a namespace import (not `x.summarizeArticle`), hand it
    // only their text: they relay to its request.
    const wrapper = result.callSites.find((site) => site.enclosingFunction === 'summarizeArticle');
    assert.deepEqual(wrapper?.relays, [{ file: 'src/routes/articles.ts', line: 3 }, { file: 'src/routes/digest.ts', line: 3 }, { file: 'src/routes/digest.ts', line: 4 }]);
    assert.deepEqual(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'), []);
  });

  it('records callers of a wrapper imported through a barrel, also under an alias or through a namespace import', () => {
    const wrapper = result.callSites.find((site) => site.enclosingFunction === 'summarizeArticle');
    assert.deepEqual(wrapper?.callers, [{ file: 'src/routes/articles.ts', line: 3 }, { file: 'src/routes/digest.ts', line: 3 }, { file: 'src/routes/digest.ts', line: 4 }]);
  });

  it('parses only files that can reach an SDK module', () => {
    // 5 SDK modules by the prefilter; 2 + 2 + 1 barrels leading to them; 9 importers. The shared/ barrel and its importers stay unparsed.
    assert.equal(result.summary.filesParsed, 19);
    assert.equal(result.summary.filesScanned, Object.keys(PROJECT).length);
  });
});

/**
 * A monorepo whose shared package passes whole SDKs on (`export * from 'ai'`, as mongodb/chatbot's `mongodb-rag-core/aiSdk`),
 * imported by relative path inside the package and by the package's name (its `exports` pointing at build output) elsewhere.
 */
const PASSING_ON: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'monorepo', private: true, workspaces: ['packages/*'] }),
  'packages/core/package.json': JSON.stringify({ name: 'core-lib', exports: { './aiSdk': './build/aiSdk.js', './openai': './build/openai.js' } }),
  'packages/core/src/aiSdk.ts': `export * from 'ai';\nexport * from '@ai-sdk/azure';\nexport * from '@ai-sdk/openai';\n`,
  'packages/core/src/openai.ts': `export * from 'openai';\n`,
  'packages/core/src/classify.ts': `import { generateObject, createAzure } from './aiSdk';\nimport { z } from 'zod';\nconst azure = createAzure({ resourceName: 'docs' });\nexport const classify = (text: string) =>\n  generateObject({ model: azure('gpt-4.1-mini'), schema: z.object({ topic: z.string() }), prompt: \`Classify the topic of: \${text}\` });\n`,
  'packages/app/package.json': JSON.stringify({ name: 'app', dependencies: { 'core-lib': '*' } }),
  'packages/app/src/answer.ts': `import { generateText as gen } from 'core-lib/aiSdk';\nimport { openai } from 'core-lib/aiSdk';\nexport const answer = (question: string) =>\n  gen({ model: openai('gpt-4o'), prompt: \`Answer the question: \${question}\` });\n`,
  'packages/app/src/embed.ts': `import { OpenAI } from 'core-lib/openai';\nconst client = new OpenAI();\nexport const embed = (text: string) => client.embeddings.create({ model: 'text-embedding-3-small', input: text });\n`,
  // Near-miss: a module of the package passing on a non-LLM package, and an importer calling something of that.
  'packages/core/src/dates.ts': `export * from 'date-fns';\n`,
  'packages/app/src/when.ts': `import { format } from 'core-lib/dates';\nexport const today = () => format(new Date(), 'yyyy-MM-dd');\n`,
};

describe('SDKs passed on whole by a workspace package (`export * from "ai"`)', () => {
  let root: string;
  let result: ScanResult;
  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'passing-on-'));
    for (const [relative, text] of Object.entries(PASSING_ON)) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    }
    result = await scanWorkspace(root);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it("binds a name to the package the module passes it on from, the one the name names first (createAzure from '@ai-sdk/azure')", () => {
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line} ${site.sdk} ${site.method} ${site.provider} ${site.model.id}`), [
      'packages/app/src/answer.ts:4 vercel-ai generateText openai gpt-4o',
      'packages/app/src/embed.ts:3 openai embeddings.create openai text-embedding-3-small',
      'packages/core/src/classify.ts:5 vercel-ai generateObject azure-openai gpt-4.1-mini',
    ]);
  });
});
