import { Node, type CallExpression, type NewExpression } from 'ts-morph';
import type { DetectedCall, Endpoint, ModelRef, PromptMessage } from '../model/types';
import type { Analyzer, AnalyzerContext } from './analyzer';
import { toDetectedCall } from './shared/callsite';
import { resolveContentParts, resolveMessages, resolvePromptText } from './shared/prompt';
import { providerFromBaseUrl } from './shared/providers';
import { findDeclaration, getObjectProperty, resolveNumber, resolveObjectLiteral, resolveString, unwrapExpression } from './shared/resolve';
import { joinUrl, OWN_ORIGIN_BASE } from './shared/urls';
import { eachCall, firstProperty, importBindingOf, isTrueLiteral, readModel, readSystemPrompt, readToolNames, traceValue } from './shared/sdk';

/**
 * Plain HTTP calls to well-known LLM endpoints: `fetch(url, { body: JSON.stringify({...}) })`,
 * `axios.post(url, body)` (also on an `axios.create({ baseURL })` instance), `ky.post`/`got.post`
 * with `json`. The URL decides whether it is an LLM call at all; the JSON body gives model and prompt.
 * A relative `/api/chat` is the app's own route (a Next.js handler, say), not Ollama: only an
 * Ollama host (port 11434 or a name saying `ollama`) makes `/api/chat` an LLM call.
 */
interface EndpointRule {
  /** Tested against the URL text, where run-time parts read `{{expression}}`. */
  pattern: RegExp;
  endpoint: Endpoint;
  /** Fixed provider, or undefined to take it from the host. */
  provider?: string;
  /** Only reported when the host is known (or the body names a model): generic paths like `/v1/embeddings`. */
  needsKnownHost?: boolean;
}

const RULES: readonly EndpointRule[] = [
  { pattern: /api\.anthropic\.com[^'"`\s]*\/v1\/messages(?!\/count_tokens)(?:$|[?#])/, endpoint: 'chat', provider: 'anthropic' },
  { pattern: /aiplatform\.googleapis\.com.*:(?:stream)?[gG]enerateContent/, endpoint: 'chat', provider: 'google-vertex' },
  { pattern: /generativelanguage\.googleapis\.com.*:(?:stream)?[gG]enerateContent/, endpoint: 'chat', provider: 'google' },
  { pattern: /generativelanguage\.googleapis\.com.*:(?:batchE|e)mbedContents?/, endpoint: 'embedding', provider: 'google' },
  { pattern: /\/openai\/deployments\/[^/]+\/chat\/completions/, endpoint: 'chat', provider: 'azure-openai' },
  { pattern: /\/chat\/completions(?:$|[?#])/, endpoint: 'chat' },
  { pattern: /\/v1\/responses(?:$|[?#])/, endpoint: 'chat', needsKnownHost: true },
  { pattern: /\/v1\/completions(?:$|[?#])/, endpoint: 'completion', needsKnownHost: true },
  { pattern: /\/v1\/embeddings(?:$|[?#])/, endpoint: 'embedding', needsKnownHost: true },
  { pattern: /\/v1\/images\/generations(?:$|[?#])/, endpoint: 'image-generation', needsKnownHost: true },
  { pattern: /\/v1\/audio\/(?:transcriptions|translations)(?:$|[?#])/, endpoint: 'audio-transcription', needsKnownHost: true },
  { pattern: /\/v1\/audio\/speech(?:$|[?#])/, endpoint: 'audio-speech', needsKnownHost: true },
  { pattern: /(?::11434|ollama).*\/api\/(?:chat)(?:$|[?#])/i, endpoint: 'chat', provider: 'ollama' },
  { pattern: /(?::11434|ollama).*\/api\/(?:generate)(?:$|[?#])/i, endpoint: 'completion', provider: 'ollama' },
  { pattern: /(?::11434|ollama).*\/api\/(?:embed|embeddings)(?:$|[?#])/i, endpoint: 'embedding', provider: 'ollama' },
];

const FETCH_PACKAGES = new Set(['node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch']);
const CLIENT_PACKAGES = new Set(['axios', 'ky', 'got', 'redaxios']);
const VERBS = new Set(['post', 'put']);
/** Callee names (identifier or last property) that can be an HTTP request: `fetch`, `axios(...)`, `x.post`, `x.request`. */
const CALLEE_NAMES = new Set(['fetch', 'axios', 'request', ...VERBS]);

export const httpAnalyzer: Analyzer = {
  id: 'http',
  packages: [...FETCH_PACKAGES, ...CLIENT_PACKAGES],
  analyze: eachCall(analyzeCall, (name) => CALLEE_NAMES.has(name)),
};

interface HttpRequest {
  client: string;
  url: Node | undefined;
  /** Text the URL is relative to (`axios.create({ baseURL })`). */
  base?: string;
  body: Node | undefined;
  evidence: string[];
}

function analyzeCall(call: CallExpression, context: AnalyzerContext): DetectedCall | undefined {
  const request = readRequest(call, context);
  if (!request?.url) return undefined;
  const urlText = (request.base ?? '') + urlTextOf(request.url, context);
  const rule = RULES.find((candidate) => candidate.pattern.test(urlText));
  if (!rule) return undefined;
  const body = request.body ? bodyObject(request.body, context) : undefined;
  const hostProvider = providerFromBaseUrl(urlText);
  if (rule.needsKnownHost && !hostProvider && !getObjectProperty(body, 'model', context.modules)) return undefined;
  // `/api/chat/completions` written as a path: the page's own origin, i.e. the app's route, not a model server.
  if (!rule.provider && !hostProvider && urlText.startsWith('/')) return undefined;
  const evidence = [...request.evidence, `URL ${urlText.slice(0, 120)} → ${rule.endpoint}`];
  const provider = rule.provider ?? hostProvider ?? 'openai-compatible';
  if (!rule.provider && !hostProvider) evidence.push('host not recognised: an OpenAI-compatible server');
  if (request.body && !body) evidence.push(`request body \`${request.body.getText().slice(0, 60)}\` not statically known`);

  const model = modelOf(body, urlText, context, evidence);
  const { messages, hasImage } = readBody(body, context);
  const tools = getObjectProperty(body, 'tools', context.modules) ?? getObjectProperty(body, 'functions', context.modules);
  const generation = getObjectProperty(body, 'generationConfig', context.modules) ?? getObjectProperty(body, 'generation_config', context.modules);
  const options = getObjectProperty(body, 'options', context.modules);
  const structured = getObjectProperty(body, 'response_format', context.modules) ?? getObjectProperty(body, 'format', context.modules) ?? getObjectProperty(generation, 'responseSchema') ?? getObjectProperty(generation, 'responseMimeType');
  const path = /https?:\/\/[^/]+(\/[^?#]*)/.exec(urlText)?.[1] ?? urlText.replace(/^\{\{[^}]*\}\}/, '');
  return toDetectedCall(call, context.file, {
    provider,
    sdk: 'http',
    method: `${request.client} ${path.replace(/\{\{([^}]*)\}\}/g, '{$1}')}`,
    endpoint: rule.endpoint,
    model,
    messages,
    maxOutputTokens: resolveNumber(firstProperty(body, ['max_tokens', 'max_completion_tokens', 'max_output_tokens'], context.modules) ?? getObjectProperty(generation, 'maxOutputTokens') ?? getObjectProperty(options, 'num_predict', context.modules), context.modules),
    features: {
      streaming: isTrueLiteral(getObjectProperty(body, 'stream', context.modules)) || /streamGenerateContent/.test(urlText),
      tools: Boolean(tools),
      vision: hasImage,
      structuredOutput: Boolean(structured),
    },
    toolNames: readToolNames(tools, context.modules),
    structuredOutputName: structured ? unwrapExpression(structured).getText().slice(0, 40) : undefined,
    evidence,
  });
}

/** Which HTTP client call this is, with its URL and body nodes; undefined for anything else. */
function readRequest(call: CallExpression, context: AnalyzerContext): HttpRequest | undefined {
  const callee = unwrapExpression(call.getExpression());
  // Cheap gate before any resolution: most calls in a file are not HTTP requests at all.
  const calleeName = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (!calleeName || !CALLEE_NAMES.has(calleeName)) return undefined;
  const [first, second] = call.getArguments();
  if ((Node.isIdentifier(callee) && callee.getText() === 'fetch') || (Node.isPropertyAccessExpression(callee) && /^(globalThis|window|self)\.fetch$/.test(callee.getText()))) {
    if (Node.isIdentifier(callee) && !isFetch(callee, context)) return undefined;
    const init = second && resolveObjectLiteral(second, context.modules);
    return { client: 'fetch', url: first, body: getObjectProperty(init, 'body'), evidence: ['fetch()'] };
  }
  if (Node.isIdentifier(callee) && importBindingOf(callee, context.modules)?.packageName === 'node-fetch') {
    const init = second && resolveObjectLiteral(second, context.modules);
    return { client: 'fetch', url: first, body: getObjectProperty(init, 'body'), evidence: ['fetch() from node-fetch'] };
  }
  if (Node.isPropertyAccessExpression(callee) && VERBS.has(callee.getName())) {
    const owner = callee.getExpression();
    const client = httpClientOf(owner, context);
    if (!client) return undefined;
    const json = client.name === 'axios' ? second : getObjectProperty(second && resolveObjectLiteral(second, context.modules), 'json');
    return { client: `${client.name}.${callee.getName()}`, url: first, base: client.base, body: json, evidence: [`${client.name}.${callee.getName()}()${client.base ? ` with baseURL ${client.base}` : ''}`] };
  }
  // axios({ method: 'post', url, data }) / axios.request({...})
  const isAxiosConfigCall = (Node.isIdentifier(callee) && httpClientOf(callee, context)?.name === 'axios') || (Node.isPropertyAccessExpression(callee) && callee.getName() === 'request' && httpClientOf(callee.getExpression(), context)?.name === 'axios');
  if (isAxiosConfigCall) {
    const config = first && resolveObjectLiteral(first, context.modules);
    const client = httpClientOf(Node.isPropertyAccessExpression(callee) ? callee.getExpression() : callee, context);
    return { client: 'axios', url: getObjectProperty(config, 'url'), base: client?.base, body: getObjectProperty(config, 'data'), evidence: ['axios(config)'] };
  }
  return undefined;
}

/** `fetch` is the global one (no local declaration) or imported from a fetch package. */
function isFetch(callee: Node, context: AnalyzerContext): boolean {
  const declaration = findDeclaration(callee, context.modules);
  if (!declaration) return true;
  const binding = importBindingOf(callee, context.modules);
  return binding !== undefined && FETCH_PACKAGES.has(binding.packageName);
}

/** `axios`, `ky`, `got` (imported or required), or an `axios.create({ baseURL })` instance. */
function httpClientOf(node: Node, context: AnalyzerContext): { name: string; base?: string } | undefined {
  const owner = unwrapExpression(node);
  if (Node.isIdentifier(owner)) {
    const binding = importBindingOf(owner, context.modules);
    if (binding && CLIENT_PACKAGES.has(binding.packageName)) return { name: binding.packageName === 'redaxios' ? 'axios' : binding.packageName };
  }
  const traced = traceValue(owner, context.modules);
  if (Node.isCallExpression(traced)) {
    const factory = unwrapExpression(traced.getExpression());
    if (Node.isPropertyAccessExpression(factory) && /^(create|extend)$/.test(factory.getName())) {
      const base = httpClientOf(factory.getExpression(), context);
      if (!base) return undefined;
      const options = resolveObjectLiteral(traced.getArguments()[0], context.modules);
      const baseUrl = getObjectProperty(options, 'baseURL', context.modules) ?? getObjectProperty(options, 'prefixUrl', context.modules);
      return { name: base.name, base: baseUrl ? urlTextOf(baseUrl, context) : undefined };
    }
  }
  return undefined;
}

/** The URL as text, constants resolved, run-time parts as `{{expression}}`. */
function urlTextOf(url: Node, context: AnalyzerContext, depth = 0): string {
  const node = unwrapExpression(url);
  if (depth < MAX_URL_DEPTH) {
    const inner = sameUrl(node);
    if (inner) return urlTextOf(inner, context, depth + 1);
    const built = Node.isIdentifier(node) || Node.isPropertyAccessExpression(node) ? traceValue(node, context.modules) : node;
    if (isNewUrl(built)) {
      const [path, base] = built.getArguments();
      const pathText = path ? urlTextOf(path, context, depth + 1) : '';
      if (!base) return pathText;
      if (OWN_ORIGIN_BASE.test(unwrapExpression(base).getText())) return pathText.startsWith('/') || /^[a-z][\w+.-]*:\/\//i.test(pathText) ? pathText : `/${pathText}`;
      const resolvedBase = resolveString(base, context.modules);
      return joinUrl(pathText, resolvedBase.value ?? urlTextOf(base, context, depth + 1));
    }
  }
  return resolvePromptText(node, context.modules).text;
}

const MAX_URL_DEPTH = 6;

function isNewUrl(node: Node): node is NewExpression {
  return Node.isNewExpression(node) && node.getExpression().getText() === 'URL';
}

/** `url.href`, `url.toString()`, `String(url)`: the URL object they read. */
function sameUrl(node: Node): Node | undefined {
  if (Node.isPropertyAccessExpression(node) && node.getName() === 'href') return node.getExpression();
  if (!Node.isCallExpression(node)) return undefined;
  const callee = node.getExpression();
  if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'toString' && node.getArguments().length === 0) return callee.getExpression();
  if (Node.isIdentifier(callee) && callee.getText() === 'String' && node.getArguments().length === 1) return node.getArguments()[0];
  return undefined;
}

/** The JSON body object: `JSON.stringify({...})`, a constant holding it, or the object itself (axios). */
function bodyObject(body: Node, context: AnalyzerContext): Node | undefined {
  const value = traceValue(body, context.modules);
  if (Node.isCallExpression(value) && value.getExpression().getText() === 'JSON.stringify') return resolveObjectLiteral(value.getArguments()[0], context.modules);
  return resolveObjectLiteral(value, context.modules) ?? (Node.isObjectLiteralExpression(value) ? value : undefined);
}

function modelOf(body: Node | undefined, urlText: string, context: AnalyzerContext, evidence: string[]): ModelRef {
  const modelNode = getObjectProperty(body, 'model', context.modules);
  if (modelNode) {
    const model = readModel(modelNode, context.modules);
    evidence.push(...model.evidence);
    return model.ref;
  }
  // Gemini and Azure carry the model in the URL: `models/gemini-1.5-flash:generateContent`, `deployments/gpt-4o/`.
  const inUrl = /models\/([^/:?{}]+):/.exec(urlText) ?? /deployments\/([^/?{}]+)\//.exec(urlText);
  if (inUrl) {
    evidence.push(`model "${inUrl[1]}" from the URL`);
    return { id: inUrl[1], raw: inUrl[1], source: 'literal' };
  }
  const dynamicInUrl = /(?:models|deployments)\/\{\{([^}]+)\}\}/.exec(urlText);
  return { id: null, raw: dynamicInUrl?.[1] ?? '', source: 'dynamic' };
}

function readBody(body: Node | undefined, context: AnalyzerContext): { messages: PromptMessage[]; hasImage: boolean } {
  if (!body) return { messages: [{ role: 'user', text: '{{body}}', holes: [{ kind: 'message-array', expression: 'body' }] }], hasImage: false };
  const messages: PromptMessage[] = [];
  let hasImage = false;
  const system = readSystemPrompt(getObjectProperty(body, 'system', context.modules) ?? getObjectProperty(body, 'systemInstruction', context.modules) ?? getObjectProperty(body, 'system_instruction', context.modules) ?? getObjectProperty(body, 'instructions', context.modules), context.modules);
  if (system) messages.push(system);
  const turns = getObjectProperty(body, 'messages', context.modules) ?? getObjectProperty(body, 'contents', context.modules);
  if (turns) {
    const resolved = resolveMessages(turns, context.modules);
    messages.push(...resolved.messages);
    hasImage ||= resolved.hasImage;
  }
  const prompt = getObjectProperty(body, 'prompt', context.modules) ?? getObjectProperty(body, 'input', context.modules);
  if (prompt) {
    const value = unwrapExpression(prompt);
    if (Node.isArrayLiteralExpression(value)) {
      const parts = resolveContentParts(value, context.modules);
      messages.push({ role: 'user', ...parts.text });
    } else {
      messages.push({ role: 'user', ...resolvePromptText(value, context.modules) });
    }
  }
  if (getObjectProperty(body, 'images', context.modules)) hasImage = true;
  return { messages, hasImage };
}
