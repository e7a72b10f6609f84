import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';
import type { CallSite, ScanResult } from '../../../src/model/types';

function sitesIn(result: ScanResult): string[] {
  return result.callSites.map((site) => `${site.file}:${site.line}`).sort();
}

function siteAt(result: ScanResult, file: string, line: number): CallSite {
  const site = result.callSites.find((candidate) => candidate.file === file && candidate.line === line);
  assert.ok(site, `no site at ${file}:${line}; sites: ${sitesIn(result).join(', ')}`);
  return site;
}

/** The app's helper, its model a parameter with a default. */
const HELPER = `import OpenAI from 'openai';
const client = new OpenAI();
export async function complete(prompt: string, model = 'gpt-4o-mini') {
  return client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }] });
}
`;

describe('a helper the app calls from one place only', () => {
  it("is one request: the helper's site, read through that call (its prompt and task), the call listed on it, counted in the totals", async () => {
    const result = await scanProject({
      'src/llm.ts': HELPER,
      'src/titles.ts': `import { complete } from './llm';\nexport async function generateTitle(conversation: string) {\n  return complete('Write a five-word title for this conversation: ' + conversation, 'gpt-4.1-nano');\n}\n`,
    }, 'sole-caller-');
    assert.deepEqual(sitesIn(result), ['src/llm.ts:4']);
    const site = siteAt(result, 'src/llm.ts', 4);
    assert.equal(site.kind ?? 'sdk', 'sdk');
    assert.equal(site.via, undefined);
    assert.deepEqual(site.relays?.map((relay) => `${relay.file}:${relay.line}`), ['src/titles.ts:3']);
    // The model the call passes, not the helper's default.
    assert.equal(site.model.id, 'gpt-4.1-nano');
    assert.ok(JSON.stringify(site).includes('Write a five-word title'), 'the prompt is the caller\'s');
    assert.equal(site.task.type, 'title-generation', site.task.reasons.join('\n'));
    assert.notEqual(site.inTotals, false);
    assert.ok(site.evidence.some((line) => line.startsWith('the app calls this helper from one place only (src/titles.ts:3, in generateTitle)')), site.evidence.join('\n'));
  });

  it("keeps the helper's default model when the call passes a value the scan cannot read", async () => {
    const result = await scanProject({
      'src/llm.ts': HELPER,
      'src/summary.ts': `import { complete } from './llm';\nexport async function summarize(text: string, settings: { model: string }) {\n  return complete('Summarize in two sentences: ' + text, settings.model);\n}\n`,
    }, 'sole-caller-model-');
    assert.deepEqual(sitesIn(result), ['src/llm.ts:4']);
    assert.equal(siteAt(result, 'src/llm.ts', 4).model.id, 'gpt-4o-mini');
  });

  it('two callers stay two call sites (one feature each), the helper priced through them', async () => {
    const result = await scanProject({
      'src/llm.ts': HELPER,
      'src/features.ts': `import { complete } from './llm';\nexport async function generateTitle(text: string) {\n  return complete('Write a five-word title for: ' + text);\n}\nexport async function translate(text: string) {\n  return complete('Translate to French: ' + text);\n}\n`,
    }, 'two-callers-');
    assert.deepEqual(sitesIn(result), ['src/features.ts:3', 'src/features.ts:6', 'src/llm.ts:4']);
    assert.equal(siteAt(result, 'src/features.ts', 3).kind, 'wrapper-caller');
    assert.equal(siteAt(result, 'src/llm.ts', 4).inTotals, false);
  });

  it("is no sole caller when a test calls the helper too, nor when the call is itself a helper other features go through", async () => {
    const tested = await scanProject({
      'src/llm.ts': HELPER,
      'src/titles.ts': `import { complete } from './llm';\nexport async function generateTitle(text: string) {\n  return complete('Write a five-word title for: ' + text);\n}\n`,
      'test/llm.test.ts': `import { complete } from '../src/llm';\nit('answers', async () => {\n  await complete('Write a five-word title for: a chat about trains');\n});\n`,
    }, 'sole-caller-tested-');
    assert.ok(sitesIn(tested).includes('src/titles.ts:3'), sitesIn(tested).join(', '));
    const layered = await scanProject({
      'src/llm.ts': HELPER,
      'src/ask.ts': `import { complete } from './llm';\nexport async function ask(question: string, context: string) {\n  return complete('Answer from the context only.\\nContext: ' + context + '\\nQuestion: ' + question);\n}\n`,
      'src/routes.ts': `import { ask } from './ask';\nexport const faq = (question: string) => ask(question, 'Opening hours: 9 to 5.');\nexport const support = (question: string, ticket: string) => ask('Classify this support ticket as bug, billing or other: ' + question, ticket);\n`,
    }, 'sole-caller-layered-');
    // ask() is the helper's only caller, but the routes reach the request through it: it stays their helper.
    assert.ok(sitesIn(layered).includes('src/ask.ts:3'), sitesIn(layered).join(', '));
  });
});
