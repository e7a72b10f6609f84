import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import type { DetectedCall, ModelRef } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { embeddedTextTurn } from './shared/prompt';
import { firstProperty, getObjectProperty, resolveObjectLiteral, unwrapExpression } from './shared/resolve';
import { calleeBinding, eachCall, readModel, traceValue } from './shared/sdk';

/**
 * Chroma (`chromadb`): a collection embeds text with the embedding function it was made with, inside the
 * client or on Chroma Cloud. Adding documents without embeddings (`collection.add({ documents })`), querying
 * by text (`collection.query({ queryTexts })`) and a Chroma Cloud search ranking by a text query
 * (`collection.search(new Search().rank(Knn({ query })))`) are embedding requests to that function's model;
 * the collection call is the site, as a LangChain vector store's is. Only collections whose embedding function
 * the code names (the `embeddingFunction` option, or a dense `VectorIndexConfig` of the collection's `schema`)
 * and is one of `EMBEDDING_FUNCTIONS` are reported: without one the client's default runs a small model locally,
 * and an app passing its own vectors (`embeddings`, `queryEmbeddings`) embeds elsewhere.
 */
const CHROMA_PACKAGE = 'chromadb';

/** Embedding function classes (from `chromadb` or an `@chroma-core/*` package): who serves the model, and the option naming it. */
const EMBEDDING_FUNCTIONS: Readonly<Record<string, { provider: string; modelOptions: readonly string[] }>> = {
  ChromaCloudQwenEmbeddingFunction: { provider: 'chroma', modelOptions: ['model'] },
  OpenAIEmbeddingFunction: { provider: 'openai', modelOptions: ['modelName', 'model', 'openai_model'] },
  CohereEmbeddingFunction: { provider: 'cohere', modelOptions: ['modelName', 'model'] },
  JinaEmbeddingFunction: { provider: 'jina', modelOptions: ['modelName', 'model'] },
  VoyageAIEmbeddingFunction: { provider: 'voyage', modelOptions: ['modelName', 'model'] },
  MistralEmbeddingFunction: { provider: 'mistral', modelOptions: ['model', 'modelName'] },
  GoogleGenerativeAiEmbeddingFunction: { provider: 'google', modelOptions: ['modelName', 'model'] },
};

/** Model enums the embedding function packages export, by `Enum.MEMBER`: their values are not in the workspace. */
const PACKAGE_MODEL_ENUMS: Readonly<Record<string, string>> = {
  // @chroma-core/chroma-cloud-qwen 0.1.12, dist/chroma-cloud-qwen.d.ts
  'ChromaCloudQwenEmbeddingModel.QWEN3_EMBEDDING_0p6B': 'Qwen/Qwen3-Embedding-0.6B',
};

/** Collection methods that make the embedding function embed text, and what they embed. */
const COLLECTION_METHODS: Readonly<Record<string, 'documents' | 'queries'>> = {
  add: 'documents',
  upsert: 'documents',
  query: 'queries',
  search: 'queries',
};

/**
 * Words the file must contain for each method to be worth resolving (`.add(` and `.search(` are everywhere: sets,
 * strings, URL params): the text an add or query sends, or the text-ranked search, is written where the call is.
 */
const METHOD_WORDS: Readonly<Record<string, string>> = { add: 'documents', upsert: 'documents', query: 'queryTexts', search: 'Knn' };

/** Client methods handing out a collection, whose options name its embedding function or schema. */
const COLLECTION_FACTORIES = new Set(['getOrCreateCollection', 'createCollection', 'getCollection']);

export const chromaAnalyzer: Analyzer = {
  id: 'chroma',
  packages: [CHROMA_PACKAGE],
  analyze: eachCall((call, context) => analyzeCall(call, context), (name) => Object.hasOwn(COLLECTION_METHODS, name)),
};

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee) || !Object.hasOwn(COLLECTION_METHODS, callee.getName())) return undefined;
  const method = callee.getName();
  if (!call.getSourceFile().getFullText().includes(METHOD_WORDS[method])) return undefined;
  const embeds = COLLECTION_METHODS[method];
  const text = embeddedText(call, method, context);
  if (!text) return undefined;
  const collection = collectionCreation(callee.getExpression(), context);
  if (!collection) return undefined;
  const embedder = embeddingFunctionOf(collection, context);
  if (!embedder) return undefined;
  return toDetectedCall(call, context, {
    provider: embedder.provider,
    sdk: 'chroma',
    method: `collection.${method}`,
    endpoint: 'embedding',
    model: embedder.model,
    messages: [embeddedTextTurn(text, embeds)],
    maxOutputTokens: null,
    features: { streaming: false, tools: false, vision: false, structuredOutput: false },
    toolNames: [],
    evidence: [...embedder.evidence, `the collection (line ${collection.getStartLineNumber()}) embeds ${embeds === 'documents' ? 'the documents it stores' : 'the query text it searches with'} with this embedding function (the requests happen inside Chroma)`],
  });
}

/**
 * The text a collection call embeds, as an expression: `documents` of an add/upsert that passes no `embeddings`,
 * `queryTexts` of a query, or the text `query` of a `Knn(...)` rank built in the function making a search.
 */
function embeddedText(call: CallExpression, method: string, context: AnalyzerContext): string | undefined {
  if (method === 'search') return knnTextQuery(call, context);
  const options = resolveObjectLiteral(call.getArguments()[0], context.modules);
  if (!options || !Node.isObjectLiteralExpression(options)) return undefined;
  if (method === 'query') return getObjectProperty(options, 'queryTexts', context.modules) ? 'queryTexts' : undefined;
  if (getObjectProperty(options, 'embeddings', context.modules) || options.getProperties().some(Node.isSpreadAssignment)) return undefined;
  const documents = getObjectProperty(options, 'documents', context.modules);
  return documents ? documents.getText().slice(0, 60) : undefined;
}

/** `Knn({ query, ... })` from `chromadb` in the function making the search, whose query is not a vector literal. */
function knnTextQuery(call: CallExpression, context: AnalyzerContext): string | undefined {
  const fn = call.getFirstAncestor((node) => Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isArrowFunction(node) || Node.isFunctionExpression(node));
  for (const knn of (fn ?? call.getSourceFile()).getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const binding = calleeBinding(knn.getExpression(), context.modules);
    if (binding?.packageName !== CHROMA_PACKAGE || binding.importedName !== 'Knn') continue;
    const query = getObjectProperty(resolveObjectLiteral(knn.getArguments()[0], context.modules), 'query', context.modules);
    if (query && !Node.isArrayLiteralExpression(unwrapExpression(query))) return query.getText().slice(0, 60);
  }
  return undefined;
}

/** The `client.getOrCreateCollection({...})` call a collection value came from, on a client of `chromadb`. */
function collectionCreation(receiver: Node, context: AnalyzerContext): CallExpression | undefined {
  const made = traceValue(receiver, context.modules);
  if (!Node.isCallExpression(made)) return undefined;
  const factory = unwrapExpression(made.getExpression());
  if (!Node.isPropertyAccessExpression(factory) || !COLLECTION_FACTORIES.has(factory.getName())) return undefined;
  const client = traceValue(factory.getExpression(), context.modules);
  if (!Node.isNewExpression(client)) return undefined;
  return calleeBinding(client.getExpression(), context.modules)?.packageName === CHROMA_PACKAGE ? made : undefined;
}

/** The embedding function a collection is made with: its `embeddingFunction` option, or the one of a dense index of its `schema`. */
function embeddingFunctionOf(collection: CallExpression, context: AnalyzerContext): { provider: string; model: ModelRef; evidence: string[] } | undefined {
  const options = resolveObjectLiteral(collection.getArguments()[0], context.modules);
  const direct = getObjectProperty(options, 'embeddingFunction', context.modules);
  const schema = getObjectProperty(options, 'schema', context.modules);
  const candidates = direct ? [direct] : schema ? denseIndexEmbeddingFunctions(schema, context) : [];
  for (const candidate of candidates) {
    const made = traceValue(candidate, context.modules);
    if (!Node.isNewExpression(made)) continue;
    const binding = calleeBinding(made.getExpression(), context.modules);
    const known = binding && (binding.packageName === CHROMA_PACKAGE || binding.packageName.startsWith('@chroma-core/')) ? EMBEDDING_FUNCTIONS[binding.importedName] : undefined;
    if (!binding || !known) continue;
    const evidence = [`embedding function: new ${binding.importedName}(...) from '${binding.packageName}' (line ${made.getStartLineNumber()})`];
    const modelNode = firstProperty(resolveObjectLiteral(made.getArguments()[0], context.modules), known.modelOptions, context.modules);
    const packaged = modelNode && packageEnumValue(modelNode, context);
    if (packaged) return { provider: known.provider, model: { id: packaged, raw: modelNode.getText(), source: 'constant' }, evidence: [...evidence, `model: ${modelNode.getText()} = "${packaged}" (the package's enum)`] };
    const read = readModel(modelNode, context.modules);
    return { provider: known.provider, model: read.ref, evidence: [...evidence, ...read.evidence] };
  }
  return undefined;
}

/** `schema.createIndex(new VectorIndexConfig({ embeddingFunction }))` calls on the schema object: their embedding functions (sparse indexes left out). */
function denseIndexEmbeddingFunctions(schema: Node, context: AnalyzerContext): Node[] {
  const made = traceValue(schema, context.modules);
  const holder = made.getParent();
  if (!Node.isNewExpression(made) || !holder || !Node.isVariableDeclaration(holder)) return [];
  const name = holder.getName();
  const scope = holder.getFirstAncestor((node) => Node.isBlock(node) || Node.isSourceFile(node)) ?? holder.getSourceFile();
  const found: Node[] = [];
  for (const call of scope.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'createIndex' || callee.getExpression().getText() !== name) continue;
    const config = call.getArguments()[0] && unwrapExpression(call.getArguments()[0]);
    if (!config || !Node.isNewExpression(config) || calleeBinding(config.getExpression(), context.modules)?.importedName !== 'VectorIndexConfig') continue;
    const embeddingFunction = getObjectProperty(resolveObjectLiteral(config.getArguments()[0], context.modules), 'embeddingFunction', context.modules);
    if (embeddingFunction) found.push(embeddingFunction);
  }
  return found;
}

/** `ChromaCloudQwenEmbeddingModel.QWEN3_EMBEDDING_0p6B` of a package's enum: its value. */
function packageEnumValue(node: Node, context: AnalyzerContext): string | undefined {
  const value = unwrapExpression(node);
  if (!Node.isPropertyAccessExpression(value)) return undefined;
  const owner = unwrapExpression(value.getExpression());
  const binding = Node.isIdentifier(owner) ? calleeBinding(owner, context.modules) : undefined;
  return binding ? PACKAGE_MODEL_ENUMS[`${binding.importedName}.${value.getName()}`] : undefined;
}
