import * as path from 'node:path';
import type { DetectedCall } from '../../model/types';
import { lineAtOffset } from './settings';
import type { WorkspaceFile } from './wrapperCallers';

/**
 * A client reading a LangGraph run's model tokens as they stream: the `on_chat_model_stream` events of
 * `streamMode: 'events'` (or `streamEvents`), or the message chunks of `streamMode: 'messages'`.
 */
const TOKEN_STREAM_TEXT = /on_chat_model_stream|streamMode\s*:\s*(?:\[[^\]]*)?["'`]messages["'`]/;

/** A graph registering a node: `.addNode("generateArtifact", generateArtifact)`. */
const ADD_NODE = /\.addNode\(\s*["'`]([\w-]+)["'`]\s*,\s*([A-Za-z_$][\w$]*)\s*[,)]/g;

/** The node a streamed event comes from, compared with names: `langgraphNode === "x"`, `"x" === metadata.langgraph_node`. */
const NODE_COMPARED = /[\w$.]*langgraph_?node\w*\s*===?\s*["'`]([\w-]+)["'`]|["'`]([\w-]+)["'`]\s*===?\s*[\w$.]*langgraph_?node\w*/gi;

/** ... or looked up in a list: `["generateFollowup", "replyToGeneralInput"].includes(langgraphNode)`. */
const NODE_IN_LIST = /\[([^[\]]*)\]\s*\.includes\(\s*[\w$.]*langgraph_?node\w*\s*\)/gi;

interface StreamedNode {
  /** Where a client reads the node's tokens as they come. */
  reader: string;
}

interface GraphNode {
  node: string;
  /** `file:line` of the `.addNode` call. */
  where: string;
  /** The module the node's function is imported from (relative path without extension), or the graph's own. */
  module: string;
  fn: string;
}

/**
 * LangGraph apps call `model.invoke()` inside their graph's nodes and stream the run to the user (`client.runs.stream(...,
 * { streamMode: 'events' })`): LangChain then streams every model call of the run, and the client shows the tokens of the
 * nodes it picks by name. A request made directly in the function of such a node is streamed to the user, whatever its own
 * call says (a helper the node calls first, such as a structured side step, is left as it is). Read from text alone (graphs and clients often live in different packages of a monorepo): the node names a
 * client compares the streamed events' `langgraph_node` with, and the functions graphs register under those names.
 */
export async function markStreamedGraphNodes(detected: DetectedCall[], files: readonly WorkspaceFile[], readText: (absolutePath: string) => Promise<string | null>, signal?: AbortSignal): Promise<void> {
  if (!detected.some((call) => call.sdk === 'langchain' && !call.features.streaming)) return;
  const streamed = new Map<string, StreamedNode>();
  const nodes: GraphNode[] = [];
  for (const file of files) {
    signal?.throwIfAborted();
    const text = await readText(file.absolutePath);
    if (text === null) continue;
    if (/langgraph_?node/i.test(text) && TOKEN_STREAM_TEXT.test(text)) {
      for (const name of streamedNodeNames(tokenHandlingText(text))) if (!streamed.has(name)) streamed.set(name, { reader: file.relativePath });
    }
    if (text.includes('.addNode(')) nodes.push(...graphNodes(file.relativePath, text));
  }
  if (streamed.size === 0 || nodes.length === 0) return;
  const byFunction = new Map<string, GraphNode>();
  for (const node of nodes) if (streamed.has(node.node)) byFunction.set(`${node.module}#${node.fn}`, node);
  // New objects, not edits: a file's analysis may be cached and reused by a later scan.
  detected.forEach((call, index) => {
    // A helper the node calls (a structured side step before the answer) is not what the client shows; the node's own request is.
    if (call.features.streaming || !call.enclosingFunction || call.via) return;
    const node = byFunction.get(`${withoutExtension(call.file)}#${call.enclosingFunction}`) ?? byFunction.get(`${withoutExtension(call.file).replace(/\/index$/, '')}#${call.enclosingFunction}`);
    if (!node) return;
    const basis = `streaming: run as node "${node.node}" of the graph at ${node.where}, whose model tokens ${streamed.get(node.node)!.reader} reads as they stream (LangGraph stream events for that node)`;
    detected[index] = { ...call, features: { ...call.features, streaming: true }, evidence: [...call.evidence, basis] };
  });
}

/**
 * The code handling token events: the blocks following each `on_chat_model_stream` (`if (event === "on_chat_model_stream")
 * { ... }`), not those of the run's other events (a node's start, its end); the whole text for `streamMode: 'messages'`,
 * which streams tokens only.
 */
function tokenHandlingText(text: string): string {
  if (!text.includes('on_chat_model_stream')) return text;
  const blocks: string[] = [];
  for (const match of text.matchAll(/on_chat_model_stream/g)) {
    const open = text.indexOf('{', match.index);
    if (open < 0 || open - match.index > 200) continue;
    let depth = 0;
    let end = open;
    for (; end < text.length; end++) {
      if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    blocks.push(text.slice(open, end + 1));
  }
  return blocks.join('\n');
}

function streamedNodeNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(NODE_COMPARED)) names.push(match[1] ?? match[2]);
  for (const match of text.matchAll(NODE_IN_LIST)) for (const literal of match[1].matchAll(/["'`]([\w-]+)["'`]/g)) names.push(literal[1]);
  return names;
}

/** The nodes a file's graphs register, each with the module its function comes from (`import { fn } from './nodes/fn.js'`). */
function graphNodes(relativePath: string, text: string): GraphNode[] {
  const found: GraphNode[] = [];
  for (const match of text.matchAll(ADD_NODE)) {
    const [, node, fn] = match;
    const line = lineAtOffset(text, match.index);
    const imported = new RegExp(`import\\s*\\{[^}]*\\b${fn.replace(/\$/g, '\\$')}\\b[^}]*\\}\\s*from\\s*["'\`](\\.{1,2}/[^"'\`]+)["'\`]`).exec(text);
    const module = imported ? withoutExtension(path.posix.join(path.posix.dirname(relativePath), imported[1])) : withoutExtension(relativePath);
    found.push({ node, where: `${relativePath}:${line}`, module, fn });
  }
  return found;
}

function withoutExtension(relativePath: string): string {
  return relativePath.replace(/\.(?:[cm]?[jt]sx?)$/, '');
}
