import * as assert from 'node:assert/strict';
import { scanProject } from '../fixtureProject';

/** A LangGraph graph (one package) whose nodes call `model.invoke()`; the web client (another package) streams its runs. */
const GRAPH_FILES: Record<string, string> = {
  'package.json': '{ "name": "canvas", "private": true, "workspaces": ["apps/*"] }',
  'apps/agents/package.json': '{ "name": "agents", "dependencies": { "@langchain/openai": "^0.5.0", "@langchain/langgraph": "^0.3.0" } }',
  'apps/agents/src/nodes/reply.ts': `import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI({ model: 'gpt-4o-mini' });
export async function replyToUser(state: { question: string }) {
  const reply = await model.invoke([{ role: 'user', content: 'Answer the question: ' + state.question }]);
  return { reply: reply.content };
}
`,
  'apps/agents/src/nodes/route.ts': `import { ChatOpenAI } from '@langchain/openai';
const model = new ChatOpenAI({ model: 'gpt-4o-mini' });
export async function routeQuery(state: { question: string }) {
  const route = await model.invoke([{ role: 'user', content: 'Reply "chat" or "search" for: ' + state.question }]);
  return { route: route.content };
}
`,
  'apps/agents/src/graph.ts': `import { StateGraph, START, END } from '@langchain/langgraph';
import { replyToUser } from './nodes/reply.js';
import { routeQuery } from './nodes/route.js';
export const graph = new StateGraph({} as never)
  .addNode("routeQuery", routeQuery)
  .addNode("replyToUser", replyToUser)
  .addEdge(START, "routeQuery")
  .addEdge("routeQuery", "replyToUser")
  .addEdge("replyToUser", END)
  .compile();
`,
};

const EVENTS_CLIENT = `import { Client } from '@langchain/langgraph-sdk';
export async function run(threadId: string, input: unknown, show: (text: string) => void) {
  const stream = new Client().runs.stream(threadId, 'agent', { input, streamMode: "events" });
  for await (const chunk of stream) {
    const { event, metadata, data } = chunk.data;
    const langgraphNode = metadata?.langgraph_node;
    if (event === "on_chain_start") {
      if (langgraphNode === "routeQuery") show('routing...');
    }
    if (event === "on_chat_model_stream") {
      if (["replyToUser"].includes(langgraphNode)) show(data.chunk.content);
    }
  }
}
`;

describe('LangGraph nodes whose tokens a client of the graph streams', () => {
  it("a node's own request is streamed when the client shows that node's on_chat_model_stream tokens; a node it only watches start is not", async () => {
    const result = await scanProject({ ...GRAPH_FILES, 'apps/web/src/stream.ts': EVENTS_CLIENT }, 'graph-streaming-');
    const reply = result.callSites.find((site) => site.file === 'apps/agents/src/nodes/reply.ts');
    const route = result.callSites.find((site) => site.file === 'apps/agents/src/nodes/route.ts');
    assert.ok(reply && route, JSON.stringify(result.callSites.map((site) => site.file)));
    assert.equal(reply.features.streaming, true, reply.evidence.join('\n'));
    assert.ok(reply.evidence.some((line) => line.includes('node "replyToUser" of the graph at apps/agents/src/graph.ts:6') && line.includes('apps/web/src/stream.ts')), reply.evidence.join('\n'));
    assert.equal(route.features.streaming, false);
  });

  it('with no client streaming the graph, the nodes stay single requests', async () => {
    const result = await scanProject(GRAPH_FILES, 'graph-streaming-');
    assert.equal(result.callSites.length, 2);
    for (const site of result.callSites) assert.equal(site.features.streaming, false, site.file);
  });
});
