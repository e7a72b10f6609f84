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

describe("a test's requests to the app's own server on this machine", () => {
  it("drops a test's fetch to a localhost path the workspace's gateway routes; keeps one to a path nothing routes, one to Ollama's port, and the gateway's own request", async () => {
    const result = await scanProject(
      {
        // The gateway under test: it routes /v1/messages and sends the request on to the model API.
        'src/index.ts': `import Anthropic from '@anthropic-ai/sdk';
const anthropic = new Anthropic();
export default {
  async fetch(request: Request) {
    const path = new URL(request.url).pathname;
    if (path === '/v1/messages' && request.method === 'POST') {
      const body = await request.json();
      return Response.json(await anthropic.messages.create({ ...body, model: 'claude-haiku-4-5', max_tokens: 512 }));
    }
    return new Response('not found', { status: 404 });
  },
};
`,
        'src/test/proxy.test.ts': `const HOST = process.env.TEST_HOST || 'http://localhost:8787';
export async function proxiesMessages() {
  return fetch(\`\${HOST}/v1/messages\`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: 'Hello' }] }) });
}
export async function completesChats() {
  return fetch('http://localhost:8787/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [] }) });
}
export async function asksOllama() {
  return fetch('http://localhost:11434/api/chat', { method: 'POST', body: JSON.stringify({ model: 'llama3.2', messages: [] }) });
}
`,
      },
      'own-server-',
    );
    assert.deepEqual(result.callSites.map((site) => `${site.file}:${site.line}`).sort(), ['src/index.ts:8', 'src/test/proxy.test.ts:6', 'src/test/proxy.test.ts:9']);
    const note = result.diagnostics.find((diagnostic) => diagnostic.file === 'src/test/proxy.test.ts' && diagnostic.line === 3);
    assert.equal(note?.message, "not reported: the fetch /v1/messages request here goes to the app's own server on localhost:8787, whose src/index.ts handles /v1/messages, not to a model (a test double)");
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
