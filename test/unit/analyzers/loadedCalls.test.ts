import * as assert from 'node:assert/strict';
import { Project } from 'ts-morph';
import { loadedCallsOf } from '../../../src/analyzers/shared/modelValue';

/**
 * Two adapters declaring a function of the same name (joplin-plugin-jarvis's `openai.query_completion` and
 * `google.query_completion`, whose parameters differ): the calls of one are only those that reach it.
 */
describe('loadedCallsOf: calls of a module-level function', () => {
  it('leaves out the same name called through another module (a namespace import, a named import, that module calling its own)', () => {
    const project = new Project({ useInMemoryFileSystem: true });
    const openai = project.createSourceFile('/src/openai.ts', `export async function queryCompletion(prompt: string, apiKey: string, model: string) {\n  return fetch('https://api.openai.com/v1/completions', { method: 'POST', body: JSON.stringify({ model, prompt }) });\n}\nexport const retry = (prompt: string, key: string, model: string) => queryCompletion(prompt, key, model);\n`);
    project.createSourceFile('/src/google.ts', `export async function queryCompletion(ai: object, modelId: string, prompt: string): Promise<string> {\n  if (!ai) return queryCompletion({}, modelId, 'test prompt');\n  return prompt;\n}\n`);
    project.createSourceFile('/src/models.ts', `import * as google from './google';\nimport * as openai from './openai';\nimport { queryCompletion as askGemini } from './google.js';\nimport { queryCompletion } from './openai';\nexport const a = () => google.queryCompletion({}, 'gemini-2.0-flash', 'Ack?');\nexport const b = (key: string) => openai.queryCompletion('Hello', key, 'gpt-3.5-turbo-instruct');\nexport const c = () => askGemini({}, 'gemini-2.0-flash', 'Ack?');\nexport const d = (key: string) => queryCompletion('Hi', key, 'davinci-002');\n`);
    const declared = openai.getFunctionOrThrow('queryCompletion');
    const calls = loadedCallsOf(declared, 'queryCompletion').map((call) => `${call.getSourceFile().getBaseName()}:${call.getStartLineNumber()}`);
    assert.deepEqual(calls.sort(), ['models.ts:6', 'models.ts:8', 'openai.ts:4']);
  });
});
