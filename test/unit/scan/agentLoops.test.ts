import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';
import type { ScanResult } from '../../../src/model/types';

const PROVIDER = `import OpenAI from 'openai';
export class OpenAiProvider {
  client = new OpenAI();
  async complete(messages: any[], functions: any[] = []) {
    const r = await this.client.chat.completions.create({ model: 'gpt-4o', messages, tools: functions.map((f) => ({ type: 'function' as const, function: f })) });
    const call = r.choices[0].message.tool_calls?.[0];
    return { functionCall: call ? { name: call.function.name, arguments: call.function.arguments } : null, text: r.choices[0].message.content };
  }
}
`;

const LOOP = `import { OpenAiProvider } from './provider';
export class Agent {
  provider = new OpenAiProvider();
  handlers = new Map<string, (args: string) => Promise<string>>();
  async handleExecution(messages: any[], functions: any[], depth = 0): Promise<string | null> {
    const completion = await this.provider.complete(messages, functions);
    if (completion.functionCall && depth < 5) {
      const result = await this.handlers.get(completion.functionCall.name)!(completion.functionCall.arguments);
      return this.handleExecution([...messages, { role: 'function', name: completion.functionCall.name, content: result }], functions, depth + 1);
    }
    return completion.text;
  }
}
`;

const SINGLE = `import { OpenAiProvider } from './provider';
export async function once(messages: any[], functions: any[]) {
  const completion = await new OpenAiProvider().complete(messages, functions);
  return completion.functionCall ? completion.functionCall.name : completion.text;
}
`;

async function scan(files: Record<string, string>): Promise<ScanResult> {
  return scanProject(files, 'agent-loops-');
}

describe('agent loops kept apart from the request (framework style)', () => {
  it('a provider method called again with each tool result by a loop in another file is multi-step, and says where the loop is', async () => {
    const result = await scan({ 'src/provider.ts': PROVIDER, 'src/agent.ts': LOOP });
    const site = result.callSites.find((entry) => entry.file === 'src/provider.ts');
    assert.ok(site, JSON.stringify(result.callSites.map((entry) => entry.file)));
    assert.equal(site.features.tools, true);
    assert.equal(site.features.multiStep, true);
    assert.ok(site.evidence.some((line) => line.includes('src/agent.ts:6')), site.evidence.join('\n'));
  });

  it('the same provider called once, with no loop feeding results back, is a single request', async () => {
    const result = await scan({ 'src/provider.ts': PROVIDER, 'src/once.ts': SINGLE });
    const site = result.callSites.find((entry) => entry.file === 'src/provider.ts');
    assert.ok(site);
    assert.equal(site.features.tools, true);
    assert.equal(site.features.multiStep ?? false, false);
  });
});

/** A module helper making the request with the tool list it is handed, and a provider whose `complete` hands it its own. */
const TOOLED = `import OpenAI from 'openai';
export async function tooledComplete(client: OpenAI, model: string, messages: any[], functions: any[] = []) {
  const r = await client.chat.completions.create({ model, messages, tools: functions.map((f) => ({ type: 'function' as const, function: f })) });
  const call = r.choices[0].message.tool_calls?.[0];
  return { functionCall: call ? { name: call.function.name, arguments: call.function.arguments } : null, text: r.choices[0].message.content };
}
`;

const RELAYING_PROVIDER = `import OpenAI from 'openai';
import { tooledComplete } from './tooled';
export class OpenAiProvider {
  client = new OpenAI({ baseURL: 'https://api.groq.com/openai/v1' });
  async complete(messages: any[], functions: any[] = []) {
    return tooledComplete(this.client, 'llama-3.3-70b-versatile', messages, functions);
  }
}
`;

/**
 * A second feature calling the module helper once, with a prompt of its own and no tools: with two callers the helper's
 * request is priced through them, each a call site (a helper called from one place only is read through that call, at
 * its own request, instead).
 */
const SUMMARY = `import OpenAI from 'openai';
import { tooledComplete } from './tooled';
export async function summarize(text: string) {
  return tooledComplete(new OpenAI(), 'gpt-4o-mini', [{ role: 'user', content: \`Summarize in one line: \${text}\` }]);
}
`;

describe('agent loops reaching the request through a helper the provider hands its tools to', () => {
  it("a provider's complete handing its tool list to a module helper: the loop calling complete makes both the provider's call and the helper's request steps, not the helper's other caller", async () => {
    const result = await scan({ 'src/tooled.ts': TOOLED, 'src/provider.ts': RELAYING_PROVIDER, 'src/agent.ts': LOOP, 'src/summary.ts': SUMMARY });
    const relay = result.callSites.find((entry) => entry.file === 'src/provider.ts');
    const helper = result.callSites.find((entry) => entry.file === 'src/tooled.ts');
    const other = result.callSites.find((entry) => entry.file === 'src/summary.ts');
    assert.ok(relay && helper && other, JSON.stringify(result.callSites.map((entry) => `${entry.file}:${entry.line}`)));
    assert.equal(relay.features.multiStep, true, relay.evidence.join('\n'));
    assert.ok(relay.evidence.some((line) => line.includes('src/agent.ts:6')), relay.evidence.join('\n'));
    assert.equal(helper.features.multiStep, true, helper.evidence.join('\n'));
    assert.ok(helper.evidence.some((line) => line.includes('its caller at src/provider.ts:6')), helper.evidence.join('\n'));
    assert.equal(other.features.multiStep ?? false, false, other.evidence.join('\n'));
  });

  it("the provider's complete the helper's only caller: the helper's request, read through that call (listed on it with the loop's), is multi-step", async () => {
    const result = await scan({ 'src/tooled.ts': TOOLED, 'src/provider.ts': RELAYING_PROVIDER, 'src/agent.ts': LOOP });
    assert.deepEqual(result.callSites.map((entry) => `${entry.file}:${entry.line}`), ['src/tooled.ts:3']);
    const [helper] = result.callSites;
    assert.deepEqual(helper.relays?.map((relay) => `${relay.file}:${relay.line}`), ['src/agent.ts:6', 'src/provider.ts:6']);
    assert.equal(helper.features.multiStep, true, helper.evidence.join('\n'));
    assert.ok(helper.evidence.some((line) => line.includes('src/agent.ts:6')), helper.evidence.join('\n'));
    assert.equal(helper.model.id, 'llama-3.3-70b-versatile');
    assert.equal(helper.provider, 'groq', 'the client the provider hands it');
  });

  it('the same helper and callers with no loop: single requests', async () => {
    const result = await scan({ 'src/tooled.ts': TOOLED, 'src/provider.ts': RELAYING_PROVIDER, 'src/once.ts': SINGLE, 'src/summary.ts': SUMMARY });
    for (const site of result.callSites) assert.equal(site.features.multiStep ?? false, false, `${site.file}:${site.line}`);
  });
});
