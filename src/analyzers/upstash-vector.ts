import { Node, type CallExpression } from 'ts-morph';
import type { DetectedCall } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { embeddedTextTurn } from './shared/prompt';
import { resolveClientOrigin, type ClientOrigin } from './shared/clients';
import { getObjectProperty, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, traceValue } from './shared/sdk';

/**
 * Upstash Vector (`@upstash/vector`): an index created with an embedding model embeds raw text itself. Upserting or
 * updating `{ id, data }` and querying with `{ data }` send the text to Upstash, which embeds it with the index's model
 * before storing or searching ("Upserts the raw text data after embedding it", https://upstash.com/docs/vector/api/endpoints/upsert-data;
 * "the vectorization is done automatically by your selected model", https://upstash.com/docs/vector/features/embeddingmodels).
 * Those calls are embedding requests served and billed by Upstash. The model is picked when the index is created
 * (console or API), never in the calling code, so it stays unknown. Calls passing `vector` (the app's own embedding)
 * and fetch/range/delete are storage, not reported.
 */
const UPSTASH_VECTOR_PACKAGE = '@upstash/vector';

/** Index methods that embed the `data` they are given, and what the text is: stored documents or a search query. */
const INDEX_METHODS: Readonly<Record<string, 'documents' | 'queries'>> = {
  upsert: 'documents',
  update: 'documents',
  query: 'queries',
  queryMany: 'queries',
  resumableQuery: 'queries',
};

export const upstashVectorAnalyzer: Analyzer = {
  id: 'upstash-vector',
  packages: [UPSTASH_VECTOR_PACKAGE],
  analyze: eachCall((call, context) => analyzeCall(call, context), (name) => Object.hasOwn(INDEX_METHODS, name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(INDEX_METHODS, callee.getName())) return undefined;
  // A text-embedding call names `data` in its request where it is made; `.query(` and `.update(` are everywhere else.
  if (!/\bdata\b/.test(call.getArguments()[0]?.getText() ?? '')) return undefined;
  const text = embeddedText(call.getArguments()[0], context);
  if (!text) return undefined;
  const index = upstashIndex(callee.getExpression(), context);
  if (!index) return undefined;
  const method = callee.getName();
  const embeds = INDEX_METHODS[method];
  return toDetectedCall(call, context, {
    provider: 'upstash',
    sdk: 'upstash-vector',
    method: `index.${method}`,
    endpoint: 'embedding',
    model: { id: null, raw: '', source: 'dynamic' },
    messages: [embeddedTextTurn(text, embeds)],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [
      ...index.evidence,
      `\`data\` is raw text: Upstash embeds ${embeds === 'documents' ? 'the text it stores' : 'the query text'} with the index's embedding model (the request happens inside Upstash)`,
      "model unknown: the index's embedding model is chosen when the index is created, not in the code",
    ],
  });
}

/**
 * The raw text a call hands Upstash to embed: `data` of the request object, or of the first of a list of them
 * (`upsert([{ id, data, metadata }])`, `queryMany([{ data }])`), when it sends no vector of its own.
 */
function embeddedText(argument: Node | undefined, context: AnalyzerContext): string | undefined {
  if (!argument) return undefined;
  const value = unwrapExpression(argument);
  const requests = Node.isArrayLiteralExpression(value) ? value.getElements() : [value];
  for (const request of requests) {
    const object = resolveObjectLiteral(request, context.modules);
    if (!object || getObjectProperty(object, 'vector', context.modules) || getObjectProperty(object, 'sparseVector', context.modules)) continue;
    const data = getObjectProperty(object, 'data', context.modules);
    if (data) return data.getText().slice(0, 60);
  }
  return undefined;
}

/** The receiver as an Upstash index: `new Index(...)` of the package (also through `index.namespace(...)`), or `Index.fromEnv()`. */
function upstashIndex(receiver: Node, context: AnalyzerContext): Pick<ClientOrigin, 'evidence'> | undefined {
  let node = unwrapExpression(receiver);
  // `index.namespace('docs').query(...)`: a namespace of the index takes the same requests.
  if (Node.isCallExpression(node)) {
    const factory = unwrapExpression(node.getExpression());
    if (Node.isPropertyAccessExpression(factory) && factory.getName() === 'namespace') node = factory.getExpression();
  }
  const origin = resolveClientOrigin(node, context.modules);
  if (origin) return origin.packageName === UPSTASH_VECTOR_PACKAGE && origin.className === 'Index' ? origin : undefined;
  const made = traceValue(node, context.modules);
  if (Node.isCallExpression(made)) {
    const factory = unwrapExpression(made.getExpression());
    if (Node.isPropertyAccessExpression(factory) && factory.getName() === 'fromEnv') {
      const binding = calleeBinding(factory.getExpression(), context.modules);
      if (binding?.packageName === UPSTASH_VECTOR_PACKAGE && binding.importedName === 'Index') return { evidence: [`index created with Index.fromEnv() at line ${made.getStartLineNumber()}`] };
    }
  }
  return undefined;
}
