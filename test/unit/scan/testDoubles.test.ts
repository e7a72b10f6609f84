import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanWorkspace } from '../../../src/scan/scan';
import { scanProject } from '../fixtureProject';

describe("a test's requests to stand-ins it makes itself", () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'test-doubles-'));
    mkdirSync(path.join(root, 'src'), { recursive: true });
    writeFileSync(path.join(root, 'src', 'model.ts'), `import { createOpenAI } from '@ai-sdk/openai';
export function chatModel(options: { baseUrl?: string; fetch?: typeof fetch }) {
  return createOpenAI({ baseURL: options.baseUrl, fetch: options.fetch })('gpt-4o-mini');
}
`);
    // A server the test starts, named as the base URL; a fetch the test declares; and a local model server it does not start (a real request).
    writeFileSync(path.join(root, 'src', 'model.test.ts'), `import { generateText } from 'ai';
import { createServer } from 'node:http';
import { chatModel } from './model';
export async function blocksPrivateHosts() {
  const server = createServer((_req, res) => res.end('{}')).listen(0);
  await generateText({ model: chatModel({ baseUrl: \`http://127.0.0.1:\${server.address()}/v1\` }), prompt: 'Hello' });
  server.close();
}
export async function sendsTheBody() {
  const fetch = Object.assign(async (_input: unknown) => new Response('{}'), { preconnect: () => undefined });
  await generateText({ model: chatModel({ baseUrl: 'https://example.com/v1', fetch }), prompt: 'Hello' });
}
export async function againstOllama() {
  await generateText({ model: chatModel({ baseUrl: 'http://localhost:11434/v1' }), prompt: 'Say hi in French.' });
}
`);
    // The same shapes outside a test are requests.
    writeFileSync(path.join(root, 'src', 'local.ts'), `import { generateText } from 'ai';
import { chatModel } from './model';
export async function localAnswer(question: string) {
  return generateText({ model: chatModel({ baseUrl: 'http://127.0.0.1:8080/v1' }), prompt: question });
}
`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('drops the requests to a server the test starts and through a fetch it declares, with a diagnostic each; keeps the rest', async () => {
    const result = await scanWorkspace(root, { now: () => new Date(0) });
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line}`), ['src/local.ts:4', 'src/model.test.ts:14']);
    const notes = result.diagnostics.filter((diagnostic) => /a test double/.test(diagnostic.message)).map((diagnostic) => `${diagnostic.file}:${diagnostic.line} ${/server the test starts/.test(diagnostic.message) ? 'server' : 'fetch'}`);
    assert.deepEqual(notes.sort(), ['src/model.test.ts:11 fetch', 'src/model.test.ts:6 server']);
  });
});

describe('callers of a helper whose request needs the model they hand in', () => {
  it("lists only the callers handing a LiveKit session its LLM: a session started with none asks no model (agents-js's agent_task test)", async () => {
    const sessions = `import { voice } from '@livekit/agents';
import * as openai from '@livekit/agents-plugin-openai';
async function startSession(agent: voice.Agent, options?: { llm?: openai.LLM }) {
  const session = new voice.AgentSession({ llm: options?.llm });
  await session.start({ agent });
  return session;
}
export async function tasksFinishOnTheirOwn(agent: voice.Agent) {
  await startSession(agent);
  await startSession(agent, {});
}
export async function asksTheModel(agent: voice.Agent) {
  await startSession(agent, { llm: new openai.LLM({ model: 'gpt-4o-mini' }) });
}
`;
    const result = await scanProject({ 'src/agent_task.test.ts': sessions }, 'model-handed-in-');
    const lines = [...result.callSites.map((site) => site.line), ...result.callSites.flatMap((site) => (site.relays ?? []).map((relay) => relay.line))].sort((a, b) => a - b);
    assert.deepEqual(lines, [5, 13]);
  });
});
