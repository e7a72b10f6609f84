import { httpAnalyzer } from '../../../src/analyzers/http';
import { runAnalyzerTests } from './tester';

runAnalyzerTests('http analyzer', httpAnalyzer, {
  valid: [
    { name: "a health check posting nothing to a local server's generateContent route (only the status is read)", code: `export async function isServerRunning(port: number) {\n  const response = await fetch(\`http://localhost:\${port}/v1beta/models/gemma3-1b:generateContent\`, { method: 'POST', signal: AbortSignal.timeout(2000) });\n  return response.status !== 404;\n}` },
    { name: "the browser's own EventSource (GET only) and a class named like one that sends nothing", code: `class SSEParser { constructor(readonly url: string, readonly options: object) {} }\nexport const a = new EventSource('https://api.openai.com/v1/chat/completions');\nexport const b = new SSEParser('https://api.openai.com/v1/chat/completions', { payload: JSON.stringify({ model: 'gpt-4o', messages: [] }) });` },
    { name: 'a configured URL posting a body that is no chat request: messages without a model (no chat path near), a model without messages', code: `export async function notify(endpoint: string, messages: string[], options: object) {\n  await fetch(endpoint, { method: 'POST', body: JSON.stringify({ messages, ...options }) });\n  await fetch(endpoint, { method: 'POST', body: JSON.stringify({ model: 'default', text: messages.join() }) });\n}` },
    { name: "a `this.post(...)` whose class and base classes hold no request method, and an injected fetch-named function that is no parameter", code: `class Base { send(url: string) { return url; } }\nexport class Client extends Base {\n  run() { return this.post('https://api.openai.com/v1/chat/completions', {}, { model: 'gpt-4o', messages: [] }); }\n  post(url: string, headers: object, body: object) { return [url, headers, body]; }\n}\nconst fetcher = (url: string, init: object) => [url, init];\nexport function sse(input: string, init: object) { return fetcher(input, init); }\nsse('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages: [] }) });` },
    { name: "https.request to a host that is not a model API, and a URL parameter the module's callers fill with the app's own route", code: `import https from 'https';\nexport function ping(hostname: string, path: string) {\n  const request = https.request({ hostname, path, method: 'POST' });\n  request.end(JSON.stringify({ ok: true }));\n}\nping('status.example.com', '/v1/heartbeat');\nfunction poster(url: string) {\n  return (body: unknown) => fetch(url, { method: 'POST', body: JSON.stringify(body) });\n}\nexport const save = poster('/api/chat/completions');` },
    { name: "an images/edits path on a base that is not an SDK client's", code: `export async function edit(settings: { baseURL: string }, form: FormData) {\n  return fetch(\`\${settings.baseURL}/images/edits\`, { method: 'POST', body: form });\n}` },
    { name: 'a realtime path of an unknown host without a model', code: `await fetch(\`\${process.env.API}/v1/realtime/sessions\`, { method: 'POST', body: JSON.stringify({ room: 'a' }) });` },
    { name: "other realtime WebSockets (Supabase, the app's own) are not model sessions", code: `const channel = new WebSocket('wss://abc.supabase.co/realtime/v1/websocket?apikey=k');\nconst own = new WebSocket(\`\${location.origin.replace('http', 'ws')}/realtime\`);\nclass WebSocketMock { constructor(readonly url: string) {} }\nnew WebSocketMock('wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview');` },
    { name: "a messages path on an unknown base without a Claude model or Anthropic's headers is a chat app, not Anthropic; a configured base's `/responses` without an `input`", code: `export const send = (apiBase: string, text: string) => fetch(new URL('messages', apiBase), { method: 'POST', body: JSON.stringify({ model: 'support-bot', text }) });\nexport const post = (apiBase: string, key: string, messages: unknown[]) => fetch(\`\${apiBase}/messages\`, { method: 'POST', headers: { 'x-api-key': key }, body: JSON.stringify({ model: 'support-bot', messages }) });\nexport const survey = (apiBase: string, answers: unknown[]) => fetch(\`\${apiBase}/responses\`, { method: 'POST', body: JSON.stringify({ model: 'form-7', answers }) });` },
    { name: "a bare `baseURL` field of the app's default settings is every client's option: a path after it is not read from those defaults", files: { 'src/defaults.ts': `export function settings() {\n  return { baseURL: 'https://api.anthropic.com/v1' };\n}\n` }, code: `export async function notes(options: { baseURL: string }, text: string) {\n  return fetch(\`\${options.baseURL}/messages\`, { method: 'POST', body: JSON.stringify({ text }) });\n}` },
    { name: 'a fetch wrapper called for a non-LLM URL, and a look-alike wrapper that never fetches', files: { 'src/net.ts': `export const customFetch = (url: string, init?: RequestInit) => fetch(url, init);\nexport function postJson(url: string, body: unknown) { return { url, body }; }\n` }, code: `import { customFetch, postJson } from './net';\nawait customFetch('https://api.github.com/repos/a/b', { method: 'POST', body: JSON.stringify({ model: 'x' }) });\npostJson('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o', messages: [] });` },
    { name: 'an app route /api/chat on a configurable host with an app body, and /v1/messages of a chat app without a model', code: `const api = process.env.NEXT_PUBLIC_API_URL;\nawait fetch(\`\${api}/api/chat\`, { method: 'POST', body: JSON.stringify({ model: 'default', messages }) });\nawait fetch(\`\${api}/v1/messages\`, { method: 'POST', body: JSON.stringify({ channel: 'general', text: 'hi' }) });\nawait fetch('/v1/messages', { method: 'POST', body: JSON.stringify({ model: 'claude-3-5-haiku-latest', messages }) });` },
    { name: 'other speech endpoints: voices list and upload', code: `await fetch('https://api.elevenlabs.io/v1/voices');\nawait fetch('https://api.assemblyai.com/v2/upload', { method: 'POST', body: audio });\nawait fetch('https://api.deepgram.com/v1/projects', { headers });` },
    { name: 'a relative /api/chat is the app\'s own route, not Ollama', code: `export async function send(messages: unknown[]) {\n  const res = await fetch('/api/chat', { method: 'POST', body: JSON.stringify({ model: 'llama3', messages }) });\n  return res.json();\n}` },
    { name: 'a relative /api/chat/completions is the app\'s own proxy route', code: `await fetch('/api/chat/completions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages }) });` },
    { name: 'other endpoints of the same hosts send no prompt', code: `await fetch('https://api.openai.com/v1/models', { headers });\nawait fetch('https://api.anthropic.com/v1/messages/count_tokens', { method: 'POST', body: JSON.stringify({ model: 'claude-3-5-haiku-latest', messages: [] }) });` },
    { name: 'an app fetch helper shadowing fetch; an unrelated axios.post', code: `import axios from 'axios';\nfunction fetch(url: string, init?: unknown) { return [url, init]; }\nfetch('https://api.openai.com/v1/chat/completions', { body: '{}' });\naxios.post('https://api.stripe.com/v1/charges', { amount: 100 });` },
    { name: 'a URL in a string or comment only', code: `// POST https://api.openai.com/v1/chat/completions\nexport const docs = 'curl https://api.anthropic.com/v1/messages';` },
    { name: 'a generic /v1/embeddings of an unknown host without a model', code: `await fetch(\`\${SEARCH_URL}/v1/embeddings\`, { method: 'POST', body: JSON.stringify({ text }) });` },
    { name: 'new URL against the page\'s own origin is the app\'s route', code: `await fetch(new URL('/api/chat/completions', window.location.origin), { method: 'POST', body: JSON.stringify({ model: 'gpt-4o', messages }) });\nawait fetch(new URL('/api/chat', location.href).toString(), { method: 'POST', body: JSON.stringify({ model: 'llama3', messages }) });` },
    { name: "a fal fine-tuning job posted by hand: training, no inference request", code: `export const train = (zip: string) => fetch('https://fal.run/fal-ai/flux-lora-fast-training', { method: 'POST', body: JSON.stringify({ images_data_url: zip }) });` },
    { name: "media APIs' status polls and lists: a fal queue request's status, kie.ai's record-info, HeyGen's voices", code: `export async function poll(model: string, id: string, taskId: string) {\n  await fetch(\`https://queue.fal.run/fal-ai/\${model}/requests/\${id}/status\`, { headers });\n  await fetch('https://api.kie.ai/api/v1/veo/record-info?taskId=' + taskId, { headers });\n  await fetch('https://api.heygen.com/v2/voices', { headers });\n}` },
    { name: "a route object's field that is no model endpoint (the guarded branch is the app's own upload route)", code: `function resolveRoute(kind: string) {\n  if (kind === 'upload') return { kind, endpoint: '/api/upload' };\n  return { kind, endpoint: 'https://api.openai.com/v1/chat/completions' };\n}\nasync function upload(data: Blob, route: { endpoint: string }) {\n  return fetch(route.endpoint, { method: 'POST', body: data });\n}\nexport async function send(kind: string, data: Blob) {\n  const route = resolveRoute(kind);\n  if (route.kind === 'upload') return upload(data, route);\n}` },
    { name: "a proxy route forwarding its incoming request's body as is to a provider's host (the sender's request is the one that bills)", code: `import { NextRequest } from 'next/server';\nconst HUNYUAN_URL = 'https://hunyuan.tencentcloudapi.com';\nexport async function forward(req: NextRequest) {\n  const body = await req.text();\n  return fetch(HUNYUAN_URL, { method: req.method, body, headers: { 'X-TC-Action': 'ChatCompletions' } });\n}\nexport async function relay(request: Request) {\n  return fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: request.body, duplex: 'half' } as RequestInit);\n}` },
    { name: "a service's key sent to its own management API, and a configured URL sent another service's key", code: `export async function setup(config: { webhookUrl: string }) {\n  await fetch('https://api.steamship.com/api/v1/workspace/create', { method: 'POST', headers: { Authorization: \`Bearer \${process.env.STEAMSHIP_API_KEY}\` }, body: JSON.stringify({ handle: 'w' }) });\n  await fetch(config.webhookUrl, { method: 'POST', headers: { Authorization: \`Bearer \${process.env.SLACK_TOKEN}\` }, body: JSON.stringify({ text: 'hi' }) });\n}` },
    { name: "a test's expectation of the request a provider class makes (`expectedRequest: { url, method: 'POST', body }`), its URL a default or the case's own", code: `declare function runLlmTest(options: object): Promise<void>;\nexport async function embeddingsCase(config: { customEmbeddingsUrl?: string; defaultApiBase?: string }) {\n  await runLlmTest({\n    methodToTest: 'embed',\n    expectedRequest: {\n      url: config.customEmbeddingsUrl || \`\${config.defaultApiBase || 'https://api.openai.com/v1/'}embeddings\`,\n      method: 'POST',\n      body: { input: ['Hello'], model: 'text-embedding-ada-002' },\n    },\n  });\n}` },
    { name: "a configured base's `/completion` posting no prompt (the app's own route)", code: `export const save = (serverUrl: string) => fetch(\`\${serverUrl}/completion\`, { method: 'POST', body: JSON.stringify({ id: 1, done: true }) });` },
    { name: "a completions path on a configured base posting neither a model nor a completion's settings, and `/api/v1/generate` as the page's own route", code: `export async function post(base: string, prompt: string) {\n  await fetch(\`\${base}/v1/completions\`, { method: 'POST', body: JSON.stringify({ prompt, user: 'u1' }) });\n  return fetch('/api/v1/generate', { method: 'POST', body: JSON.stringify({ prompt }) });\n}` },
    { name: "a Midjourney modal confirmation with no submission before it in its function (the job was counted where it was submitted), and a path helper's path posted to the page's own origin", code: `const getUrl = (url: string) => \`/mjapi\${url}\`;\nexport const mjFetch = (url: string, data?: any) => fetch(getUrl(url), { method: 'POST', body: JSON.stringify(data) });\nexport async function confirm(taskId: string) { return mjFetch('/mj/submit/modal', { taskId }); }\nexport async function images(data: object) { return mjFetch('/v1/images/generations', data); }` },
    { name: "a request spec the app only prints (a curl command built from `spec: {...}`), and a request object handed straight to a call that is no request", files: { 'src/access.ts': `export function anthropicAccess(access: { host?: string }, apiPath: string) {\n  return { headers: { 'x-api-key': 'k' }, url: 'https://api.anthropic.com' + apiPath };\n}\n` }, code: `import { anthropicAccess } from './access';\nexport function buildCurl(access: { host?: string }, body: object) {\n  const spec = { ...anthropicAccess(access, '/v1/messages'), method: 'POST', body };\n  return \`curl -X POST \${spec.url} -d '\${JSON.stringify(spec.body)}'\`;\n}\nexport function logRequest(access: { host?: string }, body: object) {\n  console.log({ ...anthropicAccess(access, '/v1/messages'), method: 'POST', body });\n}` },
    { name: "a consumer chat web app's other routes: the conversation list, hiding one conversation, the session", code: `export async function sync(token: string, id: string) {\n  await fetch('https://chatgpt.com/backend-api/conversations?offset=0&limit=20', { headers: { Authorization: \`Bearer \${token}\` } });\n  await fetch(\`https://chatgpt.com/backend-api/conversation/\${id}\`, { method: 'PATCH', body: JSON.stringify({ is_visible: false }) });\n  await fetch('https://chatgpt.com/api/auth/session');\n}` },
    { name: 'new URL of a non-LLM endpoint on an LLM host', code: `const base = 'https://api.openai.com/v1/';\nconst url = new URL('models', base);\nawait fetch(url, { headers });` },
    { name: "a local holding what a fetch factory returns, sent a URL that is no model endpoint; a local made by a function that is no fetch factory; Deepgram's project API over a WebSocket-like path", code: `declare function createFetch(): Promise<typeof fetch>;\ndeclare function createLogger(): (url: string, init?: object) => void;\nexport async function sync(base: string) {\n  const fetchRetry = await createFetch();\n  await fetchRetry(\`\${base}/repos/a/b/issues\`, { method: 'POST', body: JSON.stringify({ title: 't' }) });\n  const post = createLogger();\n  post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o', messages: [] });\n  return new WebSocket('wss://api.deepgram.com/v1/projects');\n}` },
    { name: "the same vendors' other endpoints: AI Horde's status poll and model list, Azure Speech's voice list and a transcription job's status and files; Edge's read-aloud on a token Edge hands out", code: `export async function poll(id: string, region: string, token: string) {\n  await fetch(\`https://\${region}.tts.speech.microsoft.com/cognitiveservices/v1\`, { method: 'POST', headers: { Authorization: token }, body: '<speak/>' });\n  await fetch(\`https://aihorde.net/api/v2/generate/text/status/\${id}\`);\n  await fetch('https://aihorde.net/api/v2/status/models?type=text');\n  await fetch(\`https://\${region}.tts.speech.microsoft.com/cognitiveservices/voices/list\`);\n  await fetch(\`https://\${region}.api.cognitive.microsoft.com/speechtotext/v3.2/transcriptions/\${id}\`);\n  return fetch(\`https://\${region}.api.cognitive.microsoft.com/speechtotext/v3.2/transcriptions/\${id}/files\`);\n}` },
    { name: "a class extending a package's HTTP client posting to a path that is no model endpoint; one declaring the request method itself (its own wrapper, read as such); a `this.get`", code: `import { HTTPService } from 'civkit/http';\nexport class GitHubHTTP extends HTTPService {\n  constructor() { super('https://api.github.com'); }\n  createIssue(body: object) { return this.postJson('/repos/a/b/issues', body); }\n  models() { return this.get('/models'); }\n}\nexport class OwnHTTP extends HTTPService {\n  constructor() { super('https://api.openai.com/v1'); }\n  postJson(path: string, body: object) { return [path, body]; }\n  run(payload: object) { return this.postJson('/chat/completions', payload); }\n}` },
    { name: "a `/chat-messages` route posting no Dify app's inputs (a chat app's own messages API)", code: `export const post = (base: string, text: string) => fetch(\`\${base}/chat-messages\`, { method: 'POST', body: JSON.stringify({ channel: 'general', text }) });` },
    { name: "the app's client class posting to its own `/api/` route (the page's origin), and a client class whose method sends nothing", files: { 'src/apiClient.ts': `export class ApiClient {\n  async post(endpoint: string, data?: unknown) { return fetch(endpoint, { method: 'POST', body: JSON.stringify(data) }); }\n}\nexport class Recorder {\n  post(endpoint: string, data?: unknown) { return [endpoint, data]; }\n}\n` }, code: `import { ApiClient, Recorder } from './apiClient';\nconst api = new ApiClient();\nconst recorder = new Recorder();\nexport const ask = (messages: unknown[]) => api.post('/api/chat/completions', { model: 'gpt-4o', messages });\nexport const log = (messages: unknown[]) => recorder.post('/chat/completions', { model: 'gpt-4o', messages });` },
    { name: "an app object's fetch-like method given a URL that is no LLM endpoint", code: `declare const client: { fetch(url: string, init?: object): Promise<Response> };\nexport function session() { return client.fetch('https://chat.openai.com/api/auth/session', { method: 'GET' }); }` },
    { name: "a chat body posted to a host written out that is the machine's own (the app's server), and to an outside host without a model", code: `export async function send(messages: unknown[]) {\n  await fetch('http://localhost:3000/api/chat', { method: 'POST', body: JSON.stringify({ model: 'default', messages }) });\n  return fetch('https://hooks.example.com/api/relay', { method: 'POST', body: JSON.stringify({ messages, channel: 'c' }) });\n}` },
    { name: "`.post` of a client named for HTTP handed a URL that is no model endpoint, and `.post` of a client with another name", code: `export class Notifier {\n  constructor(private apiClient: { post(url: string, body: object): Promise<unknown> }, private queue: { post(url: string, body: object): Promise<unknown> }) {}\n  notify(text: string) { return this.apiClient.post('https://api.github.com/repos/a/b/issues', { title: text }); }\n  send(messages: unknown[]) { return this.queue.post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o', messages }); }\n}` },
    { name: "a mock server's handler for a model endpoint (msw's `http.post(url, resolver)` answers requests in a test; it sends none)", code: `import { http, HttpResponse } from 'msw';\nexport const handler = http.post('https://api.cloudflare.com/client/v4/accounts/acc/ai/run/@cf/meta/llama-3.3-70b-instruct-fp8-fast', async () => HttpResponse.json({ result: { response: 'ok' } }));\nexport const chat = http.post('https://api.openai.com/v1/chat/completions', () => HttpResponse.json({ model: 'gpt-4o', messages: [] }));` },
  ],
  invalid: [
    {
      name: "Cartesia's text to speech posted by hand, its model in `model_id`",
      code: `export const speak = (transcript: string) => fetch('https://api.cartesia.ai/tts/bytes', { method: 'POST', body: JSON.stringify({ model_id: process.env.CARTESIA_TTS_MODEL_ID || 'sonic-2', transcript, voice: { mode: 'id', id: 'v1' } }) });`,
      calls: [{ line: 1, method: 'fetch /tts/bytes', provider: 'cartesia', endpoint: 'audio-speech', model: 'sonic-2' }],
    },
    {
      name: "a chat body (model and messages) posted to a host and path no rule knows (an unofficial endpoint): a chat request of an unknown OpenAI-compatible server",
      code: `const api_url_stream = 'https://nexra.aryahcr.cc/api/chat/complements';
export async function* generate(chat: Array<{ role: string; content: string }>, options: { model: string }) {
  const data = { messages: chat, stream: true, markdown: false, model: options.model };
  const response = await fetch(api_url_stream, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
  yield response;
}`,
      calls: [{ line: 4, method: 'fetch /api/chat/complements', provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ['the host is not one the catalog knows; the body is a chat request (model and messages)'] }],
    },
    {
      name: "an injected client named for HTTP (`this.apiClient.post`) sending a chat body to a URL a method builds, and a fetch field that is the global fetch unless the caller injects one",
      code: `const DEFAULT_ENDPOINT = 'https://generativelanguage.googleapis.com/v1beta/interactions';
export class Describer {
  private endpoint: string;
  constructor(private apiClient: { post(url: string, body: object): Promise<unknown> }, baseUrl: string, private model: string) { this.endpoint = baseUrl; }
  buildChatUrl() { return \`\${this.endpoint}/chat/completions\`; }
  describe(image: string) {
    return this.apiClient.post(this.buildChatUrl(), { model: this.model, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: image } }] }] });
  }
}
export class Gemini {
  private readonly fetchImpl: typeof fetch;
  private readonly endpoint: string;
  constructor(options: { fetchImpl?: typeof fetch; endpoint?: string }) {
    this.fetchImpl = options.fetchImpl ?? fetch;
    this.endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  }
  run(input: string) {
    return this.fetchImpl(this.endpoint, { method: 'POST', body: JSON.stringify({ model: 'gemini-2.5-flash', input }) });
  }
}`,
      calls: [
        { line: 7, provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ['an HTTP client by its name, handed in'] },
        { line: 18, method: 'fetch /v1beta/interactions', provider: 'google', endpoint: 'chat', model: 'gemini-2.5-flash' },
      ],
    },
    {
      name: "the request method of the app's client class held in a field (`this.client.post('/chat/completions', ...)`, `post` handing on to `request`, which fetches under the base the client was made with), and a path the client class places under its base",
      files: {
        'src/apiClient.ts': `export class ApiClient {
  constructor(private config: { baseURL?: string } = {}) {}
  private buildUrl(endpoint: string, params?: Record<string, string>) {
    const url = new URL(endpoint.startsWith('http') ? endpoint : \`\${this.config.baseURL}\${endpoint}\`);
    for (const [key, value] of Object.entries(params ?? {})) url.searchParams.append(key, value);
    return url.toString();
  }
  async request(endpoint: string, options: RequestInit & { params?: Record<string, string> } = {}) {
    const { params, ...fetchOptions } = options;
    const url = this.buildUrl(endpoint, params);
    return this.executeRequest(url, fetchOptions, 30000);
  }
  private async executeRequest(url: string, config: RequestInit, timeout: number) { return fetch(url, { ...config, signal: AbortSignal.timeout(timeout) }); }
  async post(endpoint: string, data?: unknown) {
    return this.request(endpoint, { method: 'POST', body: JSON.stringify(data) });
  }
}
export class BaseClient {
  constructor(private baseUrl: string) {}
  async post(endpoint: string, data?: unknown) {
    return fetch(\`\${this.baseUrl}\${endpoint}\`, { method: 'POST', body: JSON.stringify(data) });
  }
}
`,
      },
      code: `import { ApiClient, BaseClient } from './apiClient';
export class OpenAIService {
  private client: ApiClient;
  private groq = new BaseClient('https://api.groq.com/openai/v1');
  constructor() { this.client = new ApiClient({ baseURL: process.env.OPENAI_BASE_URL }); }
  analyze(content: string) {
    return this.client.post('/chat/completions', { model: 'gpt-3.5-turbo', messages: [{ role: 'user', content }] });
  }
  fast(content: string) {
    return this.groq.post('/chat/completions', { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content }] });
  }
}`,
      calls: [
        { line: 7, method: 'post /chat/completions', provider: 'openai-compatible', endpoint: 'chat', model: 'gpt-3.5-turbo', evidenceIncludes: ['the path is sent to the base URL this.client was made with (set at run time)'] },
        // The base the instance was made with (`new BaseClient('https://api.groq.com/openai/v1')`) takes the template's `{{this.baseUrl}}`.
        { line: 10, method: 'post /openai/v1/chat/completions', provider: 'groq', endpoint: 'chat', model: 'llama-3.1-8b-instant', evidenceIncludes: ['the base URL is the one this.groq was made with (https://api.groq.com/openai/v1)'] },
      ],
    },
    {
      name: "a module's shorthand handing its URL to the request method of an app client instance (`post = (endpoint, body) => apiClient.post(endpoint, body)`, `post` handing on to `request`, which fetches)",
      files: {
        'src/apiClient.ts': `export class ApiClient {
  async request(endpoint: string, options: { method?: string; body?: unknown } = {}) {
    return fetch(endpoint, { method: options.method ?? 'GET', body: JSON.stringify(options.body) });
  }
  async post(endpoint: string, body?: unknown) {
    return this.request(endpoint, { method: 'POST', body });
  }
}
export const apiClient = new ApiClient();
export const post = (endpoint: string, body?: unknown) => apiClient.post(endpoint, body);
`,
      },
      code: `import { post } from './apiClient';
export async function summarize(text: string) {
  return post('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
}`,
      calls: [{ line: 3, method: 'post /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' }],
    },
    {
      name: "a Google Apps Script add-on's API client (`UrlFetchApp.fetch` in its request method) made with the provider's base URL",
      files: {
        'src/api/base.ts': `export class ApiService {
  private baseUrl: string;
  constructor(baseUrl: string, private headers: Record<string, string> = {}) { this.baseUrl = baseUrl; }
  private request(endpoint: string, options: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {}) {
    const url = \`\${this.baseUrl}\${endpoint}\`;
    return UrlFetchApp.fetch(url, { ...options, headers: this.headers });
  }
  post(endpoint: string, body: unknown) {
    return this.request(endpoint, { method: 'post', payload: JSON.stringify(body) });
  }
}
`,
      },
      code: `import { ApiService } from './api/base';
export class OpenAIProvider {
  private apiService: ApiService;
  constructor(key: string) { this.apiService = new ApiService('https://api.openai.com', { Authorization: 'Bearer ' + key }); }
  complete(query: string) {
    return this.apiService.post('/v1/chat/completions', { model: 'gpt-4.1-nano', messages: [{ role: 'user', content: query }] });
  }
}`,
      calls: [{ line: 6, method: 'post /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4.1-nano' }],
    },
    {
      name: "a streaming `/api/chat` naming a model in `class OllamaProvider` (no Ollama-only field): Ollama's, as the class says",
      code: `export class OllamaProvider {
  constructor(private endpoint: string, private model: string) {}
  async chatStream(messages: Array<{ role: string; content: string }>) {
    return fetch(\`\${this.endpoint}/api/chat\`, { method: 'POST', body: JSON.stringify({ model: this.model, messages, stream: true }) });
  }
}`,
      calls: [{ line: 4, provider: 'ollama', endpoint: 'chat', evidenceIncludes: ['`OllamaProvider` names Ollama'] }],
    },
    {
      name: "Nuxt's global `$fetch` with a type argument, posting a chat body to a configured URL",
      file: 'server/utils/insights.ts',
      code: `export async function requestInsights(summary: string) {
  const config = useRuntimeConfig();
  const response = await $fetch<{ choices: unknown[] }>(config.llm.apiUrl, {
    method: 'POST',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'system', content: 'Summarize the campaign.' }, { role: 'user', content: summary }] },
  });
  return response.choices;
}`,
      calls: [{ line: 3, model: 'gpt-4o-mini', endpoint: 'chat', promptIncludes: ['Summarize the campaign.'] }],
    },
    {
      name: "a URL from Nuxt's runtimeConfig (`useRuntimeConfig().llm.apiUrl`): the provider of the default nuxt.config.ts gives it, a guess",
      files: { 'nuxt.config.ts': "export default defineNuxtConfig({\n  runtimeConfig: {\n    llm: { apiUrl: process.env.LLM_API_URL || 'https://api.openai.com/v1/chat/completions', model: 'gpt-4o-mini' },\n  },\n});\n", 'package.json': '{"name":"nuxt-app","private":true}' },
      file: 'server/utils/insights.ts',
      code: `export async function requestInsights(summary: string) {
  const llmConfig = useRuntimeConfig().llm;
  return $fetch(llmConfig.apiUrl, { method: 'POST', body: { model: llmConfig.model || 'gpt-4o-mini', messages: [{ role: 'user', content: summary }] } });
}`,
      calls: [{ line: 3, provider: 'openai', evidenceIncludes: ["in the app's default settings (runtimeConfig"] }],
    },
    {
      name: "`${this.server.baseUrl}/api/chat` posting a parameter typed with the ollama package's own `ChatRequest`: Ollama's chat on a configured host",
      code: `import type { ChatRequest } from 'ollama/browser';
export class OllamaStrategy {
  constructor(private server: { baseUrl: string }) {}
  async chat(payload: ChatRequest, signal: AbortSignal) {
    return fetch(\`\${this.server.baseUrl}/api/chat\`, { method: 'POST', body: JSON.stringify(payload), signal });
  }
}`,
      calls: [{ line: 5, provider: 'ollama', endpoint: 'chat' }],
    },
    {
      name: "axios's multipart `postForm` to Stability's image API, the URL a field the constructor extends with the model",
      code: `import axios from 'axios';
export class Stability {
  endPoint = 'https://api.stability.ai/v2beta/stable-image/generate/';
  constructor() { this.endPoint = this.endPoint + process.env.STABILITY_MODEL; }
  generate(prompt: string) { return axios.postForm(this.endPoint, { prompt, output_format: 'jpeg' }); }
}`,
      calls: [{ line: 5, method: 'axios.postForm /v2beta/stable-image/generate/', provider: 'stability', endpoint: 'image-generation' }],
    },
    {
      name: "a bundled copy of an API client (the chatgpt package built into the app): fetch shimmed as `var fetch = globalThis.fetch`, an injected `this._fetch` defaulting to it, a streaming transport `fetchSSE(url, options, fetch2 = fetch)` (its own request read with its caller's URL, as any helper's), the base URL a constructor option's default; a reverse-proxy client whose default URL is no model API is none",
      code: `var fetch = globalThis.fetch;
async function fetchSSE(url, options, fetch2 = fetch) {
  const { onMessage, ...fetchOptions } = options;
  const res = await fetch2(url, fetchOptions);
  return res.body;
}
var ChatGPTAPI = class {
  constructor(opts) {
    const { apiKey, apiBaseUrl = "https://api.openai.com", apiReverseProxyUrl, fetch: fetch2 = fetch } = opts;
    this._apiKey = apiKey;
    this._apiBaseUrl = apiBaseUrl;
    this._apiReverseProxyUrl = apiReverseProxyUrl;
    this._fetch = fetch2;
  }
  async sendMessage(prompt, stream) {
    const url = this._apiReverseProxyUrl || \`\${this._apiBaseUrl}/v1/completions\`;
    const body = { max_tokens: 100, prompt, stream };
    if (stream) {
      return fetchSSE(url, { method: "POST", body: JSON.stringify(body), onMessage: () => {} }, this._fetch);
    }
    return this._fetch(url, { method: "POST", body: JSON.stringify(body) });
  }
};
var ChatGPTUnofficialProxyAPI = class {
  constructor(opts) {
    const { accessToken, apiReverseProxyUrl = "https://chat.example.com/api/conversation", fetch: fetch2 = fetch } = opts;
    this._apiReverseProxyUrl = apiReverseProxyUrl;
    this._fetch = fetch2;
  }
  async sendMessage(text) {
    const url = this._apiReverseProxyUrl;
    const body = { action: "next", messages: [{ role: "user", content: text }], model: "text-davinci-002-render-sha" };
    return fetchSSE(url, { method: "POST", body: JSON.stringify(body), onMessage: () => {} }, this._fetch);
  }
};
export { ChatGPTAPI, ChatGPTUnofficialProxyAPI };`,
      calls: [
        { line: 4, provider: 'openai', endpoint: 'completion', evidenceIncludes: ['passed by fetchSSE() at line 19'] },
        { line: 19, method: 'fetchSSE /v1/completions', provider: 'openai', endpoint: 'completion', evidenceIncludes: ['https://api.openai.com'] },
        { line: 21, provider: 'openai', endpoint: 'completion', evidenceIncludes: ['the global fetch unless the caller injects its own'] },
      ],
    },
    {
      name: "a base URL destructured from settings into a `let`, given a default when empty, then extended with the API's method (`requestPath = stream ? \`${requestPath}:streamGenerateContent?key=...\` : ...`): the default base with that method",
      code: `export async function translate(text: string, config: { apiKey: string; stream: boolean; requestPath: string; promptList: unknown[] }) {
  let { apiKey, stream, requestPath } = config;
  if (!requestPath) {
    requestPath = 'https://generativelanguage.googleapis.com/v1beta/models/gemini-pro';
  }
  if (requestPath.endsWith('/')) {
    requestPath = requestPath.slice(0, -1);
  }
  requestPath = stream ? \`\${requestPath}:streamGenerateContent?key=\${apiKey}\` : \`\${requestPath}:generateContent?key=\${apiKey}\`;
  const res = await fetch(requestPath, { method: 'POST', body: JSON.stringify({ contents: config.promptList }) });
  return res.json();
}`,
      calls: [{ line: 10, provider: 'google', model: 'gemini-pro', evidenceIncludes: ['https://generativelanguage.googleapis.com/v1beta/models/gemini-pro:streamGenerateContent'] }],
    },
    {
      name: "an app's own Ollama client class: the base its constructor takes from a parameter defaulting to `{ url: 'http://127.0.0.1:11434' }` (a setter re-points it later), the route handed to its private transport by each method; the callers' bodies state the model",
      code: `export class Ollama {
  private _server: string;
  private _RouteApiGenerate = '/api/generate';
  private _RouteApiChat = '/api/chat';
  constructor(server = { url: 'http://127.0.0.1:11434' } as { url: string }) {
    this._server = server.url;
  }
  set server(server: { url: string }) {
    this._server = server.url;
  }
  private async _stream<T extends { model: string }>(route: string, body: T) {
    const url = \`\${this._server}\${route}\`;
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
    return response.body;
  }
  async generate(body: { model: string; prompt: string }) {
    return this._stream(this._RouteApiGenerate, body);
  }
  async chat(body: { model: string; messages: unknown[] }) {
    return this._stream(this._RouteApiChat, body);
  }
}
const ollama = new Ollama();
export const tweet = (text: string) => ollama.generate({ model: 'llama3.2', prompt: \`Write a tweet about: \${text}\` });`,
      calls: [
        { line: 17, provider: 'ollama', endpoint: 'completion', model: 'llama3.2', evidenceIncludes: ['http://127.0.0.1:11434/api/generate'] },
        { line: 20, provider: 'ollama', endpoint: 'chat', evidenceIncludes: ['http://127.0.0.1:11434/api/chat'] },
      ],
    },
    {
      name: "a URL helper joining the configured base to the path it is handed (`getUrl('/v1/audio/speech')`, several returns), its result held in a local or called through another name (`export const gptGetUrl = getUrl`)",
      code: `import axios from 'axios';
const store = { base: '' };
const getUrl = (url: string) => {
  if (url.indexOf('http') == 0) return url;
  if (store.base) return \`\${store.base}\${url}\`;
  return \`/openapi\${url}\`;
};
export const gptGetUrl = getUrl;
export async function speak(tts: { model: string; input: string }) {
  const url = getUrl('/v1/audio/speech');
  return fetch(url, { method: 'POST', body: JSON.stringify(tts) });
}
export function transcribe(form: FormData) {
  const url = gptGetUrl('/v1/audio/transcriptions');
  return axios.post(url, form, {});
}`,
      calls: [
        { line: 11, method: 'fetch /v1/audio/speech', endpoint: 'audio-speech' },
        { line: 15, method: 'axios.post /v1/audio/transcriptions', endpoint: 'audio-transcription' },
      ],
    },
    {
      name: "servers the user runs: text-generation-webui's OpenAI-compatible completions (no model: it serves the one loaded) at a URL whose path is set on a URL object, KoboldCpp's own API; the AI Horde under its older stablehorde.net host",
      code: `export async function generate(settings: { oobaUrl: string; koboldUrl: string; hordeKey: string }, prompt: string) {
  const url = new URL(settings.oobaUrl);
  url.pathname = '/v1/completions';
  const body: Record<string, any> = { prompt, max_tokens: 300, temperature: 0.7, stop: ['\\n'] };
  await fetch(url.toString(), { method: 'POST', body: JSON.stringify(body) });
  await fetch(\`\${settings.koboldUrl}/api/v1/generate\`, { method: 'POST', body: JSON.stringify({ prompt, max_length: 200 }) });
  return fetch('https://stablehorde.net/api/v2/generate/text/async', { method: 'POST', headers: { apikey: settings.hordeKey }, body: JSON.stringify({ prompt, params: { max_length: 200 } }) });
}`,
      calls: [
        { line: 5, method: 'fetch /v1/completions', provider: 'openai-compatible', endpoint: 'completion', model: null },
        { line: 6, method: 'fetch /api/v1/generate', provider: 'koboldcpp', endpoint: 'completion' },
        { line: 7, provider: 'aihorde', endpoint: 'completion' },
      ],
    },
    {
      name: "an image request to a local server the user names: `{ prompt, n, size }` with no model on the base's versioned images path (the server draws with its loaded model)",
      code: `export async function draw(localModelEndpoint: string, prompt: string) {
  const response = await fetch(\`\${localModelEndpoint}/v1/images/generations\`, { method: 'POST', body: JSON.stringify({ prompt, n: 1, size: '1024x1024' }) });
  return response.json();
}`,
      calls: [{ line: 2, method: 'fetch /v1/images/generations', provider: 'openai-compatible', endpoint: 'image-generation', model: null }],
    },
    {
      name: "a request wrapper calling itself again with the tool results (an agent loop's next turn): no request of its own at the recursive call",
      code: `async function requestChat(url: string, body: any): Promise<string> {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  const reply = await response.json();
  if (reply.choices[0].finish_reason === 'tool_calls') {
    body.messages.push(reply.choices[0].message);
    return requestChat(url, body);
  }
  return reply.choices[0].message.content;
}
export const ask = (question: string) => requestChat('https://api.openai.com/v1/chat/completions', { model: 'gpt-4.1', messages: [{ role: 'user', content: question }] });`,
      calls: [
        // The wrapper's own fetch, with the URL its caller in this module passes.
        { line: 2, method: 'fetch /v1/chat/completions', provider: 'openai' },
        { line: 10, method: 'requestChat /v1/chat/completions', provider: 'openai', model: 'gpt-4.1' },
      ],
    },
    {
      name: "Imagen on the Gemini API (`models/<imagen>:predict`), Fish Audio's and Hume's text to speech",
      code: `export async function media(key: string, model: string, prompt: string) {
  await fetch(\`https://generativelanguage.googleapis.com/v1beta/models/\${model}:predict?key=\${key}\`, { method: 'POST', body: JSON.stringify({ instances: [{ prompt }], parameters: { sampleCount: 1 } }) });
  await fetch('https://api.hume.ai/v0/tts', { method: 'POST', headers: { 'X-Hume-Api-Key': key }, body: JSON.stringify({ utterances: [{ text: prompt }], format: { type: 'mp3' } }) });
  return fetch('https://api.fish.audio/v1/tts', { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body: JSON.stringify({ text: prompt, format: 'mp3' }) });
}`,
      calls: [
        { line: 2, provider: 'google', endpoint: 'image-generation' },
        { line: 3, provider: 'hume', endpoint: 'audio-speech' },
        { line: 4, provider: 'fish-audio', endpoint: 'audio-speech' },
      ],
    },
    {
      name: "a fetch wrapper putting the configured base before the path its callers pass (images, and a Midjourney job whose modal completes the action: one site); an upload wrapper rewriting its URL parameter through the same helper (an image edit, a Sora video)",
      code: `import axios from 'axios';
const settings = { base: '' };
const getUrl = (url: string) => {
  if (url.indexOf('http') == 0) return url;
  if (settings.base) return \`\${settings.base}\${url}\`;
  return \`/openapi\${url}\`;
};
export const apiFetch = (url: string, data?: any) => new Promise<any>((resolve) => {
  const opt: RequestInit = { method: 'POST', body: JSON.stringify(data) };
  fetch(getUrl(url), opt).then((response) => resolve(response.json()));
});
export const uploadFile = (url: string, form: FormData) => {
  url = getUrl(url);
  return axios.post(url, form, { headers: { 'Content-Type': 'multipart/form-data' } });
};
export async function draw(job: any, form: FormData) {
  const image = await apiFetch('/v1/images/generations', job.data);
  let submitted = await apiFetch('/mj/submit/action', job.data);
  if (submitted.code == 21) submitted = await apiFetch('/mj/submit/modal', { taskId: submitted.result, prompt: job.prompt });
  const edited = await uploadFile('/v1/images/edits', form);
  const video = await uploadFile('/v1/videos', form);
  return [image, submitted, edited, video];
}`,
      calls: [
        { line: 17, method: 'apiFetch /v1/images/generations', provider: 'openai-compatible', endpoint: 'image-generation' },
        { line: 18, method: 'apiFetch /mj/submit/action', provider: 'midjourney-proxy', endpoint: 'image-generation', evidenceIncludes: ["Midjourney subscription", 'completed by apiFetch /mj/submit/modal at line 19'] },
        { line: 20, method: 'uploadFile /v1/images/edits', provider: 'openai-compatible', endpoint: 'image-generation' },
        { line: 21, method: 'uploadFile /v1/videos', provider: 'openai-compatible', endpoint: 'other' },
      ],
    },
    {
      name: "axios handed the config an app's builder returns (`axios(claudeConfig(prompt))`), its URL a normalizer's default when the setting is unset; Dify's HTTP API (`${DIFY_URL}/chat-messages` with `inputs` and `query`)",
      code: `import axios from 'axios';
function normalizeBaseUrl(url?: string) {
  if (!url) return 'https://api.anthropic.com/v1/messages';
  return url.replace(/\\/$/, '');
}
const baseUrl = normalizeBaseUrl(process.env.CLAUDE_BASE_URL);
function claudeConfig(prompt: string) {
  return { method: 'post', url: baseUrl, headers: { 'x-api-key': 'k' }, data: { model: 'claude-3-5-sonnet-latest', max_tokens: 1024, messages: [{ role: 'user', content: prompt }] } };
}
export async function claude(prompt: string) {
  const config = claudeConfig(prompt);
  return axios(config);
}
export async function dify(prompt: string) {
  return axios({ method: 'post', url: \`\${process.env.DIFY_URL}/chat-messages\`, data: JSON.stringify({ inputs: {}, query: prompt, response_mode: 'blocking', user: 'bot' }) });
}`,
      calls: [
        { line: 12, provider: 'anthropic', endpoint: 'chat', model: 'claude-3-5-sonnet-latest', maxOutputTokens: 1024 },
        { line: 15, provider: 'dify', endpoint: 'chat', model: null, evidenceIncludes: ['configured in the Dify app'] },
      ],
    },
    {
      name: "a ChatKit session minted by hand for an Agent Builder workflow (the model is the workflow's); an embeddings request through a fetch factory called at once",
      code: `const DEFAULT_CHATKIT_BASE = 'https://api.openai.com';
export async function createSession(workflowId: string, userId: string, key: string) {
  const apiBase = process.env.CHATKIT_API_BASE ?? DEFAULT_CHATKIT_BASE;
  return fetch(\`\${apiBase}/v1/chatkit/sessions\`, { method: 'POST', headers: { Authorization: \`Bearer \${key}\`, 'OpenAI-Beta': 'chatkit_beta=v1' }, body: JSON.stringify({ workflow: { id: workflowId }, user: userId }) });
}
declare function customFetch(options: unknown): typeof fetch;
export async function embed(options: unknown, input: string[]) {
  return customFetch(options)('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input }) });
}`,
      calls: [
        { line: 4, provider: 'openai', endpoint: 'chat', model: null, evidenceIncludes: ['mints a ChatKit session'] },
        { line: 8, provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small', evidenceIncludes: ["the fetch the app's factory returns"] },
      ],
    },
    {
      name: "an Assistants API run created by hand (the model is the assistant's), a thread created and run at once; the run's status and the thread's messages read",
      code: `const headers = { 'OpenAI-Beta': 'assistants=v1', Authorization: \`Bearer \${process.env.OPENAI_TOKEN}\` };
export async function run(threadId: string, assistantId: string) {
  await fetch(\`https://api.openai.com/v1/threads/\${threadId}/runs\`, { method: 'POST', headers, body: JSON.stringify({ assistant_id: assistantId }) });
  await fetch('https://api.openai.com/v1/threads/runs', { method: 'POST', headers, body: JSON.stringify({ assistant_id: assistantId, model: 'gpt-4o-mini', thread: { messages: [] } }) });
  await fetch(\`https://api.openai.com/v1/threads/\${threadId}/runs/run_1\`, { headers });
  return fetch(\`https://api.openai.com/v1/threads/\${threadId}/messages?limit=100\`, { headers });
}`,
      calls: [
        { line: 3, provider: 'openai', endpoint: 'chat', model: null, evidenceIncludes: ['an Assistants API run'] },
        { line: 4, provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' },
      ],
    },
    {
      name: "a wrapper taking its URL in a property of a destructured object parameter (`streamOpenAICompatible({ req, res, apiUrl, apiKey })`), the body its own: each call naming an endpoint is a request to that host",
      files: {
        'src/openaiCompatible.ts': `export async function streamOpenAICompatible({ req, apiUrl, apiKey }: { req: { body: { model: string; messages: unknown[] } }; apiUrl: string; apiKey: string }) {
  const { model, messages } = req.body;
  const response = await fetch(apiUrl, { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ model, messages, stream: true }) });
  return response.body;
}
`,
      },
      code: `import { streamOpenAICompatible } from './openaiCompatible';
export const gpt = (req: { body: { model: string; messages: unknown[] } }) => streamOpenAICompatible({ req, apiUrl: 'https://api.openai.com/v1/chat/completions', apiKey: process.env.OPENAI_API_KEY ?? '' });
export const kimi = (req: { body: { model: string; messages: unknown[] } }) => streamOpenAICompatible({ req, apiUrl: 'https://api.moonshot.ai/v1/chat/completions', apiKey: process.env.MOONSHOT_API_KEY ?? '' });`,
      calls: [
        { line: 2, provider: 'openai', endpoint: 'chat' },
        { line: 3, provider: 'moonshot', endpoint: 'chat' },
      ],
    },
    {
      name: "a configured base's `/responses` posting a model and an `input`, and its `/messages` sent with Anthropic's key header and the `max_tokens` that API requires (the model a parameter)",
      code: `export async function responses(baseUrl: string, apiKey: string, model: string, input: unknown[]) {
  return fetch(\`\${baseUrl}/responses\`, { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ model, input, stream: true }) });
}
export async function messages(baseUrl: string, apiKey: string, model: string, messages: unknown[]) {
  const url = \`\${baseUrl}/messages\`;
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ model, messages, max_tokens: 64000, stream: true }) });
}`,
      calls: [
        { line: 2, provider: 'openai-compatible', endpoint: 'chat', model: null },
        { line: 6, provider: 'anthropic', endpoint: 'chat', model: null },
      ],
    },
    {
      name: "Obsidian's older `request({ url, method, body })` (answering with the body's text), as its `requestUrl`",
      code: `import { request } from 'obsidian';
export async function ask(apiKey: string, model: string, messages: unknown[]) {
  return request({ url: 'https://api.anthropic.com/v1/messages', method: 'POST', headers: { 'x-api-key': apiKey }, body: JSON.stringify({ model, max_tokens: 1024, messages }) });
}`,
      calls: [{ line: 3, method: 'request /v1/messages', provider: 'anthropic', endpoint: 'chat', evidenceIncludes: ['request() from obsidian'] }],
    },
    {
      name: "moderation endpoints called by hand: Mistral's (its chat variant for a conversation) and Azure AI Content Safety's analysis, on the resource's host or a configured endpoint",
      code: `export async function moderate(text: string, resourceName: string, endpoint: string, route: string, key: string, conversation: boolean) {
  const url = conversation ? 'https://api.mistral.ai/v1/chat/moderations' : 'https://api.mistral.ai/v1/moderations';
  await fetch(url, { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body: JSON.stringify({ model: 'mistral-moderation-latest', input: [text] }) });
  await fetch(\`https://\${resourceName}.cognitiveservices.azure.com/contentsafety/text:analyze?api-version=2024-09-01\`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': key }, body: JSON.stringify({ text }) });
  return fetch(\`\${endpoint}/contentsafety/\${route}?api-version=2024-09-01\`, { method: 'POST', body: JSON.stringify({ text }) });
}`,
      calls: [
        { line: 3, provider: 'mistral', endpoint: 'other', model: 'mistral-moderation-latest' },
        { line: 4, provider: 'azure-content-safety', endpoint: 'other' },
        { line: 5, provider: 'azure-content-safety', endpoint: 'other' },
      ],
    },
    {
      name: "a Suno music API (sunoapi.org): posts under /api/v1 queue generations, through the app's POST helper too; reading a task's state is no request",
      code: `const SUNO_BASE = 'https://api.sunoapi.org/api/v1';
async function sunoPost(path: string, body: Record<string, unknown>) {
  const res = await fetch(\`\${SUNO_BASE}\${path}\`, { method: 'POST', headers: { Authorization: 'Bearer ' + process.env.SUNO_API_KEY }, body: JSON.stringify(body) });
  return res.json();
}
export async function generateLyrics(prompt: string) {
  return fetch('https://api.sunoapi.org/api/v1/lyrics', { method: 'POST', body: JSON.stringify({ prompt, callBackUrl: 'https://example.com/cb' }) });
}
export async function taskStatus(taskId: string) {
  return fetch(\`https://api.sunoapi.org/api/v1/generate/record-info?taskId=\${taskId}\`);
}
export const generate = (prompt: string) => sunoPost('/generate', { prompt, model: 'V4_5', customMode: false });`,
      calls: [
        { line: 3, provider: 'suno', endpoint: 'other' },
        { line: 7, provider: 'suno', endpoint: 'other', method: 'fetch /api/v1/lyrics' },
        { line: 12, provider: 'suno', method: 'sunoPost /api/v1/generate', model: 'V4_5' },
      ],
    },
    {
      name: "a ky client a class makes in its constructor (`this.ky = ky.extend({ prefixUrl })`, ky injectable with the package's as default, the base a parameter's default from a namespace constant): its posts are under that base; an app wrapper over it too",
      code: `import defaultKy, { type KyInstance } from 'ky';
export namespace jigsawstack {
  export const API_BASE_URL = 'https://api.jigsawstack.com/v1/';
}
export class JigsawStackClient {
  protected readonly ky: KyInstance;
  constructor({ apiBaseUrl = jigsawstack.API_BASE_URL, ky = defaultKy }: { apiBaseUrl?: string; ky?: KyInstance } = {}) {
    this.ky = ky.extend({ prefixUrl: apiBaseUrl });
  }
  async textToSql(prompt: string) {
    return this.ky.post('ai/sql', { json: { prompt } }).json();
  }
}
export class FirecrawlClient {
  protected readonly ky: KyInstance;
  protected readonly apiBaseUrl: string;
  constructor({ apiBaseUrl = process.env.FIRECRAWL_API_BASE_URL ?? 'https://api.firecrawl.dev', throttle = true, ky = defaultKy }: { apiBaseUrl?: string; throttle?: boolean; ky?: KyInstance } = {}) {
    this.apiBaseUrl = apiBaseUrl;
    const throttledKy = throttle ? throttleKy(ky) : ky;
    this.ky = throttledKy.extend({ prefixUrl: this.apiBaseUrl });
  }
  async extract(urls: string[], prompt: string) {
    return this.postRequest('v1/extract', { urls, prompt });
  }
  protected async postRequest(path: string, data: unknown) {
    return (await this.ky.post(path, { json: data })).json();
  }
}
declare function throttleKy(ky: KyInstance): KyInstance;`,
      calls: [
        { line: 11, method: 'ky.post /v1/ai/sql', provider: 'jigsawstack', endpoint: 'chat' },
        { line: 23, method: 'postRequest /v1/extract', provider: 'firecrawl', endpoint: 'chat' },
      ],
    },
    {
      name: "a class extending a package's HTTP client (civkit's HTTPService) posts with the request method it inherits, to the base URL it hands `super()` or the default of the parameter it hands on",
      code: `import { HTTPService } from 'civkit/http';
export class OpenRouterHTTP extends HTTPService {
  constructor(public apiKey: string) {
    super('https://openrouter.ai/api/v1');
  }
  chatCompletions(payload: { model: string; messages: unknown[] }) {
    return this.postJson('/chat/completions', payload, { responseType: 'json' });
  }
}
export class GeminiHTTP extends HTTPService {
  constructor(apiKey: string, public baseUri: string = 'https://generativelanguage.googleapis.com/v1beta') {
    super(baseUri);
  }
  complete(model: string, payload: object) {
    return this.postJson(\`/models/\${model}:generateContent\`, payload);
  }
}
export class VertexHTTP extends GeminiHTTP {
  streamComplete(model: string, payload: object) {
    return this.postJson(\`/models/\${model}:streamGenerateContent\`, payload);
  }
}`,
      calls: [
        { line: 7, method: 'HTTPService.postJson /api/v1/chat/completions', provider: 'openrouter', endpoint: 'chat' },
        { line: 15, method: 'HTTPService.postJson /v1beta/models/{model}:generateContent', provider: 'google', endpoint: 'chat' },
        { line: 20, method: 'HTTPService.postJson /v1beta/models/{model}:streamGenerateContent', provider: 'google', endpoint: 'chat' },
      ],
    },
    {
      name: "a URL object whose path is added to after it is made (`endpoint.pathname = endpoint.pathname.replace(/\\/$/, '') + '/audio/transcriptions'`), sent as `endpoint.href`",
      code: `export async function transcribe(base: string, key: string, form: FormData) {
  const endpoint = new URL(base || 'https://api.openai.com/v1');
  endpoint.pathname = endpoint.pathname.replace(/\\/$/, '') + '/audio/transcriptions';
  const response = await fetch(endpoint.href, { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body: form });
  return response.json();
}`,
      calls: [{ line: 4, method: 'fetch /v1/audio/transcriptions', provider: 'openai', endpoint: 'audio-transcription' }],
    },
    {
      name: "Workers AI's REST API (`api.cloudflare.com/client/v4/accounts/{id}/ai/run/{model}`): Cloudflare's, the model in the path",
      code: `export async function run(id: string, token: string, prompt: string) {
  return fetch(\`https://api.cloudflare.com/client/v4/accounts/\${id}/ai/run/@cf/meta/llama-3.1-8b-instruct\`, { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ prompt }) });
}`,
      calls: [{ line: 2, provider: 'cloudflare-workers-ai', model: '@cf/meta/llama-3.1-8b-instruct' }],
    },
    {
      name: 'Workers AI with the model an optional chain picks at run time (`${params.model?.id || this.config.defaultModel}`): the `?.` is no query string',
      code: `export class WorkersAi {
  constructor(private readonly accountId: string, private readonly config: { defaultModel: string }) {}
  async run(params: { model?: { id: string } }, messages: object[]) {
    const modelId = params.model?.id || this.config.defaultModel;
    return fetch(\`https://api.cloudflare.com/client/v4/accounts/\${this.accountId}/ai/run/\${modelId}\`, { method: 'POST', body: JSON.stringify({ messages }) });
  }
}`,
      calls: [{ line: 5, provider: 'cloudflare-workers-ai', method: 'fetch /client/v4/accounts/{this.accountId}/ai/run/{params.model.id || this.config.defaultModel}' }],
    },
    {
      name: "a settings object the request is handed (typed with the app's settings classes, set at run time): the base URL and the model are the settings classes' field defaults, read as a guess",
      files: {
        'src/config.ts': `export class AnthropicConfig {
  ANTHROPIC_API_BASE = 'https://api.anthropic.com/v1';
  ANTHROPIC_CHAT_MODEL = 'claude-3-5-haiku-latest';
}
export class CohereConfig {
  COHERE_API_BASE = 'https://api.cohere.com/v2';
}
export type UserConfig = Record<string, any> & AnthropicConfig & CohereConfig;
`,
      },
      code: `import type { UserConfig } from './config';
export async function reply(context: UserConfig, messages: unknown[]) {
  const url = \`\${context.ANTHROPIC_API_BASE}/messages\`;
  return fetch(url, { method: 'POST', body: JSON.stringify({ model: context.ANTHROPIC_CHAT_MODEL, messages, max_tokens: 1024 }) });
}
export async function notes(context: UserConfig) {
  return fetch(\`\${context.NOTES_BASE}/messages\`, { method: 'POST', body: '{}' });
}`,
      calls: [{ line: 4, provider: 'anthropic', endpoint: 'chat', model: 'claude-3-5-haiku-latest', evidenceIncludes: ["the app's default settings give it"] }],
    },
    {
      name: "an app helper of any name sending its first parameter as the URL, two helpers deep, streamed line by line: the call writing Ollama's /api/generate path is the request",
      files: {
        'src/lineGenerator.ts': `export async function* lineGenerator(url: string, data: unknown, bearerToken: string): AsyncGenerator<string> {
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(data), headers: bearerToken ? { Authorization: \`Bearer \${bearerToken}\` } : {} });
  const reader = res.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield new TextDecoder().decode(value);
  }
}
`,
        'src/tokenGenerator.ts': `import { lineGenerator } from './lineGenerator';
export async function* ollamaTokenGenerator(url: string, data: unknown, bearerToken: string) {
  for await (const line of lineGenerator(url, data, bearerToken)) yield JSON.parse(line) as { response: string; done: boolean };
}
`,
      },
      code: `import { ollamaTokenGenerator } from './tokenGenerator';
export async function autocomplete(endpoint: string, prefix: string, suffix: string) {
  let completion = '';
  for await (const token of ollamaTokenGenerator(endpoint + '/api/generate', { model: 'stable-code:3b-code-q4_0', prompt: \`<fim_prefix>\${prefix}<fim_suffix>\${suffix}<fim_middle>\`, raw: true, options: { num_predict: 256 } }, '')) {
    completion += token.response;
  }
  return completion;
}`,
      calls: [{ line: 4, method: 'ollamaTokenGenerator /api/generate', provider: 'ollama', model: 'stable-code:3b-code-q4_0', promptIncludes: ['<fim_prefix>'] }],
    },
    {
      name: "CommonJS taking node-fetch's default export (`require('node-fetch').default`), a server forwarding to Cohere's embed API",
      code: `const fetch = require('node-fetch').default;\nasync function getCohereVectors(texts, key) {\n  const response = await fetch('https://api.cohere.ai/v1/embed', { method: 'POST', headers: { Authorization: \`Bearer \${key}\` }, body: JSON.stringify({ texts, model: 'embed-english-v3.0', input_type: 'search_document' }) });\n  return response.json();\n}\nmodule.exports = { getCohereVectors };`,
      calls: [{ line: 3, provider: 'cohere', endpoint: 'embedding', model: 'embed-english-v3.0' }],
    },
    {
      name: "fetch imported from a ponyfill (`import fetch from 'isomorphic-unfetch'`): OpenAI's legacy completions endpoint",
      code: `import fetch from 'isomorphic-unfetch';\nconst translateToSQL = async (query, apiKey) => {\n  const prompt = \`Translate this natural language query into SQL:\\n\\n"\${query}"\\n\\nSQL Query:\`;\n  const response = await fetch('https://api.openai.com/v1/completions', { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ prompt, max_tokens: 2048, model: 'gpt-3.5-turbo-instruct' }) });\n  return (await response.json()).choices[0].text;\n};\nexport default translateToSQL;`,
      calls: [{ line: 4, provider: 'openai', endpoint: 'completion', model: 'gpt-3.5-turbo-instruct', maxOutputTokens: 2048, promptIncludes: ['into SQL'] }],
    },
    {
      name: "a URL the user may override, else the entry of the app's URL map keyed by a computed name (`urls[services.claude]`)",
      files: { 'src/option.ts': `export const services = { claude: 'claude', openai: 'openai' };\n`, 'src/constant.ts': `import { services } from './option';\nexport const urls: any = {\n  [services.openai]: 'https://api.openai.com/v1/chat/completions',\n  [services.claude]: 'https://api.anthropic.com/v1/messages',\n};\n` },
      code: `import { services } from './option';\nimport { urls } from './constant';\ndeclare const config: { proxy: Record<string, string | undefined> };\nexport async function claude(message: { text: string }) {\n  const url = config.proxy[services.claude] || urls[services.claude];\n  const resp = await fetch(url, { method: 'POST', body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 100, messages: [{ role: 'user', content: message.text }] }) });\n  return resp.json();\n}\nexport const openai = (body: string) => fetch(urls['openai'], { method: 'POST', body });`,
      calls: [{ line: 6, provider: 'anthropic', endpoint: 'chat', model: 'claude-3-5-haiku-latest' }, { line: 9, provider: 'openai', endpoint: 'chat' }],
    },
    {
      name: "a server's base held as `new URL(proxy || API_BASE).toString()`, the provider's own host unless the user sets a reverse proxy",
      code: `const fetch = require('node-fetch').default;\nconst API_MISTRAL = 'https://api.mistral.ai/v1';\nconst API_CLAUDE = 'https://api.anthropic.com/v1';\nasync function sendMistral(request) {\n  const apiUrl = new URL(request.body.reverse_proxy || API_MISTRAL).toString();\n  return fetch(apiUrl + '/chat/completions', { method: 'POST', body: JSON.stringify({ model: request.body.model, messages: request.body.messages }) });\n}\nasync function sendClaude(request) {\n  const apiUrl = new URL(request.body.reverse_proxy || API_CLAUDE).toString();\n  const requestBody = { model: request.body.model, messages: request.body.messages, max_tokens: 100 };\n  return fetch(apiUrl + '/messages', { method: 'POST', body: JSON.stringify(requestBody) });\n}\nmodule.exports = { sendMistral, sendClaude };`,
      calls: [{ line: 6, provider: 'mistral', endpoint: 'chat' }, { line: 11, provider: 'anthropic', endpoint: 'chat' }],
    },
    {
      name: "a URL object given its path after it is made (`url.pathname = '/api/embeddings'`): Ollama's by its body, an OpenAI-shaped server's by its path and model",
      code: `export async function getOllamaVector(text: string, apiUrl: string, model: string, keep: boolean) {\n  const url = new URL(apiUrl);\n  url.pathname = '/api/embeddings';\n  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ prompt: text, model, keep_alive: keep ? -1 : undefined }) });\n  return response.json();\n}\nexport async function getVllmVectors(texts: string[], apiUrl: string, model: string) {\n  const url = new URL(apiUrl);\n  url.pathname = '/v1/embeddings';\n  return fetch(url, { method: 'POST', body: JSON.stringify({ input: texts, model }) });\n}`,
      calls: [{ line: 4, provider: 'ollama', endpoint: 'embedding' }, { line: 10, provider: 'openai-compatible', endpoint: 'embedding' }],
    },
    {
      name: "a helper giving a URL object its path before handing it out (`const url = new URL(apiEndpoint); url.pathname = '/v1/chat/completions'; return url`), held in a constant or called in place: the caller's base (a header, else the default) with that path",
      files: { 'src/utils.ts': `export const openAIApiEndpoint = process.env.OPENAI_API_ENDPOINT || 'https://api.openai.com';\n` },
      code: `import { openAIApiEndpoint } from './utils';
const getApiEndpoint = (apiEndpoint: string) => {
  const url = new URL(apiEndpoint);
  url.pathname = '/v1/chat/completions';
  return url;
};
export const handler = async (req: Request) => {
  const { messages, model } = await req.json();
  const apiEndpoint = getApiEndpoint(req.headers.get('x-openai-endpoint') || openAIApiEndpoint);
  const first = await fetch(apiEndpoint, { method: 'POST', body: JSON.stringify({ model, messages, stream: true }) });
  const usage = await fetch(new URL('/api/usage', req.url), { method: 'GET' });
  return fetch(getApiEndpoint(openAIApiEndpoint), { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Title this chat' }] }) });
};`,
      calls: [
        { line: 10, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat' },
        { line: 12, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' },
      ],
    },
    {
      name: "NovelAI's text and image APIs (a user's server or its own host), and Node's `global.fetch` to Cohere's chat",
      code: `const API_NOVELAI = 'https://api.novelai.net';\nconst IMAGE_NOVELAI = 'https://image.novelai.net';\nexport async function generate(body: { api_server?: string; streaming: boolean; input: string; model: string }) {\n  const baseURL = body.api_server || API_NOVELAI;\n  const url = body.streaming ? \`\${baseURL}/ai/generate-stream\` : \`\${baseURL}/ai/generate\`;\n  await fetch(url, { method: 'POST', body: JSON.stringify({ input: body.input, model: body.model }) });\n  return fetch(\`\${IMAGE_NOVELAI}/ai/generate-image\`, { method: 'POST', body: JSON.stringify({ input: body.input, model: 'nai-diffusion-3', action: 'generate' }) });\n}\nexport const chat = (config: object) => global.fetch('https://api.cohere.ai/v1/chat', config);`,
      calls: [{ line: 6, provider: 'novelai', endpoint: 'completion' }, { line: 7, provider: 'novelai', endpoint: 'image-generation' }, { line: 9, provider: 'cohere', endpoint: 'chat' }],
    },
    {
      name: "a userscript's cross-origin requests: Tampermonkey's `GM_xmlhttpRequest({ method, url, data })` and Greasemonkey 4's `GM.xmlHttpRequest`",
      code: `declare function GM_xmlhttpRequest(details: object): void;\ndeclare const GM: { xmlHttpRequest(details: object): void };\nexport function translate(text: string, token: string) {\n  GM_xmlhttpRequest({ method: 'POST', url: 'https://api.moonshot.cn/v1/chat/completions', headers: { Authorization: 'Bearer ' + token }, data: JSON.stringify({ model: 'moonshot-v1-8k', messages: [{ role: 'user', content: text }] }), onload: (resp: unknown) => resp });\n  GM.xmlHttpRequest({ method: 'POST', url: 'https://api.openai.com/v1/chat/completions', data: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }) });\n}`,
      calls: [{ line: 4, provider: 'moonshot', endpoint: 'chat', model: 'moonshot-v1-8k' }, { line: 5, provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' }],
    },
    {
      name: "fetch's options returned by the app's builder in another module (`const initOptions = generatePayload(apiKey, messages)`): the model in the body it serializes",
      files: { 'src/utils/openAI.ts': `export const generatePayload = (apiKey: string, messages: { role: string; content: string }[]): RequestInit => ({\n  headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${apiKey}\` },\n  method: 'POST',\n  body: JSON.stringify({ model: 'gpt-3.5-turbo', messages, temperature: 0.6, stream: true }),\n});\n` },
      code: `import { generatePayload } from './utils/openAI';\nexport async function post(request: Request) {\n  const { messages } = await request.json();\n  const baseUrl = (process.env.OPENAI_API_BASE_URL || 'https://api.openai.com').trim().replace(/\\/$/, '');\n  const initOptions = generatePayload(process.env.OPENAI_API_KEY ?? '', messages);\n  return fetch(\`\${baseUrl}/v1/chat/completions\`, initOptions);\n}`,
      calls: [{ line: 6, provider: 'openai', endpoint: 'chat', model: 'gpt-3.5-turbo', features: { streaming: true } }],
    },
    {
      name: "a Tauri app's requests through Tauri's HTTP client (`fetch` from '@tauri-apps/api/http', the body serialized with `Body.json(payload)`) to a configured endpoint",
      code: `import { fetch, Body } from '@tauri-apps/api/http';\nexport async function translate(text: string, config: { requestPath: string; model: string }) {\n  const body = { model: config.model, messages: [{ role: 'system', content: 'Translate into French.' }, { role: 'user', content: text }] };\n  return fetch(config.requestPath, { method: 'POST', body: Body.json(body) });\n}`,
      calls: [{ line: 4, provider: 'openai-compatible', endpoint: 'chat', promptIncludes: ['Translate into French'], evidenceIncludes: ['the URL is configured; the body is a chat request (model and messages)'] }],
    },
    {
      name: "a configured URL (the model put into a template the user sets, the key in the query) posting Gemini's generateContent body: Google's chat; a body of other contents is not one",
      code: `export async function callGemini(provider: { endpoint: string; model: string; apiKey: string }, prompt: string) {
  const url = provider.endpoint.replace('[MODEL_ID]', provider.model) + \`?key=\${provider.apiKey}\`;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ contents: [{ parts: [{ text: prompt }] }], generationConfig: { response_mime_type: 'application/json' } }),
  });
  return response.json();
}
export async function saveDraft(endpoint: string, contents: string[]) {
  return fetch(endpoint, { method: 'POST', body: JSON.stringify({ contents, title: 'draft' }) });
}`,
      calls: [{ line: 3, provider: 'google', endpoint: 'chat', evidenceIncludes: ["the body is Gemini's generateContent request (contents with parts)"] }],
    },
    {
      name: "a configured URL posting a parameter the app declares with its own request type (`body: JSON.stringify(request)`, `request: Request` stating `model` and `messages`): a chat request; a type without `messages` is not one",
      files: { 'src/Types.ts': `export type Message = { role: string; content: string };\nexport interface Request { model: string; messages?: Message[]; temperature?: number; stream?: boolean }\nexport interface Upload { model: string; file: string }\n` },
      code: `import type { Request, Upload } from './Types';
declare function getEndpoint(model: string): string;
export async function chatRequest(request: Request, signal: AbortSignal) {
  const fetchOptions = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request), signal };
  return fetch(getEndpoint(request.model), fetchOptions);
}
export async function upload(upload: Upload) {
  return fetch(getEndpoint(upload.model), { method: 'POST', body: JSON.stringify(upload) });
}`,
      calls: [{ line: 5, provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ['the URL is configured; the body is a chat request (model and messages)'] }],
    },
    {
      name: "a Zotero plugin's requests through Zotero's own HTTP client (`Zotero.HTTP.request(method, url, options)`, a global)",
      code: `declare const Zotero: { HTTP: { request(method: string, url: string, options: object): Promise<unknown> }; Prefs: { get(key: string): unknown } };\nexport async function ask(text: string) {\n  const api = Zotero.Prefs.get('gpt.api') as string;\n  await Zotero.HTTP.request('POST', \`\${api}/v1/chat/completions\`, { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] }), responseType: 'text' });\n  return Zotero.HTTP.request('POST', 'https://api.openai.com/v1/embeddings', { body: JSON.stringify({ model: 'text-embedding-3-small', input: [text] }) });\n}`,
      calls: [{ line: 4, method: 'Zotero.HTTP.request /v1/chat/completions', endpoint: 'chat', model: 'gpt-4o-mini' }, { line: 5, provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' }],
    },
    {
      name: "llama.cpp's server's own `/completion` endpoint posting a prompt, on its default local address or a base the user sets",
      code: `export class LlamaCpp {\n  apiBase = 'http://127.0.0.1:8080/';\n  async complete(prompt: string) {\n    return fetch(new URL('completion', this.apiBase), { method: 'POST', body: JSON.stringify({ prompt, stream: true, n_predict: 256 }) });\n  }\n}\nexport async function caption(serverUrl: string, prompt: string) {\n  return fetch(\`\${serverUrl}/completion\`, { method: 'POST', body: JSON.stringify({ prompt, n_predict: 100 }) });\n}`,
      calls: [{ line: 4, provider: 'llama.cpp', endpoint: 'completion' }, { line: 8, provider: 'llama.cpp', endpoint: 'completion' }],
    },
    {
      name: "Hugging Face's inference servers on the app's base (TGI's `generate_stream`, TEI's `embed`, each posting `inputs`) and a class's static endpoint (`NCompass.embeddingsApiEndpoint`)",
      code: `export class HuggingFaceTGI {\n  apiBase = 'http://localhost:8080/';\n  async stream(prompt: string, args: object) {\n    return fetch(new URL('generate_stream', this.apiBase), { method: 'POST', body: JSON.stringify({ inputs: prompt, parameters: args }) });\n  }\n  async embed(batch: string[]) {\n    return fetch(new URL('embed', this.apiBase), { method: 'POST', body: JSON.stringify({ inputs: batch }) });\n  }\n}\nexport class NCompass {\n  static embeddingsApiEndpoint = 'https://api.gcp.ncompass.tech/v1/embeddings';\n  model = 'nomic-embed-text-v1.5';\n  async embed(chunks: string[]) {\n    return fetch(NCompass.embeddingsApiEndpoint, { method: 'POST', body: JSON.stringify({ input: chunks, model: this.model }) });\n  }\n}`,
      calls: [{ line: 4, provider: 'self-hosted', endpoint: 'completion', features: { streaming: true } }, { line: 7, provider: 'self-hosted', endpoint: 'embedding' }, { line: 14, endpoint: 'embedding', model: 'nomic-embed-text-v1.5' }],
    },
    {
      name: "the PaLM API's generateMessage on Gemini's host, built from the model the caller passes",
      code: `export async function palm(apiBase: string, model: string, apiKey: string, messages: object[]) {\n  const apiURL = new URL(\`models/\${model}:generateMessage?key=\${apiKey}\`, apiBase);\n  return fetch(apiURL, { method: 'POST', body: JSON.stringify({ prompt: { messages } }) });\n}`,
      calls: [{ line: 3, provider: 'google', endpoint: 'chat' }],
    },
    {
      name: "a path helper on a base the user configures (watsonx's `${this.apiBase}ml/v1/${deploymentId ? ... : ''}text/${endpoint}_stream`), the optional segment left out",
      code: `export class WatsonXApi {\n  constructor(private apiBase: string, private deploymentId: string | undefined, private apiVersion: string) {}\n  private getEndpoint(endpoint: string): string {\n    return \`\${this.apiBase}ml/v1/\${this.deploymentId ? \`deployments/\${this.deploymentId}/\` : ''}text/\${endpoint}_stream?version=\${this.apiVersion}\`;\n  }\n  async chat(messages: object[]) {\n    const url = this.getEndpoint('chat');\n    return fetch(url, { method: 'POST', body: JSON.stringify({ messages, model_id: 'ibm/granite-13b-chat-v2', max_tokens: 100 }) });\n  }\n}`,
      calls: [{ line: 8, provider: 'ibm-watsonx', endpoint: 'chat', model: 'ibm/granite-13b-chat-v2', features: { streaming: true } }],
    },
    {
      name: "consumer chat web apps a multi-bot client drives: Le Chat, Phind's rewrite and answer, Qianwen's dialog, ChatGLM's stream context, 360's AI Brain, HuggingChat",
      code: `import axios from 'axios';\nimport { SSE } from 'sse.js';\nexport async function bots(prompt: string, id: string) {\n  await axios.post('https://chat.mistral.ai/api/chat', { messages: [{ content: prompt }], model: 'mistral-large' });\n  await axios.post('https://www.phind.com/api/infer/followup/rewrite', { questionToRewrite: prompt });\n  new SSE('https://www.phind.com/api/infer/answer', { start: false, payload: JSON.stringify({ question: prompt }) });\n  new SSE('https://qianwen.biz.aliyun.com/dialog/conversation', { method: 'POST', payload: JSON.stringify({ contents: [{ content: prompt }] }) });\n  await axios.post(\`https://chatglm.cn/chatglm/backend-api/v1/stream_context?__requestid=\${id}\`, { prompt });\n  new SSE('https://chat.360.com/backend-api/api/common/chat', { method: 'POST', payload: JSON.stringify({ prompt }) });\n  await fetch(\`https://huggingface.co/chat/conversation/\${id}\`, { method: 'POST', body: JSON.stringify({ inputs: prompt }) });\n}`,
      calls: [{ line: 4, provider: 'mistral-web' }, { line: 5, provider: 'phind-web' }, { line: 6, provider: 'phind-web' }, { line: 7, provider: 'qianwen-web' }, { line: 8, provider: 'chatglm-web' }, { line: 9, provider: '360-ai-brain-web' }, { line: 10, provider: 'huggingchat-web' }],
    },
    {
      name: "a template led by a class's static base read through `this.constructor` (a bot class's `static _loginUrl`)",
      code: `class Bot { static _loginUrl = ''; }\nexport default class HuggingChatBot extends Bot {\n  static _loginUrl = 'https://huggingface.co/chat/';\n  async send(conversationId: string, prompt: string) {\n    return fetch(\`\${(this.constructor as typeof HuggingChatBot)._loginUrl}conversation/\${conversationId}\`, { method: 'POST', body: JSON.stringify({ inputs: prompt }) });\n  }\n  async sendUntyped(conversationId: string, prompt: string) {\n    // @ts-ignore\n    return fetch(\`\${this.constructor._loginUrl}conversation/\${conversationId}\`, { method: 'POST', body: JSON.stringify({ inputs: prompt }) });\n  }\n}`,
      calls: [{ line: 5, provider: 'huggingchat-web', endpoint: 'chat' }, { line: 9, provider: 'huggingchat-web', endpoint: 'chat' }],
    },
    {
      name: "a template led by a field the class initializes and never assigns (`private readonly baseUrl = 'https://api.elevenlabs.io/v1'`); one the constructor reassigns is not read as its initializer",
      code: `export class ElevenLabsSTT {\n  private readonly baseUrl: string = 'https://api.elevenlabs.io/v1';\n  async transcribe(audio: Blob) {\n    const form = new FormData();\n    form.append('file', audio);\n    form.append('model_id', 'scribe_v1');\n    return fetch(\`\${this.baseUrl}/speech-to-text\`, { method: 'POST', body: form });\n  }\n}\nexport class Relay {\n  private baseUrl = 'https://api.elevenlabs.io/v1';\n  constructor(base: string) { this.baseUrl = base; }\n  async transcribe(audio: Blob) {\n    return fetch(\`\${this.baseUrl}/speech-to-text\`, { method: 'POST', body: audio });\n  }\n}`,
      calls: [{ line: 7, provider: 'elevenlabs', endpoint: 'audio-transcription' }],
    },
    {
      name: "HuggingChat's conversation on a configured base defaulting to huggingface.co (a FormData body); deleting the conversation afterwards (`method: 'DELETE'`, `body: null`) is no request",
      code: `export class HuggingChat {\n  constructor(private config: { url?: string }, private cookie: string) {}\n  async send(conversationId: string, prompt: string) {\n    const baseUrl = this.config.url || 'https://huggingface.co';\n    const formData = new FormData();\n    formData.append('data', JSON.stringify({ inputs: prompt }));\n    const response = await fetch(\`\${baseUrl}/chat/conversation/\${conversationId}\`, { headers: { cookie: this.cookie }, body: formData, method: 'POST' });\n    await fetch(\`\${baseUrl}/chat/conversation/\${conversationId}\`, { headers: { cookie: this.cookie }, body: null, method: 'DELETE' });\n    return response;\n  }\n}`,
      calls: [{ line: 7, provider: 'huggingchat-web', endpoint: 'chat' }],
    },
    {
      name: "a model preloaded by posting only `{ model }` (and `keep_alive`) to Ollama's `/api/chat` or `/api/embeddings`: Ollama loads it and generates nothing, so it is no request; the same path with messages is one",
      code: `export const preloadModel = async (host: string, model: string, isEmbedding = false) => {\n  fetch(\`\${host}/api/\${isEmbedding ? 'embeddings' : 'chat'}\`, { method: 'POST', body: JSON.stringify({ model: model }) });\n  fetch(\`\${host}/api/generate\`, { method: 'POST', body: JSON.stringify({ model, keep_alive: '10m' }) });\n};\nexport const chat = (host: string, model: string, text: string) => fetch(\`\${host}/api/chat\`, { method: 'POST', body: JSON.stringify({ model, messages: [{ role: 'user', content: text }], stream: false }) });`,
      calls: [{ line: 5, provider: 'ollama', endpoint: 'chat' }],
    },
    {
      name: "a request through a CORS proxy handed the provider's URL (`https://corsproxy.io/?${encodeURIComponent('https://api.anthropic.com/v1/messages')}`) reaches that URL; a proxy handed a URL that is no provider's is no request",
      code: `export const title = (key: string, messages: object[]) => fetch(\`https://corsproxy.io/?\${encodeURIComponent('https://api.anthropic.com/v1/messages')}\`, { method: 'POST', headers: { 'x-api-key': key }, body: JSON.stringify({ model: 'claude-3-5-haiku-latest', max_tokens: 18, messages }) });\nexport const page = (url: string) => fetch('https://corsproxy.io/?' + encodeURIComponent(url), { method: 'POST', body: JSON.stringify({ url }) });`,
      calls: [{ line: 1, provider: 'anthropic', endpoint: 'chat', model: 'claude-3-5-haiku-latest' }],
    },
    {
      name: "completions by the engines path (`/v1/engines/{engine}/completions`, GooseAI's and OpenAI's first API) and AI21 Studio's Jurassic-2 `/studio/v1/{model}/complete`: the model is in the path",
      code: `export const goose = (engine: string, prompt: string) => fetch(\`https://api.goose.ai/v1/engines/\${engine}/completions\`, { method: 'POST', body: JSON.stringify({ prompt, max_tokens: 40 }) });\nexport const ai21 = (prompt: string) => fetch('https://api.ai21.com/studio/v1/j2-ultra/complete', { method: 'POST', body: JSON.stringify({ prompt, numResults: 1 }) });\nexport const davinci = (prompt: string) => fetch('https://api.openai.com/v1/engines/text-davinci-003/completions', { method: 'POST', body: JSON.stringify({ prompt }) });`,
      calls: [
        { line: 1, provider: 'gooseai', endpoint: 'completion' },
        { line: 2, provider: 'ai21', endpoint: 'completion', model: 'j2-ultra' },
        { line: 3, provider: 'openai', endpoint: 'completion', model: 'text-davinci-003' },
      ],
    },
    {
      name: "chat web apps over a WebSocket under the user's login: Bing's hub (a URL chosen by a token, or a method returning it), Character.AI",
      code: `import WebSocketAsPromised from 'websocket-as-promised';\nexport class BingBot {\n  private buildWssUrl(signature?: string) {\n    if (!signature) return 'wss://sydney.bing.com/sydney/ChatHub';\n    return \`wss://sydney.bing.com/sydney/ChatHub?sec_access_token=\${encodeURIComponent(signature)}\`;\n  }\n  async send(prompt: string, signature?: string) {\n    const wsp = new WebSocketAsPromised(this.buildWssUrl(signature), { packMessage: JSON.stringify });\n    await wsp.open();\n    wsp.send(JSON.stringify({ arguments: [{ message: { text: prompt } }] }));\n  }\n}\nexport function character(token?: string) {\n  const url = token ? \`wss://neo.character.ai/ws/?t=\${token}\` : 'wss://neo.character.ai/ws/';\n  return new WebSocketAsPromised(url, {});\n}`,
      calls: [{ line: 8, provider: 'bing-web', endpoint: 'chat', features: { streaming: true } }, { line: 15, provider: 'characterai-web', endpoint: 'chat' }],
    },
    {
      name: "Stable Diffusion WebUI's txt2img on the user's server (the path set on a URL object)",
      code: `export async function draw(serverUrl: string, body: object) {\n  const url = new URL(serverUrl);\n  url.pathname = '/sdapi/v1/txt2img';\n  return fetch(url, { method: 'POST', body: JSON.stringify(body) });\n}`,
      calls: [{ line: 4, provider: 'self-hosted', endpoint: 'image-generation' }],
    },
    {
      name: "Ask Sage's gateway: a path helper on the class's default base, the query endpoint chosen by whether a file is attached",
      code: `const DEFAULT_API_URL = 'https://api.asksage.ai/server/';\nexport class Asksage {\n  static defaultOptions = { apiBase: DEFAULT_API_URL };\n  apiBase = DEFAULT_API_URL;\n  protected getEndpoint(endpoint: string) {\n    return new URL(endpoint, this.apiBase);\n  }\n  async complete(message: string, model: string, file?: Blob) {\n    const endpoint = file ? 'query_with_file' : 'query';\n    return fetch(this.getEndpoint(endpoint), { method: 'POST', body: JSON.stringify({ message, model }) });\n  }\n}`,
      calls: [{ line: 10, provider: 'asksage', endpoint: 'chat' }],
    },
    {
      name: "a request method taking its path as a parameter (`new URL(path, this.apiBase)`), the class calling it with the API's paths",
      code: `export class InceptionApi {\n  apiBase = 'https://api.inceptionlabs.ai/v1/';\n  private async streamCustomEndpoint(path: string, body: { model: string; messages: object[] }) {\n    const endpoint = new URL(path, this.apiBase);\n    return fetch(endpoint, { method: 'POST', body: JSON.stringify({ model: body.model, messages: body.messages, stream: true }) });\n  }\n  edit(body: { model: string; messages: object[] }) {\n    return this.streamCustomEndpoint('edit/completions', body);\n  }\n}`,
      calls: [{ line: 5, endpoint: 'completion', evidenceIncludes: ["path `edit/completions` passed as path by this.streamCustomEndpoint() at line 8"] }],
    },
    {
      name: "Vertex AI's `:predict` on Google's models: Codey's code completion and an embedding model",
      code: `export class VertexAI {\n  apiBase = 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/';\n  complete(prefix: string) {\n    return fetch(new URL('publishers/google/models/code-gecko:predict', this.apiBase), { method: 'POST', body: JSON.stringify({ instances: [{ prefix }] }) });\n  }\n  embed(chunks: string[]) {\n    return fetch(new URL('publishers/google/models/text-embedding-005:predict', this.apiBase), { method: 'POST', body: JSON.stringify({ instances: chunks.map((content) => ({ content })) }) });\n  }\n}`,
      calls: [{ line: 4, provider: 'google-vertex', endpoint: 'completion' }, { line: 7, provider: 'google-vertex', endpoint: 'embedding' }],
    },
    {
      name: "a helper returning the URL it writes itself (`return new URL('embeddings', this.apiBase)`, after a special case's own), on the class's default base",
      code: `export class OpenAI {\n  static defaultOptions = { apiBase: 'https://api.openai.com/v1/' };\n  apiBase?: string;\n  apiType?: string;\n  deployment?: string;\n  private getEmbedEndpoint() {\n    if (this.apiType === 'azure') return new URL(\`openai/deployments/\${this.deployment}/embeddings?api-version=2024-02-01\`, this.apiBase);\n    return new URL('embeddings', this.apiBase);\n  }\n  async embed(chunks: string[], model: string) {\n    return fetch(this.getEmbedEndpoint(), { method: 'POST', body: JSON.stringify({ input: chunks, model }) });\n  }\n}`,
      calls: [{ line: 11, provider: 'openai', endpoint: 'embedding' }],
    },
    {
      name: "a realtime session minted with no body (the server's default session) is still one",
      code: `export async function mintSession(apiKey: string) {\n  const response = await fetch('https://api.openai.com/v1/realtime/client_secrets', { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` } });\n  return response.json();\n}`,
      calls: [{ line: 2, provider: 'openai' }],
    },
    {
      name: "a google-auth-library client's request({ url, method, body }) behind the class's own post helper, its URL built by template helpers from the method name and a default endpoint",
      code: `import type { AuthClient } from 'google-auth-library';
export const CODE_ASSIST_ENDPOINT = 'https://cloudcode-pa.googleapis.com';
export class CodeAssistServer {
  constructor(readonly client: AuthClient) {}
  async generateContent(request: object) {
    return this.requestPost('generateContent', { model: 'gemini-2.5-flash', request });
  }
  async requestPost<T>(method: string, req: object): Promise<T> {
    const res = await this.client.request<T>({ url: this.getMethodUrl(method), method: 'POST', body: JSON.stringify(req) });
    return res.data;
  }
  getBaseUrl(): string {
    const endpoint = process.env['CODE_ASSIST_ENDPOINT'] ?? CODE_ASSIST_ENDPOINT;
    return \`\${endpoint}/v1internal\`;
  }
  getMethodUrl(method: string): string {
    return \`\${this.getBaseUrl()}:\${method}\`;
  }
}`,
      calls: [{ line: 6, method: 'requestPost /v1internal:generateContent', provider: 'google', endpoint: 'chat', model: 'gemini-2.5-flash' }],
    },
    {
      name: "Code Assist's versioned method on a base the class keeps in a field from its config (its host not in the URL)",
      code: `export class CodeAssistAdapter {
  private readonly endpoint: string;
  constructor(config: { endpoint?: string }) { this.endpoint = config.endpoint ?? readEndpoint(); }
  async generate(payload: object) {
    return fetch(\`\${this.endpoint}/v1internal:streamGenerateContent?alt=sse\`, { method: 'POST', body: JSON.stringify(payload) });
  }
}
declare function readEndpoint(): string;`,
      calls: [{ line: 5, method: 'fetch /v1internal:streamGenerateContent?alt=sse', provider: 'google', endpoint: 'chat', features: { streaming: true } }],
    },
    {
      name: "a wrapper taking the request as one object ({ url, method, body }) through another that destructures it; a host defaulted, trimmed and normalised before the URL template",
      code: `import { fetchResponseOrThrow } from './fetchers';
export async function speak(access: { apiHost?: string; apiKey: string }, text: string, voice: string) {
  const url = 'https://api.openai.com/v1/audio/speech';
  return fetchResponseOrThrow({ url, method: 'POST', headers: { Authorization: 'Bearer ' + access.apiKey }, body: { model: 'gpt-4o-mini-tts', input: text, voice } });
}
export async function transcribe(access: { apiHost?: string }, audio: Blob) {
  let host = (access.apiHost || DEFAULTS.DEEPGRAM_HOST).trim();
  if (!host.startsWith('http')) host = \`https://\${host}\`;
  if (host.endsWith('/')) host = host.slice(0, -1);
  const url = \`\${host}/v1/listen?\${new URLSearchParams({ model: 'nova-3' }).toString()}\`;
  return fetch(url, { method: 'POST', body: audio });
}
const DEFAULTS = { DEEPGRAM_HOST: 'https://api.deepgram.com' };`,
      files: {
        'src/fetchers.ts': `export async function fetchResponseOrThrow(config: { url: string; method?: 'GET' | 'POST'; headers?: HeadersInit; body?: object }) {
  return fetchFrom(config, 'response');
}
async function fetchFrom(config: { url: string; method?: string; headers?: HeadersInit; body?: object }, parser: string) {
  const { url, method = 'GET', headers } = config;
  const body = 'body' in config ? JSON.stringify(config.body) : undefined;
  const response = await fetch(url, { method, headers, body });
  if (!response.ok) throw new Error(parser + ' ' + response.status);
  return response;
}`,
      },
      calls: [
        { line: 4, method: 'fetchResponseOrThrow /v1/audio/speech', provider: 'openai', endpoint: 'audio-speech', model: 'gpt-4o-mini-tts' },
        { line: 11, method: 'fetch /v1/listen', provider: 'deepgram', endpoint: 'audio-transcription' },
      ],
    },
    {
      name: "requests built as data by one function per provider the user picks (big-AGI's dispatch): the URL from the app's access helper (`...anthropicAccess(access, PATHS.messages)`), a tidied default host, a TypeScript namespace's path constant, a host per provider, and a request object handed to the app's fetch wrapper",
      files: {
        'src/hosts.ts': `export function fixupHost(host: string, apiPath: string): string {\n  if (!host.startsWith('http')) host = \`https://\${host}\`;\n  return host.endsWith('/') && apiPath.startsWith('/') ? host.slice(0, -1) : host;\n}\n`,
        'src/access.ts': `import { fixupHost } from './hosts';
const DEFAULT_ANTHROPIC_HOST = 'api.anthropic.com';
const DEFAULT_GEMINI_HOST = 'https://generativelanguage.googleapis.com';
export const ANTHROPIC_API_PATHS = { messages: '/v1/messages', models: '/v1/models' };
export const OPENAI_API_PATHS = { chatCompletions: '/v1/chat/completions' };
export function anthropicAccess(access: { anthropicHost?: string }, apiPath: string): { headers: HeadersInit; url: string } {
  const anthropicHost = fixupHost(access.anthropicHost || process.env.ANTHROPIC_API_HOST || DEFAULT_ANTHROPIC_HOST, apiPath);
  return { headers: { 'anthropic-version': '2023-06-01' }, url: anthropicHost + apiPath };
}
export function geminiAccess(access: { geminiHost?: string }, apiPath: string): { headers: HeadersInit; url: string } {
  const geminiHost = fixupHost(access.geminiHost || DEFAULT_GEMINI_HOST, apiPath);
  return { headers: {}, url: geminiHost + apiPath };
}
export function openAIAccess(access: { dialect: string; oaiHost?: string }, apiPath: string): { headers: HeadersInit; url: string } {
  switch (access.dialect) {
    case 'groq':
      return { headers: {}, url: fixupHost(access.oaiHost || 'https://api.groq.com/openai', apiPath) + apiPath };
    case 'mistral':
      return { headers: {}, url: fixupHost(access.oaiHost || 'https://api.mistral.ai', apiPath) + apiPath };
    default:
      return { headers: {}, url: fixupHost(access.oaiHost || 'https://api.openai.com', apiPath) + apiPath };
  }
}
`,
        'src/wire.ts': `export namespace GeminiWire_Generate {\n  export const postPath = '/v1beta/{model=models/*}:generateContent';\n  export const streamingPostPath = '/v1beta/{model=models/*}:streamGenerateContent?alt=sse';\n}\n`,
        'src/fetchers.ts': `export async function fetchResponseOrThrow(config: { url: string; method: string; headers: HeadersInit; body?: object; signal?: AbortSignal }) {\n  return fetch(config.url, { method: config.method, headers: config.headers, body: JSON.stringify(config.body), signal: config.signal });\n}\n`,
      },
      code: `import { anthropicAccess, geminiAccess, openAIAccess, ANTHROPIC_API_PATHS, OPENAI_API_PATHS } from './access';
import { GeminiWire_Generate } from './wire';
import { fetchResponseOrThrow } from './fetchers';
export function createDispatch(access: any, model: { id: string }, body: any, streaming: boolean) {
  switch (access.dialect) {
    case 'anthropic':
      return {
        request: {
          ...anthropicAccess(access, ANTHROPIC_API_PATHS.messages),
          method: 'POST',
          body: { model: model.id, max_tokens: 1024, messages: body.messages },
        },
      };
    case 'gemini':
      return {
        request: {
          ...geminiAccess(access, streaming ? GeminiWire_Generate.streamingPostPath : GeminiWire_Generate.postPath),
          method: 'POST',
          body: { contents: body.contents },
        },
      };
    case 'gemini-agent': {
      const request = { ...geminiAccess(access, '/v1beta/interactions'), method: 'POST', body: { agent: 'deep-research', input: body.input } };
      return { request, connect: (signal: AbortSignal) => fetchResponseOrThrow({ ...request, signal }) };
    }
    default:
      return {
        request: {
          ...openAIAccess(access, OPENAI_API_PATHS.chatCompletions),
          method: 'POST',
          body: { model: model.id, messages: body.messages, stream: streaming },
        },
      };
  }
}`,
      calls: [
        { line: 8, method: 'request /v1/messages', provider: 'anthropic', endpoint: 'chat', maxOutputTokens: 1024, evidenceIncludes: ['a request built as data', 'anthropicAccess (access.ts:6)'] },
        { line: 16, method: 'request /v1beta/{model=models/*}:streamGenerateContent', provider: 'google', endpoint: 'chat' },
        { line: 24, method: 'fetchResponseOrThrow /v1beta/interactions', provider: 'google', endpoint: 'chat', evidenceIncludes: ["the request's its URL is what geminiAccess"] },
        { line: 28, method: 'request /v1/chat/completions', provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ["on one of 3 providers' hosts the user's setting picks (groq, mistral, openai)"] },
      ],
    },
    {
      name: "a URL destructured from the app's access helper (`const { headers, url } = elevenlabsAccess(access, path)`), whose host is a default it tidies (`(access.apiHost || 'api.elevenlabs.io').trim()`, then given https)",
      files: { 'src/fetchers.ts': `export async function fetchOrThrow(config: { url: string; method: string; headers: HeadersInit; body: object }) {\n  return fetch(config.url, { method: config.method, headers: config.headers, body: JSON.stringify(config.body) });\n}\n` },
      code: `import { fetchOrThrow } from './fetchers';
function elevenlabsAccess(access: { apiKey: string; apiHost?: string }, apiPath: string): { headers: HeadersInit; url: string } {
  let host = (access.apiHost || 'api.elevenlabs.io').trim();
  if (!host.startsWith('http')) host = \`https://\${host}\`;
  if (host.endsWith('/') && apiPath.startsWith('/')) host = host.slice(0, -1);
  return { headers: { 'xi-api-key': access.apiKey }, url: host + apiPath };
}
export async function speak(access: { apiKey: string; apiHost?: string }, voiceId: string, text: string) {
  const path = \`/v1/text-to-speech/\${voiceId}/stream\`;
  const { headers, url } = elevenlabsAccess(access, path);
  return fetchOrThrow({ url, method: 'POST', headers, body: { text, model_id: 'eleven_flash_v2_5' } });
}`,
      calls: [{ line: 11, method: 'fetchOrThrow /v1/text-to-speech/{voiceId}/stream', provider: 'elevenlabs', endpoint: 'audio-speech', model: 'eleven_flash_v2_5' }],
    },
    {
      name: "consumer chat web apps driven with the end user's logged-in session (ChatGPT's backend-api on its host or a configured one, Claude's, Kimi's, Gemini's web UI): served under the user's account",
      code: `export async function ask(token: string, org: string, conversation: string, settings: { chatgptWebBase: string }, prompt: string) {
  await fetch('https://chatgpt.com/backend-api/conversation', { method: 'POST', headers: { Authorization: \`Bearer \${token}\` }, body: JSON.stringify({ action: 'next', model: 'auto', messages: [{ content: { parts: [prompt] } }] }) });
  await fetch(\`\${settings.chatgptWebBase}/backend-api/conversation\`, { method: 'POST', body: JSON.stringify({ action: 'next', messages: [] }) });
  await fetch(\`https://claude.ai/api/organizations/\${org}/chat_conversations/\${conversation}/completion\`, { method: 'POST', body: JSON.stringify({ prompt }) });
  await fetch(\`https://kimi.moonshot.cn/api/chat/\${conversation}/completion/stream\`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: prompt }] }) });
  await fetch('https://gemini.google.com/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate?bl=x', { method: 'POST', body: new URLSearchParams({ 'f.req': prompt }) });
}`,
      calls: [
        { line: 2, method: 'fetch /backend-api/conversation', provider: 'chatgpt-web', endpoint: 'chat' },
        { line: 3, provider: 'chatgpt-web', endpoint: 'chat' },
        { line: 4, provider: 'claude-web', endpoint: 'chat' },
        { line: 5, provider: 'kimi-web', endpoint: 'chat' },
        { line: 6, provider: 'gemini-web', endpoint: 'chat' },
      ],
    },
    {
      name: "more assistants' web apps (claude.ai's earlier endpoints, Bard's host, Pi, Grok in X, Qianwen, Spark, Baichuan) and Anthropic's legacy Text Completions, some through ofetch",
      code: `import { ofetch } from 'ofetch';
export async function ask(prompt: string, form: FormData) {
  await fetch('https://claude.ai/api/append_message', { method: 'POST', body: JSON.stringify({ completion: { prompt } }) });
  await ofetch('https://claude.ai/api/generate_chat_title', { method: 'POST', body: { message_content: prompt } });
  await ofetch('https://bard.google.com/_/BardChatUi/data/assistant.lamda.BardFrontendService/StreamGenerate', { method: 'POST', body: new URLSearchParams({ 'f.req': prompt }) });
  await fetch('https://pi.ai/api/chat', { method: 'POST', body: JSON.stringify({ text: prompt }) });
  await fetch('https://api.twitter.com/2/grok/add_response.json', { method: 'POST', body: JSON.stringify({ responses: [{ message: prompt }] }) });
  await fetch('https://qianwen.aliyun.com/conversation', { method: 'POST', body: JSON.stringify({ prompt }) });
  await fetch('https://xinghuo.xfyun.cn/iflygpt-chat/u/chat_message/chat', { method: 'POST', body: form });
  await fetch('https://www.baichuan-ai.com/api/chat/v1/chat', { method: 'POST', body: JSON.stringify({ stream: true, prompt: { data: prompt } }) });
  await fetch('https://api.anthropic.com/v1/complete', { method: 'POST', body: JSON.stringify({ prompt: \`\\n\\nHuman: \${prompt}\\n\\nAssistant:\`, model: 'claude-instant-1.2', max_tokens_to_sample: 1000 }) });
}`,
      calls: [
        { line: 3, provider: 'claude-web', endpoint: 'chat' },
        { line: 4, provider: 'claude-web', endpoint: 'chat', evidenceIncludes: ['ofetch() from ofetch'] },
        { line: 5, provider: 'gemini-web', endpoint: 'chat' },
        { line: 6, provider: 'pi-web', endpoint: 'chat' },
        { line: 7, provider: 'grok-web', endpoint: 'chat' },
        { line: 8, provider: 'qianwen-web', endpoint: 'chat' },
        { line: 9, provider: 'xunfei-web', endpoint: 'chat' },
        { line: 10, provider: 'baichuan-web', endpoint: 'chat' },
        { line: 11, provider: 'anthropic', endpoint: 'completion', model: 'claude-instant-1.2' },
      ],
    },
    {
      name: "a fetch an app's factory returns, held in a local (`const fetchRetry = await createFetch(...)`, `const fetch = await createFetch(...)`); a transcription's multipart body naming its model, and a speech path on a configured base",
      code: `declare function createFetch(options?: object): Promise<typeof fetch>;
export async function chat(cfg: { base: string }, body: object) {
  const fetchRetry = await createFetch({ retries: 3 });
  return fetchRetry(\`\${cfg.base}/chat/completions\`, { method: 'POST', body: JSON.stringify(body) });
}
export async function embed(cfg: { base: string; model: string }, input: string[]) {
  const fetch = await createFetch();
  return fetch(\`\${cfg.base}/embeddings\`, { method: 'POST', body: JSON.stringify({ model: cfg.model, input }) });
}
export async function transcribe(cfg: { base: string }, file: Blob, model: string) {
  const body = new FormData();
  body.append('model', model);
  body.append('file', file);
  return global.fetch(\`\${cfg.base}/audio/transcriptions\`, { method: 'POST', body });
}
export async function speak(cfg: { base: string }, input: string) {
  return fetch(\`\${cfg.base}/audio/speech\`, { method: 'POST', body: JSON.stringify({ model: 'tts-1', input, voice: 'alloy' }) });
}`,
      calls: [
        { line: 4, provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ["fetchRetry(): the fetch the app's createFetch() returns"] },
        { line: 8, provider: 'openai-compatible', endpoint: 'embedding', evidenceIncludes: ["fetch(): the fetch the app's createFetch() returns"] },
        { line: 14, provider: 'openai-compatible', endpoint: 'audio-transcription' },
        { line: 17, provider: 'openai-compatible', endpoint: 'audio-speech', model: 'tts-1' },
      ],
    },
    {
      name: "providers' own endpoints beside their OpenAI-compatible ones: DeepInfra's inference API (the model in the path), Relace's Instant Apply on a base the class defaults to",
      code: `export class DeepInfra {
  constructor(private model: string, private apiKey: string) {}
  async embed(chunks: string[]) {
    return fetch(\`https://api.deepinfra.com/v1/inference/\${this.model}\`, { method: 'POST', headers: { Authorization: \`bearer \${this.apiKey}\` }, body: JSON.stringify({ inputs: chunks }) });
  }
}
export class Relace {
  private apiBase = 'https://instantapply.endpoint.relace.run/v1/';
  async apply(initialCode: string, editSnippet: string) {
    return fetch(this.apiBase + 'code/apply', { method: 'POST', body: JSON.stringify({ initialCode, editSnippet }) });
  }
}`,
      calls: [
        { line: 4, provider: 'deepinfra', endpoint: 'other' },
        { line: 10, provider: 'relace', endpoint: 'chat' },
      ],
    },
    {
      name: "other AI vendors' own APIs: AI Horde's queued text and image generations, Azure AI Speech's text to speech and batch transcription (on the resource's own endpoint too), Together's legacy inference endpoint, Pollinations' image generation",
      code: `export async function run(body: object, region: string, prompt: string, endpoint: string, audioUrl: string) {
  await fetch('https://aihorde.net/api/v2/generate/text/async', { method: 'POST', body: JSON.stringify(body) });
  await fetch('https://aihorde.net/api/v2/generate/async', { method: 'POST', body: JSON.stringify(body) });
  await fetch(\`https://\${region}.tts.speech.microsoft.com/cognitiveservices/v1\`, { method: 'POST', headers: { 'Ocp-Apim-Subscription-Key': 'k' }, body: '<speak/>' });
  await fetch('https://api.together.xyz/api/inference', { method: 'POST', body: JSON.stringify({ request_type: 'image-model-inference', prompt, n: 1 }) });
  await fetch(\`\${endpoint}/speechtotext/v3.0/transcriptions\`, { method: 'POST', body: JSON.stringify({ contentUrls: [audioUrl], locale: 'en-US' }) });
  await fetch(\`https://\${region}.api.cognitive.microsoft.com/speechtotext/transcriptions:submit?api-version=2024-11-15\`, { method: 'POST', body: JSON.stringify({ contentUrls: [audioUrl], locale: 'en-US' }) });
  return fetch(new URL(\`https://image.pollinations.ai/prompt/\${encodeURIComponent(prompt)}\`));
}`,
      calls: [
        { line: 2, provider: 'aihorde', endpoint: 'completion' },
        { line: 3, provider: 'aihorde', endpoint: 'image-generation' },
        { line: 4, provider: 'azure-speech', endpoint: 'audio-speech' },
        { line: 5, provider: 'together', endpoint: 'other' },
        { line: 6, provider: 'azure-speech', endpoint: 'audio-transcription' },
        { line: 7, provider: 'azure-speech', endpoint: 'audio-transcription' },
        { line: 8, provider: 'pollinations', endpoint: 'image-generation' },
      ],
    },
    {
      name: "a URL helper choosing its method by a boolean argument (`getEndpointUrl(model, false)` building `...:${method}` from `streaming ? 'streamGenerateContent' : 'generateContent'`); Google's Speech-to-Text; a gateway forwarding the client's audio to a model it names in the URL",
      code: `export class Gemini {
  constructor(private region: string, private projectId: string) {}
  private getEndpointUrl(model: string, streaming: boolean = false): string {
    const method = streaming ? 'streamGenerateContent' : 'generateContent';
    const hostname = this.region === 'global' ? 'aiplatform.googleapis.com' : \`\${this.region}-aiplatform.googleapis.com\`;
    return \`https://\${hostname}/v1/projects/\${this.projectId}/locations/\${this.region}/publishers/google/models/\${model}:\${method}\`;
  }
  async complete(body: { model: string; contents: object[] }) {
    return fetch(this.getEndpointUrl(body.model, false), { method: 'POST', body: JSON.stringify({ contents: body.contents }) });
  }
  async stream(body: { model: string; contents: object[] }) {
    return fetch(this.getEndpointUrl(body.model, true) + '?alt=sse', { method: 'POST', body: JSON.stringify({ contents: body.contents }) });
  }
}
export async function transcribe(request: Request, audio: string, key: string) {
  await fetch('https://speech.googleapis.com/v1/speech:recognize', { method: 'POST', body: JSON.stringify({ config: { model: 'latest_long' }, audio: { content: audio } }) });
  const buffer = await request.arrayBuffer();
  return fetch('https://api.deepgram.com/v1/listen?model=nova-3&smart_format=true', { method: 'POST', headers: { Authorization: \`Token \${key}\` }, body: buffer });
}`,
      calls: [
        { line: 9, provider: 'google-vertex', endpoint: 'chat', features: { streaming: false } },
        { line: 12, provider: 'google-vertex', endpoint: 'chat', features: { streaming: true } },
        { line: 16, provider: 'google', endpoint: 'audio-transcription' },
        { line: 18, provider: 'deepgram', endpoint: 'audio-transcription', model: 'nova-3' },
      ],
    },
    {
      name: "Google Cloud Text-to-Speech by hand: a Journey voice's synthesis with the API key in the query",
      code: `const GOOGLE_TTS_URL = 'https://texttospeech.googleapis.com/v1/text:synthesize';
export async function speak(text: string, key: string) {
  const body = { input: { text }, voice: { languageCode: 'fr-FR', name: 'fr-FR-Journey-F' }, audioConfig: { audioEncoding: 'MP3' } };
  return fetch(\`\${GOOGLE_TTS_URL}?key=\${key}\`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}`,
      calls: [{ line: 4, provider: 'google-cloud', endpoint: 'audio-speech' }],
    },
    {
      name: "speech streamed over a WebSocket: Deepgram's live transcription (direct, and the same path behind the app's proxy), ElevenLabs' text-to-speech input stream",
      code: `export function listen(params: URLSearchParams, proxy: string, key: string) {
  const direct = new WebSocket(\`wss://api.deepgram.com/v1/listen?\${params.toString()}\`, ['token', key]);
  const proxied = new WebSocket(new URL('/deepgram/v1/listen', proxy).toString());
  const voice = new WebSocket('wss://api.elevenlabs.io/v1/text-to-speech/voice-1/stream-input?model_id=eleven_flash_v2_5');
  return [direct, proxied, voice];
}`,
      calls: [
        { line: 2, provider: 'deepgram', endpoint: 'audio-transcription' },
        { line: 3, provider: 'deepgram', endpoint: 'audio-transcription' },
        { line: 4, provider: 'elevenlabs', endpoint: 'audio-speech' },
      ],
    },
    {
      name: "a fetch the app's factory returns, called at once (customFetch(options)(url, init)), on a base a class defaults to; a path helper resolving against a base the class's static defaults name",
      code: `declare function customFetch(options: object | undefined): typeof fetch;
export class AnthropicApi {
  apiBase: string = 'https://api.anthropic.com/v1/';
  constructor(private config: { apiBase?: string; requestOptions?: object }) { this.apiBase = config.apiBase ?? this.apiBase; }
  async chat(body: object) {
    return customFetch(this.config.requestOptions)(new URL('messages', this.apiBase), { method: 'POST', body: JSON.stringify(body) });
  }
}
class BaseLlm { apiBase?: string; fetch(url: URL, init: RequestInit) { return fetch(url, init); } }
export class OpenAiLlm extends BaseLlm {
  static defaultOptions = { apiBase: 'https://api.openai.com/v1/', maxEmbeddingBatchSize: 128 };
  protected endpoint(path: 'chat/completions' | 'completions') { return new URL(path, this.apiBase); }
  async complete(prompt: string) {
    return this.fetch(this.endpoint('completions'), { method: 'POST', body: JSON.stringify({ prompt, stream: true }) });
  }
}`,
      calls: [
        { line: 6, provider: 'anthropic', endpoint: 'chat', evidenceIncludes: ["the fetch the app's factory returns", 'https://api.anthropic.com/v1/messages'] },
        { line: 14, provider: 'openai', endpoint: 'completion', evidenceIncludes: ['https://api.openai.com/v1/completions'] },
      ],
    },
    {
      name: "OpenAI's embeddings body (input, model, encoding_format) posted to a full endpoint URL the user configures",
      code: `export async function embed(endpointUrl: string, apiKey: string, texts: string[]) {
  const response = await fetch(endpointUrl, { method: 'POST', headers: { 'api-key': apiKey }, body: JSON.stringify({ input: texts, model: 'text-embedding-3-small', encoding_format: 'base64' }) });
  return response.json();
}`,
      calls: [{ line: 2, provider: 'openai-compatible', endpoint: 'embedding', model: 'text-embedding-3-small', evidenceIncludes: ['the body is an embeddings request'] }],
    },
    {
      name: "a URL helper returning the URL object it made (after setting a query parameter); Cohere's API read on a base without its trailing slash",
      code: `export class VertexApi {
  constructor(private config: { apiKey?: string }) {}
  private buildUrl(endpoint: string) {
    const url = new URL(endpoint, 'https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/');
    if (this.config.apiKey) url.searchParams.set('key', this.config.apiKey);
    return url;
  }
  async claude(body: object) {
    const url = this.buildUrl('publishers/anthropic/models/claude-sonnet-4:streamRawPredict');
    return fetch(url.toString(), { method: 'POST', body: JSON.stringify(body) });
  }
}
export class CohereApi {
  apiBase = 'https://api.cohere.com/v1';
  async chat(message: string) { return fetch(new URL('chat', this.apiBase), { method: 'POST', body: JSON.stringify({ model: 'command-r', message }) }); }
}`,
      calls: [
        { line: 10, provider: 'google-vertex', endpoint: 'chat' },
        { line: 15, provider: 'cohere', endpoint: 'chat', model: 'command-r' },
      ],
    },
    {
      name: "the app's server-sent-events helper (fetchSSE) streams the reply even when the body says nothing of it",
      code: `async function fetchSSE(resource: string, options: RequestInit & { onMessage: (message: string) => void }) {
  const { onMessage, ...init } = options;
  const response = await fetch(resource, init);
  onMessage(await response.text());
}
export async function ask(token: string, prompt: string, onMessage: (message: string) => void) {
  await fetchSSE('https://chat.openai.com/backend-api/conversation', { method: 'POST', headers: { Authorization: token }, body: JSON.stringify({ action: 'next', messages: [prompt] }), onMessage });
}`,
      calls: [
        { line: 3, provider: 'chatgpt-web', endpoint: 'chat' },
        { line: 7, method: 'fetchSSE /backend-api/conversation', provider: 'chatgpt-web', endpoint: 'chat', features: { streaming: true } },
      ],
    },
    {
      name: "an app object's fetch-like method given an LLM endpoint (its requester chosen at run time)",
      code: `interface Requester { fetch(url: string, init?: RequestInit): Promise<Response> }
declare const requesters: Requester[];
class WebappClient {
  requester: Requester = requesters[0];
  async fetch(url: string, init?: RequestInit) { return this.requester.fetch(url, init); }
}
const client = new WebappClient();
export async function send(token: string, prompt: string) {
  return client.fetch('https://chat.openai.com/backend-api/conversation', { method: 'POST', headers: { Authorization: token }, body: JSON.stringify({ action: 'next', messages: [prompt] }) });
}`,
      calls: [{ line: 9, provider: 'chatgpt-web', endpoint: 'chat', evidenceIncludes: ["the app's fetch-like method"] }],
    },
    {
      name: "xAI's realtime voice WebSocket; Codex on a ChatGPT plan (the Responses API behind ChatGPT's backend); an Ollama embed on a base the class sets with Ollama's port as its default",
      code: `const CODEX_API_BASE_URL = 'https://chatgpt.com/backend-api/codex';
export function connect(token: string) {
  return new WebSocket('wss://api.x.ai/v1/realtime', ['realtime', \`xai-client-secret.\${token}\`]);
}
export async function codex(body: object) {
  const url = \`\${CODEX_API_BASE_URL}/responses\`;
  return fetch(url, { method: 'POST', body: JSON.stringify(body) });
}
export class OllamaEmbedder {
  private readonly baseUrl: string;
  constructor(options: { ollamaBaseUrl?: string }) {
    let baseUrl = options.ollamaBaseUrl || 'http://localhost:11434';
    baseUrl = baseUrl.replace(/\\/+$/, '');
    this.baseUrl = baseUrl;
  }
  async embed(texts: string[]) {
    return fetch(\`\${this.baseUrl}/api/embed\`, { method: 'POST', body: JSON.stringify({ model: 'nomic-embed-text', input: texts }) });
  }
}`,
      calls: [
        { line: 3, provider: 'xai', endpoint: 'chat' },
        { line: 7, method: 'fetch /backend-api/codex/responses', provider: 'chatgpt-web', endpoint: 'chat' },
        { line: 17, method: 'fetch /api/embed', provider: 'ollama', endpoint: 'embedding', model: 'nomic-embed-text' },
      ],
    },
    {
      name: "Bedrock's runtime called by hand through the app's signing helper: Converse and InvokeModel URLs from a template helper, the action chosen inside it",
      files: {
        'src/bedrock.ts': `export function bedrockURLRuntime(region: string, modelId: string, api: 'converse' | 'invoke', streaming: boolean): string {\n  const action = api === 'converse' ? (streaming ? 'converse-stream' : 'converse') : streaming ? 'invoke-with-response-stream' : 'invoke';\n  return \`https://bedrock-runtime.\${region}.amazonaws.com/model/\${encodeURIComponent(modelId)}/\${action}\`;\n}\nexport async function bedrockAccessAsync(access: object, method: 'GET' | 'POST', url: string, body?: object): Promise<{ headers: HeadersInit; url: string }> {\n  return { headers: { Authorization: 'Bearer t' }, url };\n}\n`,
      },
      code: `import { bedrockAccessAsync, bedrockURLRuntime } from './bedrock';
export async function dispatch(access: object, model: { id: string }, body: object, streaming: boolean) {
  const converseUrl = bedrockURLRuntime('us-west-2', model.id, 'converse', streaming);
  return {
    request: {
      ...await bedrockAccessAsync(access, 'POST', converseUrl, body),
      method: 'POST' as const,
      body,
    },
  };
}`,
      calls: [{ line: 5, method: 'request /model/{encodeURIComponent(modelId)}/{action}', provider: 'aws-bedrock', endpoint: 'chat' }],
    },
    {
      name: "an Obsidian plugin's requests: requestUrl behind two app wrappers, and an injectable fetch falling back to the outer one",
      code: `import { safeFetchNoThrow } from './utils';
export async function sonarSearch(query: string, apiKey: string) {
  return safeFetchNoThrow('https://api.perplexity.ai/chat/completions', { method: 'POST', headers: { Authorization: \`Bearer \${apiKey}\` }, body: JSON.stringify({ model: 'sonar', messages: [{ role: 'user', content: query }] }) });
}
export async function embed(texts: string[], configuration?: { baseURL?: string; fetch?: typeof fetch }) {
  const baseURL = configuration?.baseURL || 'https://api.openai.com/v1';
  const fetchFn = configuration?.fetch || safeFetchNoThrow;
  return fetchFn(\`\${baseURL}/embeddings\`, { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: texts }) });
}`,
      files: {
        'src/utils.ts': `import { requestUrl } from 'obsidian';
export async function safeFetch(url: string, options: RequestInit & { throwOnHttpError?: boolean } = {}) {
  const response = await requestUrl({ url, method: options.method, headers: options.headers as Record<string, string>, body: options.body as string, throw: options.throwOnHttpError });
  return { status: response.status, json: async () => response.json };
}
export function safeFetchNoThrow(url: string, options: RequestInit = {}) {
  return safeFetch(url, { ...options, throwOnHttpError: false });
}`,
      },
      calls: [
        { line: 3, method: 'safeFetchNoThrow /chat/completions', provider: 'perplexity', model: 'sonar', promptIncludes: ['{{query}}'] },
        { line: 8, method: 'fetchFn /v1/embeddings', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
      ],
    },
    {
      name: 'a wrapper handing its URL to another wrapper inside a retry callback it passes on (`withRetry(async (attempt) => fetchWithTimeout(url, ...))`) is a wrapper; one returning a function that would send later is not',
      code: `import { fetchWithRetry, makeSender } from './retry';
export async function callResponses(env: { OPENAI_MODEL?: string }, input: string) {
  const url = 'https://api.openai.com/v1/responses';
  const response = await fetchWithRetry(url, { method: 'POST', body: JSON.stringify({ model: env.OPENAI_MODEL || 'gpt-5.4', input }) });
  const later = makeSender(url);
  await later({ method: 'POST', body: JSON.stringify({ model: 'gpt-5.4', input }) });
  return response.json();
}`,
      files: {
        'src/retry.ts': `async function withRetry<T>(run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try { return await run(attempt); } catch (error) { if (attempt >= 2) throw error; }
  }
}
async function fetchWithTimeout(url: string, options: RequestInit, timeoutMs: number) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), timeoutMs);
  return fetch(url, { ...options, signal: controller.signal });
}
export async function fetchWithRetry(url: string, options: RequestInit) {
  return withRetry(async (attempt) => fetchWithTimeout(url, { ...options, headers: { ...options.headers, 'X-Attempt': String(attempt) } }, 60000));
}
export function makeSender(url: string) {
  return (options: RequestInit) => fetchWithTimeout(url, options, 60000);
}`,
      },
      calls: [{ line: 4, method: 'fetchWithRetry /v1/responses', provider: 'openai', model: 'gpt-5.4' }],
    },
    {
      name: "an Obsidian plugin's base client: `post(endpoint, body)` building the URL and handing it to a method of its own that calls requestUrl with an options object held in a const",
      code: `import { ApiClient } from './ApiClient';
export class PostProcessingClient extends ApiClient {
  constructor(apiKey: string) {
    super({ baseUrl: 'https://api.openai.com/v1', apiKey });
  }
  async proofread(text: string) {
    return this.post('/chat/completions', { model: 'gpt-4.1-mini', messages: [{ role: 'system', content: 'Fix the typos in this transcript.' }, { role: 'user', content: text }] });
  }
}`,
      files: {
        'src/ApiClient.ts': `import { requestUrl } from 'obsidian';
export abstract class ApiClient {
  constructor(protected config: { baseUrl: string; apiKey: string }) {}
  protected async post<T>(endpoint: string, body: unknown): Promise<T> {
    const url = \`\${this.config.baseUrl}\${endpoint}\`;
    return this.executeWithRetry<T>(url, { method: 'POST', body: JSON.stringify(body) });
  }
  private async executeWithRetry<T>(url: string, options: { method?: string; body?: string }): Promise<T> {
    const requestParams = { url: url, method: options.method || 'GET', body: options.body, throw: false };
    const response = await requestUrl(requestParams);
    return response.json as T;
  }
}`,
      },
      calls: [{ line: 7, endpoint: 'chat', model: 'gpt-4.1-mini', promptIncludes: ['Fix the typos'] }],
    },
    {
      name: "an Obsidian plugin's requestUrl to the configured endpoint of a provider adapter held in a typed field, posting the body the adapter's method builds (a provider's own fields spread in, else its base class's default with the model)",
      code: `import { requestUrl } from 'obsidian';
import { BaseAdapter } from './adapter';
export class CloudService {
  constructor(private adapter: BaseAdapter) {}
  async tag(prompt: string) {
    return requestUrl({ url: this.adapter.getEndpoint(), method: 'POST', body: JSON.stringify(this.adapter.formatRequest(prompt)), throw: false });
  }
}`,
      files: {
        'src/base.ts': `export abstract class BaseService {
  protected modelName = 'gpt-4o-mini';
  formatRequest(prompt: string): object {
    return { model: this.modelName, messages: [{ role: 'system', content: 'Suggest tags for this note.' }, { role: 'user', content: prompt }], temperature: 0.3 };
  }
}`,
        'src/adapter.ts': `import { BaseService } from './base';
export abstract class BaseAdapter extends BaseService {
  protected endpoint = '';
  protected provider?: { body?: object };
  formatRequest(prompt: string): object {
    let requestBody: object;
    if (this.provider?.body) requestBody = { ...this.provider.body, messages: [{ role: 'user', content: prompt }] };
    else requestBody = super.formatRequest(prompt);
    return requestBody;
  }
  getEndpoint(): string { return this.endpoint; }
}`,
      },
      calls: [{ line: 6, method: 'requestUrl {this.adapter.getEndpoint()}', endpoint: 'chat', provider: 'openai-compatible', promptIncludes: ['Suggest tags for this note.'], evidenceIncludes: ['the URL is configured; the body is a chat request (model and messages)'] }],
    },
    {
      name: "a base class's `makeRequest(endpoint, body)` sending through the fetch its own factory method hands out (`const fetchFn = this.getFetch()`)",
      code: `import { BaseProviderLLM } from './base';
export class GroqLLM extends BaseProviderLLM {
  protected getBaseUrl() { return 'https://api.groq.com/openai/v1'; }
  async complete(prompt: string) {
    return this.makeRequest('/chat/completions', { model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: prompt }] });
  }
}`,
      files: {
        'src/base.ts': `import { standardFetch } from './fetch';
export abstract class BaseProviderLLM {
  protected abstract getBaseUrl(): string;
  protected getFetch() {
    return (input: string, init?: RequestInit) => standardFetch(input, init);
  }
  protected async makeRequest(endpoint: string, body: Record<string, unknown>) {
    const url = \`\${this.getBaseUrl()}\${endpoint}\`;
    const fetchFn = this.getFetch();
    return fetchFn(url, { method: 'POST', body: JSON.stringify(body) });
  }
}`,
        'src/fetch.ts': `export const standardFetch = (input: string, init?: RequestInit) => fetch(input, init);`,
      },
      calls: [{ line: 5, endpoint: 'chat', model: 'llama-3.3-70b-versatile' }],
    },
    {
      name: "a URL read from a class field the class initializes with a choice between its proxy route and the provider's host (`private endpoint = getEndpoint(this.proxied)`), built with `+`",
      code: `function getEndpoint(proxied = false) {
  return proxied ? '/chatapi/proxies/elevenlabs' : 'https://api.elevenlabs.io';
}
export class ElevenLabsPlugin {
  constructor(private options: { apiKey?: string }) {}
  private proxied = !this.options.apiKey;
  private endpoint = getEndpoint(this.proxied);
  async speak(text: string, voiceId: string) {
    const url = this.endpoint + '/v1/text-to-speech/' + voiceId;
    return fetch(url, { method: 'POST', body: JSON.stringify({ text }) });
  }
}`,
      calls: [{ line: 10, provider: 'elevenlabs', endpoint: 'audio-speech' }],
    },
    {
      name: "server-sent-event clients that post their body when made: sse.js's new SSE(url, { payload }), LaunchDarkly's EventSource(url, { method, body }), and a copy of sse.js kept in the workspace",
      files: {
        'src/utils/sse.ts': `export default class SSE {\n  constructor(private url: string, private options: { payload?: string; method?: string } = {}) {}\n  stream() {\n    const xhr = new XMLHttpRequest();\n    xhr.open(this.options.method ?? 'GET', this.url);\n    xhr.send(this.options.payload);\n  }\n}\n`,
      },
      code: `import { SSE } from 'sse.js';
import { EventSource } from 'launchdarkly-eventsource';
import VendoredSSE from './utils/sse';
export function streams(messages: unknown[], key: string) {
  const a = new SSE('https://api.openai.com/v1/chat/completions', { method: 'POST', payload: JSON.stringify({ model: 'gpt-4o-mini', messages, stream: true }) });
  const b = new EventSource('https://api.openai.com/v1/chat/completions', { method: 'POST', headers: { Authorization: key }, body: JSON.stringify({ model: 'gpt-4o', messages }) });
  const c = new VendoredSSE('https://api.openai.com/v1/chat/completions', { method: 'POST', payload: JSON.stringify({ model: 'gpt-4.1-mini', messages }) });
  return [a, b, c];
}`,
      calls: [
        { line: 5, method: 'SSE /v1/chat/completions', provider: 'openai', model: 'gpt-4o-mini', features: { streaming: true } },
        { line: 6, method: 'EventSource /v1/chat/completions', provider: 'openai', model: 'gpt-4o' },
        { line: 7, method: 'VendoredSSE /v1/chat/completions', provider: 'openai', model: 'gpt-4.1-mini', evidenceIncludes: ["from the workspace's sse.ts"] },
      ],
    },
    {
      name: "a base the code picks between the app's proxy route and the provider's host (`proxied ? '/chatapi/proxies/openai' : 'https://api.openai.com'`): the provider's request",
      code: `function getEndpoint(proxied = false) {
  return proxied ? '/chatapi/proxies/openai' : 'https://api.openai.com';
}
export async function createChatCompletion(messages: unknown[], parameters: { apiKey?: string; model: string }) {
  const endpoint = getEndpoint(!parameters.apiKey);
  const response = await fetch(endpoint + '/v1/chat/completions', { method: 'POST', body: JSON.stringify({ model: parameters.model, messages }) });
  return response.json();
}`,
      calls: [{ line: 6, provider: 'openai', endpoint: 'chat', method: 'fetch /v1/chat/completions' }],
    },
    {
      name: "a base URL field the app's default settings set (`apiHost: 'https://api.openai.com'` in `settings()`): that host's provider, a guess",
      files: {
        'src/defaults.ts': `export function settings() {\n  return { apiHost: 'https://api.openai.com', apiPath: '/v1/chat/completions' };\n}\n`,
      },
      code: `export class OpenAIChat {
  constructor(private options: { apiHost: string; apiPath?: string }) {}
  send(body: { model: string; messages: unknown[] }) {
    const apiPath = this.options.apiPath || '/v1/chat/completions';
    return fetch(\`\${this.options.apiHost}\${apiPath}\`, { method: 'POST', body: JSON.stringify(body) });
  }
}`,
      calls: [{ line: 5, provider: 'openai', evidenceIncludes: ["the URL's base `apiHost` is https://api.openai.com in the app's default settings (settings() at src/defaults.ts:2)"] }],
    },
    {
      name: "a base URL field the class sets itself, over the app's default settings: its own host",
      files: {
        'src/defaults.ts': `export function settings() {\n  return { apiHost: 'https://api.openai.com' };\n}\n`,
      },
      code: `export class SiliconFlowChat {
  constructor(private options: { apiHost: string }) {
    this.options.apiHost = 'https://api.siliconflow.cn';
  }
  send(body: { model: string; messages: unknown[] }) {
    return fetch(\`\${this.options.apiHost}/v1/chat/completions\`, { method: 'POST', body: JSON.stringify(body) });
  }
}`,
      calls: [{ line: 6, provider: 'siliconflow', evidenceIncludes: ["the URL's base `this.options.apiHost` is set to https://api.siliconflow.cn in its class (line 3)"] }],
    },
    {
      name: "a provider class's request through its base class's `this.post(url, headers, body)` (the default-exported base in another module)",
      files: {
        'src/base.ts': `export default class Base {\n  async post(url: string, headers: Record<string, string>, body: Record<string, unknown>, signal?: AbortSignal) {\n    return fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });\n  }\n}\n`,
      },
      code: `import Base from './base';
export default class Claude extends Base {
  constructor(private options: { claudeApiHost: string; claudeApiKey: string; claudeModel: string }) { super(); }
  async chat(prompt: string, messages: unknown[]) {
    return this.post(\`\${this.options.claudeApiHost}/v1/messages\`, { 'anthropic-version': '2023-06-01', 'x-api-key': this.options.claudeApiKey }, { model: this.options.claudeModel, max_tokens: 4096, system: prompt, messages, stream: true });
  }
}`,
      calls: [{ line: 5, method: 'post /v1/messages', provider: 'anthropic', endpoint: 'chat', maxOutputTokens: 4096, features: { streaming: true } }],
    },
    {
      name: 'an SSE helper sending through the fetch its caller may inject, to URLs joined from settings with url-join (a query string added at run time)',
      files: {
        'src/utils.ts': `export async function fetchSSE(input: string, options: RequestInit & { onMessage: (data: string) => void; fetcher?: typeof fetch }) {\n  const { onMessage, fetcher = globalThis.fetch, ...fetchOptions } = options;\n  const response = await fetcher(input, fetchOptions);\n  onMessage(await response.text());\n}\n`,
      },
      code: `import { urlJoin } from 'url-join-ts';
import qs from 'qs';
import { fetchSSE } from './utils';
export async function claude(settings: { claudeAPIURL: string; claudeAPIURLPath: string }, text: string) {
  const url = urlJoin(settings.claudeAPIURL, settings.claudeAPIURLPath);
  await fetchSSE(url, { method: 'POST', headers: { 'anthropic-version': '2023-06-01' }, body: JSON.stringify({ model: 'claude-3-5-sonnet-20240620', max_tokens: 4096, messages: [{ role: 'user', content: text }] }), onMessage: () => undefined });
}
export async function gemini(settings: { geminiAPIURL: string }, model: string, apiKey: string, text: string) {
  const url = urlJoin(settings.geminiAPIURL, '/v1beta/models/', \`\${model}:streamGenerateContent\`) + qs.stringify({ key: apiKey }, { addQueryPrefix: true });
  await fetchSSE(url, { method: 'POST', body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text }] }] }), onMessage: () => undefined });
}`,
      calls: [
        { line: 6, provider: 'anthropic', endpoint: 'chat', model: 'claude-3-5-sonnet-20240620', evidenceIncludes: ['the URL is configured; the body is a chat request (model and messages)'] },
        { line: 10, provider: 'google', endpoint: 'chat', method: 'fetchSSE /v1beta/models/{model}:streamGenerateContent?{{qs.stringify({ key: apiKey }, { addQueryPrefix: true })}}' },
      ],
    },
    {
      name: "a configured endpoint posting the body a template module serializes (`return JSON.stringify(mergeCustomBody(payload, extra))`, quoted keys), either of two builders a setting picks",
      files: {
        'src/template.ts': `function mergeCustomBody(payload: Record<string, unknown>, raw?: string) {\n  if (!raw) return payload;\n  return { ...payload, ...JSON.parse(raw) };\n}\nexport function chatTemplate(text: string, model: string, extra?: string) {\n  const payload: any = { 'model': model, 'messages': [{ 'role': 'user', 'content': text }] };\n  return JSON.stringify(mergeCustomBody(payload, extra));\n}\nexport function responsesTemplate(text: string, model: string) {\n  return JSON.stringify({ model, input: text });\n}\n`,
      },
      code: `import { chatTemplate, responsesTemplate } from './template';
export async function custom(config: { endpoint: string; model: string; responses: boolean }, text: string) {
  return fetch(config.endpoint, { method: 'POST', body: config.responses ? responsesTemplate(text, config.model) : chatTemplate(text, config.model) });
}`,
      calls: [{ line: 3, provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ['the URL is configured; the body is a chat request (model and messages)'] }],
    },
    {
      name: "a configured endpoint posting a chat body: messages and the chat settings spread in beside an Azure path it appends; a built body given its messages before the request",
      code: `export const getChatCompletion = async (endpoint: string, messages: { role: string; content: string }[], config: { model: string; temperature: number }, apiKey?: string) => {
  if (endpoint.includes('azure') && apiKey) {
    const path = \`openai/deployments/\${config.model}/chat/completions?api-version=2023-03-15-preview\`;
    if (!endpoint.endsWith(path)) endpoint += path;
  }
  const response = await fetch(endpoint, { method: 'POST', body: JSON.stringify({ messages, ...config, max_tokens: undefined }) });
  return response.json();
};
class Engine {
  constructor(private settings: { apiURL: string; apiModel: string }) {}
  getBaseRequestBody(): Record<string, unknown> {
    return { model: this.settings.apiModel, temperature: 0, stream: true };
  }
  async sendMessage(prompt: string) {
    const body = this.getBaseRequestBody();
    body['messages'] = [{ role: 'user', content: prompt }];
    await fetch(this.settings.apiURL, { method: 'POST', body: JSON.stringify(body) });
  }
}
export const engine = new Engine({ apiURL: '', apiModel: '' });`,
      calls: [
        { line: 6, provider: 'openai-compatible', endpoint: 'chat', evidenceIncludes: ['the body is a chat request (messages and spread chat settings, beside a chat-completions path)'] },
        { line: 17, provider: 'openai-compatible', endpoint: 'chat', promptIncludes: ['{{prompt}}'], evidenceIncludes: ['the body is a chat request (model and messages)'] },
      ],
    },
    {
      name: "a body handed in whole to a configured base's versioned image path; Azure OpenAI's image generation (DALL·E 2's :submit, a deployment's path); Cohere's and MiniMax's own chat APIs",
      code: `export const fetchImageGeneration = async (payload: { baseUrl: string; apiKey: string; body: Record<string, unknown> }) =>
  fetch(\`\${payload.baseUrl}/v1/images/generations\`, { method: 'POST', headers: { Authorization: \`Bearer \${payload.apiKey}\` }, body: JSON.stringify(payload.body) });
export const azureImage = async (baseUrl: string, body: object) => fetch(\`\${baseUrl}.openai.azure.com/openai/images/generations:submit?api-version=2024-02-15-preview\`, { method: 'POST', body: JSON.stringify(body) });
export const azureDalle3 = async (resource: string, body: object) => fetch(\`https://\${resource}.openai.azure.com/openai/deployments/dall-e-3/images/generations?api-version=2024-02-01\`, { method: 'POST', body: JSON.stringify(body) });
export const cohere = async (text: string) => fetch('https://api.cohere.ai/v1/chat', { method: 'POST', body: JSON.stringify({ model: 'command-r-plus', message: text, stream: true }) });
export const minimax = async (group: string, messages: unknown[]) => fetch(\`https://api.minimax.chat/v1/text/chatcompletion_pro?GroupId=\${group}\`, { method: 'POST', body: JSON.stringify({ model: 'abab5.5-chat', messages }) });`,
      calls: [
        { line: 2, provider: 'openai-compatible', endpoint: 'image-generation', method: 'fetch /v1/images/generations' },
        { line: 3, provider: 'azure-openai', endpoint: 'image-generation' },
        { line: 4, provider: 'azure-openai', endpoint: 'image-generation' },
        { line: 5, provider: 'cohere', endpoint: 'chat', model: 'command-r-plus' },
        { line: 6, provider: 'minimax', endpoint: 'chat', model: 'abab5.5-chat' },
      ],
    },
    {
      name: "fetch under a local name with an injectable replacement, to a base URL the caller may override (the code's default host decides)",
      code: `const DEFAULT_ELEVENLABS_BASE_URL = 'https://api.elevenlabs.io/v1';
export async function transcribe(audio: Blob, config: { fetch?: typeof fetch; baseUrl?: string }) {
  const fetchImpl = config.fetch ?? fetch;
  const form = new FormData();
  form.append('file', audio);
  return fetchImpl(\`\${config.baseUrl ?? DEFAULT_ELEVENLABS_BASE_URL}/speech-to-text\`, { method: 'POST', body: form });
}`,
      calls: [{ line: 6, provider: 'elevenlabs' }],
    },
    {
      name: "Stability AI's Stable Image path behind the app's proxy prefix, the model the path's last segment",
      code: `const Stability = { GeneratePath: 'v2beta/stable-image/generate' };
export function generate(data: { model: string; params: Record<string, string> }, prefix = '/api/stability') {
  const form = new FormData();
  for (const key in data.params) form.append(key, data.params[key]);
  return fetch(\`\${prefix}/\${Stability.GeneratePath}/\${data.model}\`, { method: 'POST', body: form });
}`,
      calls: [{ line: 5, provider: 'stability', endpoint: 'image-generation' }],
    },
    {
      name: "a path helper taking nothing returns the provider's base URL (Tencent Cloud's Hunyuan API, its action in a header); the body a key-reshaping function is handed",
      code: `const TENCENT_BASE_URL = 'https://hunyuan.tencentcloudapi.com';
function capitalizeKeys(obj: any): any {
  return Object.fromEntries(Object.entries(obj).map(([key, value]) => [key[0].toUpperCase() + key.slice(1), value]));
}
export class HunyuanApi {
  path(): string {
    let baseUrl = '';
    if (baseUrl.length === 0) baseUrl = TENCENT_BASE_URL;
    return baseUrl;
  }
  async chat(messages: any[]) {
    const payload = capitalizeKeys({ model: 'hunyuan-lite', messages, stream: false });
    const chatPath = this.path();
    return fetch(chatPath, { method: 'POST', body: JSON.stringify(payload), headers: { 'X-TC-Action': 'ChatCompletions' } });
  }
}`,
      calls: [{ line: 14, provider: 'tencent', endpoint: 'chat', model: 'hunyuan-lite' }],
    },
    {
      name: "a path helper handed a method's pick among path constants (switch on the model's type): the chat path; the body a method builds per type: the one with messages",
      code: `const BASE = 'https://open.bigmodel.cn';
const Paths = { ChatPath: 'api/paas/v4/chat/completions', ImagePath: 'api/paas/v4/images/generations' };
export class GlmApi {
  path(path: string): string {
    return [BASE, path].join('/');
  }
  private modelPath(type: string): string {
    switch (type) {
      case 'image':
        return Paths.ImagePath;
      default:
        return Paths.ChatPath;
    }
  }
  private payload(messages: any[], model: string, type: string) {
    switch (type) {
      case 'image':
        return { model: 'cogview-3-flash', prompt: 'a cat' };
      default:
        return { model, messages, stream: false };
    }
  }
  async chat(messages: any[], type: string) {
    const url = this.path(this.modelPath(type));
    return fetch(url, { method: 'POST', body: JSON.stringify(this.payload(messages, 'glm-4-flash', type)) });
  }
}`,
      calls: [{ line: 25, provider: 'zai', endpoint: 'chat', method: 'fetch /api/paas/v4/chat/completions', model: 'glm-4-flash' }],
    },
    {
      name: 'a let body assigned per branch (an image payload or a chat payload) posted to the chat path: the payload carrying messages is read',
      code: `export async function chat(options: { model: string; messages: any[] }, isImage: boolean) {
  let payload: Record<string, unknown>;
  if (isImage) {
    payload = { model: 'dall-e-3', prompt: 'a cat', n: 1 };
  } else {
    payload = { model: 'gpt-4.1-mini', messages: options.messages, stream: false };
  }
  return fetch('https://api.openai.com/v1/chat/completions', { method: 'POST', body: JSON.stringify(payload) });
}`,
      calls: [{ line: 8, provider: 'openai', endpoint: 'chat', model: 'gpt-4.1-mini' }],
    },
    {
      name: "fal's model API by hand: the model the path after the host (the caller's), a request for a number of images is image generation",
      code: `export async function textToImage(model: string, prompt: string) {
  const response = await fetch(\`https://fal.run/fal-ai/\${model}\`, {
    method: 'POST',
    headers: { Authorization: \`Key \${process.env.FAL_KEY}\` },
    body: JSON.stringify({ prompt, aspect_ratio: '16:9', num_images: 1 }),
  });
  return response.json();
}
export const flux = () => fetch('https://queue.fal.run/fal-ai/flux/dev', { method: 'POST', body: JSON.stringify({ prompt: 'a fox', seed: 3 }) });
const VIDEO_MODEL = 'kling-video/v2/master/text-to-video';
export const clip = (prompt: string) => fetch(\`https://queue.fal.run/fal-ai/\${VIDEO_MODEL}\`, { method: 'POST', body: JSON.stringify({ prompt, duration: '5' }) });`,
      calls: [
        { line: 2, provider: 'fal', endpoint: 'image-generation', model: null, evidenceIncludes: ['asks for a number or a size of images', 'model in the URL path'] },
        { line: 9, provider: 'fal', endpoint: 'other', model: 'fal-ai/flux/dev' },
        { line: 11, provider: 'fal', endpoint: 'other', model: 'fal-ai/kling-video/v2/master/text-to-video' },
      ],
    },
    {
      name: "Leonardo AI's generations through its request helper and Astria's prompts on a tune through a retrying fetch (ProHeadshots): image generation",
      code: `const LEONARDO_API_BASE_URL = 'https://cloud.leonardo.ai/api/rest/v1';
async function makeRequest(endpoint: string, method: string, body?: object) {
  const response = await fetch(\`\${LEONARDO_API_BASE_URL}\${endpoint}\`, { method, headers: { authorization: 'Bearer x' }, body: JSON.stringify(body) });
  return response.json();
}
export const generate = (prompt: string) => makeRequest('/generations', 'POST', { prompt, modelId: 'b24e16ff', num_images: 4 });
export const status = (id: string) => makeRequest(\`/generations/\${id}\`, 'GET');
export async function astria(tuneId: string, text: string) {
  const form = new FormData();
  form.append('prompt[text]', text);
  return fetch(\`https://api.astria.ai/tunes/\${tuneId}/prompts\`, { method: 'POST', body: form });
}`,
      calls: [
        { line: 6, provider: 'leonardo', endpoint: 'image-generation' },
        { line: 11, provider: 'astria', endpoint: 'image-generation' },
      ],
    },
    {
      name: "kie.ai's video API (Veo) with reference images, and HeyGen's avatar video: hosted media models by hand",
      code: `export async function makeVideo(prompt: string, references: string[]) {
  const task = await fetch('https://api.kie.ai/api/v1/veo/generate', {
    method: 'POST',
    body: JSON.stringify({ prompt, imageUrls: references, model: 'veo3_fast', aspectRatio: '9:16' }),
  });
  const avatar = await fetch(\`https://api.heygen.com/v2/video/generate\`, {
    method: 'POST',
    body: JSON.stringify({ video_inputs: [{ character: { type: 'avatar', avatar_id: 'a1' }, voice: { type: 'text', input_text: prompt } }] }),
  });
  return [task, avatar];
}`,
      calls: [
        { line: 2, provider: 'kie.ai', endpoint: 'other', model: 'veo3_fast', features: { vision: true } },
        { line: 6, provider: 'heygen', endpoint: 'other', model: null },
      ],
    },
    {
      name: "Recall.ai's async transcript through the class's own request method on a regional base: the model the one key of `provider`",
      code: `function apiBase(): string {
  return \`https://\${process.env.RECALL_REGION ?? 'us-west-2'}.recall.ai/api/v1\`;
}
export class MeetingRecorder {
  async transcribe(recordingId: string) {
    await this.request(\`/recording/\${recordingId}/create_transcript/\`, {
      method: 'POST',
      body: { provider: { recallai_async: { language_code: 'auto' } }, diarization: { use_separate_streams_when_available: true } },
    });
  }
  private async request(path: string, { method, body }: { method: string; body?: unknown }) {
    const response = await fetch(\`\${apiBase()}\${path}\`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return response.json();
  }
}`,
      calls: [{ line: 6, provider: 'recall.ai', endpoint: 'audio-transcription', model: 'recallai_async' }],
    },
    {
      name: "URLs from a route object the module builds per transport: each request's call is guarded by the transport its route was built for (ElevenLabs on a tidied default base, Vercel AI Gateway's transcription-model)",
      code: `const DEFAULT_ELEVENLABS_URL = 'https://api.elevenlabs.io/v1';
const DEFAULT_GATEWAY_URL = 'https://ai-gateway.vercel.sh/v4/ai';
const stripSlashes = (url: string) => url.replace(/\\/+$/, '');
interface Route { transport: string; endpoint: string }
function routeFor(config: { transport: string; baseUrl?: string }): Route {
  const transport = config.transport;
  if (transport === 'elevenlabs') {
    const baseUrl = stripSlashes(config.baseUrl ?? DEFAULT_ELEVENLABS_URL);
    return { transport, endpoint: \`\${baseUrl}/speech-to-text\` };
  }
  if (transport === 'gateway') {
    return { transport, endpoint: \`\${DEFAULT_GATEWAY_URL}/transcription-model\` };
  }
  return { transport, endpoint: 'https://api.openai.com/v1/audio/transcriptions' };
}
async function viaElevenLabs(audio: Blob, modelId: string, route: Route) {
  const form = new FormData();
  form.append('model_id', modelId);
  form.append('file', audio);
  return fetch(route.endpoint, { method: 'POST', body: form });
}
async function viaGateway(audio: string, route: Route) {
  return fetch(route.endpoint, { method: 'POST', body: JSON.stringify({ audio }) });
}
export async function transcribe(config: { transport: string; baseUrl?: string }, audio: Blob, base64: string) {
  const route = routeFor(config);
  if (route.transport === 'elevenlabs') return viaElevenLabs(audio, 'scribe_v1', route);
  if (route.transport === 'gateway') return viaGateway(base64, route);
}`,
      calls: [
        { line: 20, provider: 'elevenlabs', endpoint: 'audio-transcription', evidenceIncludes: ['the `endpoint` of what viaElevenLabs() is passed'] },
        { line: 23, provider: 'vercel-gateway', endpoint: 'audio-transcription' },
      ],
    },
    {
      name: "a hosted agent's URL from the app's config, told by the service key the request sends (Steamship)",
      code: `export async function ask(companion: { generateEndpoint?: string }, question: string, sessionId: string) {
  const agentUrl = companion.generateEndpoint;
  if (!agentUrl) throw new Error('no agent');
  return fetch(agentUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: \`Bearer \${process.env.STEAMSHIP_API_KEY}\` },
    body: JSON.stringify({ question, chat_session_id: sessionId }),
  });
}`,
      calls: [{ line: 4, provider: 'steamship', endpoint: 'chat', model: null, method: 'fetch {companion.generateEndpoint}', evidenceIncludes: ['authorized with STEAMSHIP_API_KEY'] }],
    },
    {
      name: "Replicate's predictions API by hand: a model run named only by its version hash",
      code: `export async function redesign(imageUrl: string, prompt: string) {
  return fetch('https://api.replicate.com/v1/predictions', { method: 'POST', headers: { Authorization: 'Token ' + process.env.REPLICATE_API_KEY }, body: JSON.stringify({ version: '854e8727697a057c525cdb45ab037f64ecca770a1769cc52287c2e56472a247b', input: { image: imageUrl, prompt } }) });
}`,
      calls: [{ line: 2, provider: 'replicate', endpoint: 'other', model: null }],
    },
    {
      name: 'a model set on the posted object before the request, inside a retry callback: `body.model = body.model ?? config.chatModel`',
      code: `const config = { url: 'https://api.openai.com', chatModel: process.env.OPENAI_CHAT_MODEL ?? 'gpt-4o-mini' };
declare function retry<T>(run: () => Promise<T>): Promise<T>;
export async function chatCompletion(body: { model?: string; messages: { role: string; content: string }[] }) {
  body.model = body.model ?? config.chatModel;
  return retry(async () => {
    const result = await fetch(config.url + '/v1/chat/completions', { method: 'POST', body: JSON.stringify(body) });
    return result.json();
  });
}`,
      calls: [{ line: 6, provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' }],
    },
    {
      name: "Node's https.request inside the app's own POST helper: the call site's host and path make the URL",
      code: `import https from 'https';
const httpsPost = (hostname: string, path: string, headers: Record<string, string>, json: unknown) =>
  new Promise<string>((resolve, reject) => {
    const postContent = JSON.stringify(json);
    const request = https.request({ port: 443, hostname, path, method: 'POST', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve(Buffer.concat(chunks).toString()));
    });
    request.on('error', reject);
    request.write(postContent);
    request.end();
  });
export async function commitMessage(apiKey: string, diff: string) {
  return httpsPost('api.openai.com', '/v1/chat/completions', { Authorization: 'Bearer ' + apiKey }, { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Write a commit message for: ' + diff }] });
}`,
      calls: [{ line: 15, method: 'httpsPost /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', promptIncludes: ['commit message'] }],
    },
    {
      name: "Node's https.request given the parts of one URL object (`hostname: url.hostname, path: url.pathname` of `new URL(OPENROUTER_API_URL)`, choral's server)",
      code: `import https from 'https';
const OPENROUTER_API_URL = 'https://openrouter.ai/api/v1/chat/completions';
export function chatCompletion(messages: unknown[], apiKey: string) {
  const requestData = JSON.stringify({ model: 'anthropic/claude-3.5-sonnet', messages });
  const url = new URL(OPENROUTER_API_URL);
  return new Promise((resolve) => {
    const req = https.request({ hostname: url.hostname, path: url.pathname, method: 'POST', headers: { Authorization: 'Bearer ' + apiKey } }, resolve);
    req.write(requestData);
    req.end();
  });
}`,
      calls: [{ line: 7, method: 'https.request /api/v1/chat/completions', provider: 'openrouter', endpoint: 'chat', model: 'anthropic/claude-3.5-sonnet' }],
    },
    {
      name: "Google Apps Script's UrlFetchApp.fetch with the body in `payload` (a Sheets =CHATGPT() function)",
      code: `export function CHATGPT(prompt: string, model = 'gpt-4o-mini') {
  const apiKey = PropertiesService.getScriptProperties().getProperty('OPENAI_API_KEY');
  const options = { method: 'post' as const, contentType: 'application/json', headers: { Authorization: 'Bearer ' + apiKey }, payload: JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] }) };
  const response = UrlFetchApp.fetch('https://api.openai.com/v1/chat/completions', options);
  return JSON.parse(response.getContentText()).choices[0].message.content;
}
export function listModels() {
  return UrlFetchApp.fetch('https://api.openai.com/v1/models', { headers: {} });
}`,
      calls: [{ line: 4, method: 'UrlFetchApp.fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini' }],
    },
    {
      name: "a request builder of the app (`new HttpRequestBuilder({ method, baseURL }).setHeaders(...).setBody(payload).execute()`, also held in a local); a builder's GET of the model list is no request",
      files: {
        'src/builder.ts': `import axios, { AxiosInstance, AxiosRequestConfig } from 'axios';\nexport class HttpRequestBuilder {\n  private axiosInstance: AxiosInstance;\n  private config: AxiosRequestConfig;\n  constructor(config: AxiosRequestConfig = {}) {\n    this.config = { ...config };\n    this.axiosInstance = axios.create(this.config);\n  }\n  setHeaders(headers: Record<string, string>): HttpRequestBuilder {\n    this.config.headers = headers;\n    return this;\n  }\n  setBody(data: Record<string, unknown>): HttpRequestBuilder {\n    this.config.data = data;\n    return this;\n  }\n  async execute<T>() {\n    return await this.axiosInstance.request<T>(this.config);\n  }\n}\n`,
      },
      code: `import { HttpRequestBuilder } from './builder';
export async function commitMessage(diff: string, config: { url?: string; key: string }) {
  const baseUrl = config.url || 'https://api.mistral.ai';
  const response = await new HttpRequestBuilder({ method: 'POST', baseURL: \`\${baseUrl}/v1/chat/completions\` })
    .setHeaders({ Authorization: \`Bearer \${config.key}\` })
    .setBody({ model: 'mistral-small-latest', messages: [{ role: 'user', content: diff }] })
    .execute();
  const builder = new HttpRequestBuilder({ method: 'POST', baseURL: 'https://api.mistral.ai/v1/chat/completions' }).setBody({ model: 'open-mistral-nemo', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });
  await builder.execute();
  const models = await new HttpRequestBuilder({ method: 'GET', baseURL: \`\${baseUrl}/v1/models\` }).execute();
  return [response, models];
}`,
      calls: [
        { line: 4, method: 'HttpRequestBuilder.execute /v1/chat/completions', provider: 'mistral', endpoint: 'chat', model: 'mistral-small-latest' },
        { line: 9, provider: 'mistral', endpoint: 'chat', model: 'open-mistral-nemo', maxOutputTokens: 1 },
      ],
    },
    {
      name: "a wrapper whose URL is a later parameter named for one (`engineFetch(ctx, endpoint, options)`, `apiCall(config, endpoint, options)` through a helper joining the configured base to it): the call's path and the options after it",
      files: {
        'src/engine.ts': `export async function engineFetch(ctx: { id: string }, endpoint: string, options: RequestInit & { timeoutMs?: number } = {}) {\n  const { timeoutMs = 1000, ...restOptions } = options;\n  return fetch(\`\${process.env.ENGINE_URL ?? 'https://engine.example.com'}\${endpoint}\`, { ...restOptions, headers: { 'X-Request-Id': ctx.id } });\n}\n`,
      },
      code: `import { engineFetch } from './engine';
export async function generateImage(prompt: string, ctx: { id: string }) {
  return engineFetch(ctx, '/v1/images/generations', { method: 'POST', body: JSON.stringify({ prompt, model: 'dall-e-3' }) });
}
export class ImageAdapter {
  private resolveEndpointUrl(config: { baseURL?: string }, endpoint: string): string {
    const base = (config.baseURL || 'https://api.openai.com/v1').replace(/\\/+$/, '');
    const ep = endpoint.startsWith('/') ? endpoint : \`/\${endpoint}\`;
    const full = \`\${base}\${ep}\`;
    return full;
  }
  private async apiCall(config: { baseURL?: string }, endpoint: string, options: RequestInit) {
    const url = this.resolveEndpointUrl(config, endpoint);
    const response = await fetch(url, options);
    return response.json();
  }
  async generate(config: { baseURL?: string; modelId: string }, prompt: string) {
    return this.apiCall(config, '/images/generations', { method: 'POST', body: JSON.stringify({ model: config.modelId, prompt, n: 1 }) });
  }
}`,
      calls: [
        { line: 3, method: 'engineFetch /v1/images/generations', endpoint: 'image-generation', model: 'dall-e-3' },
        { line: 18, method: 'apiCall /images/generations', endpoint: 'image-generation' },
      ],
    },
    {
      name: 'https.request with the host and path written in its options',
      code: `import * as https from 'node:https';
export function embed(text: string) {
  const req = https.request({ hostname: 'api.openai.com', path: '/v1/embeddings', method: 'POST' }, () => undefined);
  req.end(JSON.stringify({ model: 'text-embedding-3-small', input: text }));
  return req;
}`,
      calls: [{ line: 3, method: 'https.request /v1/embeddings', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' }],
    },
    {
      name: "a model factory whose URL parameter is filled by the module's own callers (a default endpoint)",
      code: `async function fetchWithTimeout(url: string, init: RequestInit, ms: number) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), ms);
  return fetch(url, { ...init, signal: controller.signal });
}
function createFetchModel(url: string, headers: object, defaults: object) {
  return {
    async complete(prompt: string) {
      const options = { method: 'POST', headers, body: JSON.stringify({ ...defaults, messages: [{ role: 'user', content: prompt }], temperature: 0 }) };
      return fetchWithTimeout(url, options, 60000);
    },
  };
}
export function createOpenAIModel(apiKey: string, model: string, endPoint = 'https://api.openai.com/v1/chat/completions') {
  return createFetchModel(endPoint, { Authorization: 'Bearer ' + apiKey }, { model });
}`,
      calls: [{ line: 10, method: 'fetchWithTimeout /v1/chat/completions', provider: 'openai', endpoint: 'chat' }],
    },
    {
      name: "an image edit posted by hand to an SDK client's baseURL, with the model appended to the form",
      code: `import OpenAI from 'openai';
export class ImageEditor {
  client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
  async edit(prompt: string, image: Blob) {
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', prompt);
    form.append('image', image);
    const base = this.client.baseURL.replace(/\\/+$/, '');
    return fetch(\`\${base}/images/edits\`, { method: 'POST', headers: { Authorization: \`Bearer \${this.client.apiKey}\` }, body: form });
  }
}`,
      calls: [{ line: 10, method: 'fetch /images/edits', provider: 'openai', endpoint: 'image-generation', model: 'gpt-image-1', features: { vision: true } }],
    },
    {
      name: "Hugging Face's serverless inference by model id (raw audio is speech to text) and Jina's classifier",
      code: `import axios from 'axios';
export async function transcribe(audio: ArrayBuffer, model: string) {
  const base = process.env.TRANSCRIPTION_BASE_URL || 'https://router.huggingface.co/hf-inference/models';
  return fetch(\`\${base}/\${model}\`, { method: 'POST', headers: { 'Content-Type': 'audio/webm' }, body: audio });
}
export async function isSpam(text: string) {
  return axios.post('https://api.jina.ai/v1/classify', { classifier_id: 'spam', input: [text] });
}`,
      calls: [
        { line: 4, provider: 'huggingface', endpoint: 'audio-transcription' },
        { line: 7, method: 'axios.post /v1/classify', provider: 'jina', endpoint: 'other' },
      ],
    },
    {
      name: "a model id in the URL path read from a settings getter (`config.get('TRANSCRIPTION_MODEL')`), valued by the Helm chart's envVars; the API key beside it never kept",
      files: {
        'chart/env/prod.yaml': 'replicas: 2\nenvVars:\n  HF_TOKEN: "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"\n  TRANSCRIPTION_MODEL: "openai/whisper-large-v3-turbo"\n',
        'src/config.ts': `const keys: Record<string, string | undefined> = { ...process.env };\nexport const config = { get: (key: string) => keys[key] || '' };\n`,
      },
      code: `import { config } from './config';
export async function transcribe(audio: ArrayBuffer) {
  const model = config.get('TRANSCRIPTION_MODEL');
  return fetch(\`https://router.huggingface.co/hf-inference/models/\${model}\`, { method: 'POST', headers: { 'Content-Type': 'audio/webm' }, body: audio });
}`,
      calls: [{ line: 4, provider: 'huggingface', endpoint: 'audio-transcription', model: 'openai/whisper-large-v3-turbo', modelSource: 'env-default' }],
    },
    {
      name: 'Realtime over HTTP: minting a session and the WebRTC SDP offer; Deepgram through new URL(this.endpoint)',
      code: `export async function token() {
  return fetch('https://api.openai.com/v1/realtime/sessions', { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-realtime-preview-2024-12-17', voice: 'verse' }) });
}
export async function connect(sdp: string) {
  const base = 'https://api.openai.com/v1/realtime';
  const model = 'gpt-4o-mini-realtime-preview';
  return fetch(\`\${base}?model=\${model}\`, { method: 'POST', body: sdp });
}
export class DeepgramStt {
  private endpoint: string;
  constructor() { this.endpoint = 'https://api.deepgram.com/v1/listen'; }
  transcribe(audio: Blob) {
    const url = new URL(this.endpoint);
    url.searchParams.set('model', 'nova-3');
    return fetch(url.toString(), { method: 'POST', body: audio });
  }
}`,
      calls: [
        // Both open a spoken conversation: the end user's audio turn is part of what they send.
        { line: 2, provider: 'openai', endpoint: 'chat', model: 'gpt-4o-realtime-preview-2024-12-17', promptIncludes: ['{{audio}}'], features: { streaming: true } },
        { line: 7, provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini-realtime-preview', promptIncludes: ['{{audio}}'], features: { streaming: true } },
        { line: 15, provider: 'deepgram', endpoint: 'audio-transcription' },
      ],
    },
    {
      name: 'WebSocket sessions: OpenAI Realtime (model in the query), Azure realtime (deployment), Gemini Live (model in the setup message)',
      code: `import WS from 'ws';
const realtime = new WebSocket('wss://api.openai.com/v1/realtime?model=gpt-4o-mini-realtime-preview', ['realtime']);
const azure = new WS(\`wss://\${process.env.AZURE_HOST}/openai/realtime?api-version=2024-10-01-preview&deployment=gpt-4o-realtime-preview\`);
const LIVE_URL = 'wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent';
const live = new WebSocket(\`\${LIVE_URL}?key=\${process.env.GEMINI_API_KEY}\`);
live.onopen = () => live.send(JSON.stringify({ setup: { model: 'models/gemini-2.0-flash-live-001', generationConfig: { responseModalities: ['AUDIO'] } } }));`,
      calls: [
        { line: 2, method: 'WebSocket /v1/realtime', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini-realtime-preview', features: { streaming: true } },
        { line: 3, provider: 'azure-openai', model: 'gpt-4o-realtime-preview' },
        { line: 5, provider: 'google', model: 'gemini-2.0-flash-live-001' },
      ],
    },
    {
      name: "the app's own fetch wrapper and an SSE helper; Anthropic messages from new URL('messages', apiBase)",
      files: {
        'src/net.ts': `export async function customFetch(url: string | URL, init: RequestInit = {}) {\n  const response = await fetch(url, { ...init, headers: { ...init.headers, 'User-Agent': 'app' } });\n  if (!response.ok) throw new Error(String(response.status));\n  return response;\n}\nexport async function* streamSse(response: Response) { yield* [] as string[]; }\n`,
      },
      code: `import { customFetch, streamSse } from './net';
const apiBase = process.env.ANTHROPIC_BASE_URL ?? 'https://api.anthropic.com/v1/';
export async function* chat(question: string) {
  const url = new URL('messages', apiBase);
  yield* streamSse(await customFetch(url, { method: 'POST', body: JSON.stringify({ model: 'claude-3-7-sonnet-latest', max_tokens: 1024, stream: true, messages: [{ role: 'user', content: question }] }) }));
}`,
      calls: [{ line: 5, method: 'customFetch /v1/messages', provider: 'anthropic', endpoint: 'chat', model: 'claude-3-7-sonnet-latest', maxOutputTokens: 1024, features: { streaming: true }, promptIncludes: ['{{question}}'] }],
    },
    {
      name: 'Anthropic /v1/messages on a configurable base with a model; Gemini REST on a configurable base',
      code: `export class Providers {
  constructor(private readonly baseUrl: string, private readonly geminiBase: string) {}
  claude(prompt: string) {
    return fetch(\`\${this.baseUrl}/v1/messages\`, { method: 'POST', body: JSON.stringify({ model: 'claude-haiku-4-5', max_tokens: 300, messages: [{ role: 'user', content: prompt }] }) });
  }
  gemini(model: string, prompt: string) {
    fetch(\`\${this.geminiBase}/models/gemini-2.0-flash:streamGenerateContent?alt=sse\`, { method: 'POST', body: JSON.stringify({ contents: [{ role: 'user', parts: [{ text: prompt }] }] }) });
    return fetch(\`\${this.geminiBase}/models/\${model}:batchEmbedContents\`, { method: 'POST', body: JSON.stringify({ requests: [] }) });
  }
}`,
      calls: [
        { line: 4, provider: 'anthropic', endpoint: 'chat', model: 'claude-haiku-4-5' },
        { line: 7, provider: 'google', endpoint: 'chat', model: 'gemini-2.0-flash', features: { streaming: true } },
        { line: 8, provider: 'google', endpoint: 'embedding', model: null },
      ],
    },
    {
      name: "a rerank request bills its query and documents: the body's run-time query and document list are the call's input",
      code: `import axios from 'axios';
interface RerankRequest { model: string; query: string; top_n: number; documents: string[] }
export async function rerank(query: string, batchDocuments: string[]) {
  const request: RerankRequest = { model: 'jina-reranker-v2-base-multilingual', query, top_n: batchDocuments.length, documents: batchDocuments };
  return axios.post('https://api.jina.ai/v1/rerank', request, { headers: { Authorization: 'Bearer k' } });
}
await axios.post('https://api.cohere.com/v2/rerank', { model: 'rerank-v3.5', query: 'What is the capital?', documents: ['Paris is the capital of France.'] });`,
      calls: [
        { line: 5, method: 'axios.post /v1/rerank', provider: 'jina', endpoint: 'rerank', model: 'jina-reranker-v2-base-multilingual', holeKinds: ['interpolation', 'rag-context'] },
        { line: 7, endpoint: 'rerank', model: 'rerank-v3.5', promptIncludes: ['What is the capital?', 'Paris is the capital'], holeKinds: [] },
      ],
    },
    {
      name: 'OpenAI-compatible completions, embeddings, rerank and FIM on template-string URLs; got and axios called directly',
      code: `import got from 'got';
import axios from 'axios';
const base = process.env.LLM_BASE_URL;
await fetch(\`\${base}/completions\`, { method: 'POST', body: JSON.stringify({ model: 'deepseek-coder', prompt: 'def add(' }) });
await got(\`\${base}/embeddings\`, { method: 'POST', json: { model: 'bge-m3', input: ['doc'] } });
await axios(\`\${base}/rerank\`, { method: 'post', data: { model: 'bge-reranker-v2-m3', query: 'q', documents: ['a', 'b'] } });
await fetch('https://api.mistral.ai/v1/fim/completions', { method: 'POST', body: JSON.stringify({ model: 'codestral-latest', prompt: 'def f(', suffix: 'return x' }) });`,
      calls: [
        { line: 4, method: 'fetch /completions', provider: 'openai-compatible', endpoint: 'completion', model: 'deepseek-coder' },
        { line: 5, method: 'got /embeddings', endpoint: 'embedding', model: 'bge-m3' },
        { line: 6, method: 'axios /rerank', endpoint: 'rerank', model: 'bge-reranker-v2-m3' },
        { line: 7, method: 'fetch /v1/fim/completions', provider: 'mistral', endpoint: 'completion', model: 'codestral-latest' },
      ],
    },
    {
      name: 'Ollama /api/chat and /api/generate on a configurable host, told by the body',
      code: `const host = process.env.OLLAMA_HOST;
export async function ask(prompt: string) {
  await fetch(\`\${host}/api/chat\`, { method: 'POST', body: JSON.stringify({ model: 'llama3.1', stream: false, messages: [{ role: 'user', content: prompt }] }) });
  return fetch(\`\${host}/api/generate\`, { method: 'POST', body: JSON.stringify({ model: 'qwen2.5-coder', prompt, options: { num_predict: 64 } }) });
}`,
      calls: [
        { line: 3, provider: 'ollama', endpoint: 'chat', model: 'llama3.1' },
        { line: 4, provider: 'ollama', endpoint: 'completion', model: 'qwen2.5-coder', maxOutputTokens: 64 },
      ],
    },
    {
      name: "Ollama /api/embed on a configurable host, told by the body (keep_alive, options); the same path with a body that is not Ollama's is the app's own route",
      code: `export class OllamaEmbedder {
  constructor(private readonly baseUrl: string, private readonly model: string) {}
  async embed(input: string[]) {
    const response = await fetch(\`\${this.baseUrl}/api/embed\`, { method: 'POST', body: JSON.stringify({ input, model: this.model, keep_alive: '5m', options: { num_ctx: 2048 } }) });
    return (await response.json()).embeddings;
  }
  async viaOwnRoute(text: string) {
    return fetch(\`\${this.baseUrl}/api/embeddings\`, { method: 'POST', body: JSON.stringify({ text }) });
  }
}`,
      calls: [{ line: 4, provider: 'ollama', endpoint: 'embedding' }],
    },
    {
      name: "Ollama's /api/chat through a stream helper handed the URL, which it copies into a let it only rewrites from itself; the body a parameter declared with Ollama's request type",
      code: `interface BaseParams {
  model: string;
}
export interface OllamaRequestParams extends BaseParams {
  keep_alive?: string;
  options: { temperature?: number };
}
async function* createOllamaStream(url: string, params: OllamaRequestParams) {
  let formattedUrl = url;
  if (formattedUrl.startsWith('http://localhost:')) formattedUrl = formattedUrl.replace('http://localhost:', 'http://127.0.0.1:');
  const response = await fetch(formattedUrl, { method: 'POST', body: JSON.stringify(params) });
  yield* (response.body as unknown as AsyncIterable<Uint8Array>);
}
export async function* createOllamaChatStream(baseUrl: string, params: OllamaRequestParams) {
  yield* createOllamaStream(\`\${baseUrl}/api/chat\`, params);
}
async function* viaOwnRoute(url: string, body: { model: string; messages: string[] }) {
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
  yield* (response.body as unknown as AsyncIterable<Uint8Array>);
}
export const askOwnRoute = (model: string) => viaOwnRoute('/api/chat', { model, messages: [] });`,
      calls: [
        { line: 11, provider: 'ollama', endpoint: 'chat' },
        { line: 15, provider: 'ollama', endpoint: 'chat' },
      ],
    },
    {
      name: 'speech-to-text: ElevenLabs, Deepgram (model in the query), AssemblyAI and a gateway transcription route',
      code: `import axios from 'axios';
export async function transcribe(form: FormData, audio: Blob, audioUrl: string) {
  await fetch('https://api.elevenlabs.io/v1/speech-to-text', { method: 'POST', body: form });
  await fetch('https://api.deepgram.com/v1/listen?model=nova-3&smart_format=true', { method: 'POST', body: audio });
  await axios.post('https://api.assemblyai.com/v2/transcript', { audio_url: audioUrl, speech_model: 'universal' });
  return fetch('https://api.groq.com/openai/v1/audio/transcriptions', { method: 'POST', body: form });
}`,
      calls: [
        { line: 3, provider: 'elevenlabs', endpoint: 'audio-transcription' },
        { line: 4, provider: 'deepgram', endpoint: 'audio-transcription', model: 'nova-3' },
        { line: 5, provider: 'assemblyai', endpoint: 'audio-transcription', model: 'universal' },
        { line: 6, provider: 'groq', endpoint: 'audio-transcription' },
      ],
    },
    {
      name: 'a wrapper method of the class: this.request(url, body)',
      code: `export class LlmHttp {
  constructor(private readonly key: string) {}
  private async request(url: string, body: unknown) {
    const response = await fetch(url, { method: 'POST', headers: { Authorization: \`Bearer \${this.key}\` }, body: JSON.stringify(body) });
    return response.json();
  }
  summarize(text: string) {
    return this.request('https://api.openai.com/v1/chat/completions', { model: 'gpt-4o-mini', messages: [{ role: 'user', content: \`Summarize: \${text}\` }] });
  }
}`,
      calls: [{ line: 8, method: 'request /v1/chat/completions', provider: 'openai', model: 'gpt-4o-mini', promptIncludes: ['Summarize: {{text}}'] }],
    },
    {
      name: 'fetch to OpenAI chat completions with a JSON body',
      code: `const OPENAI_URL = 'https://api.openai.com/v1/chat/completions';
export async function classify(review: string) {
  const response = await fetch(OPENAI_URL, {
    method: 'POST',
    headers: { Authorization: \`Bearer \${process.env.OPENAI_API_KEY}\`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4o-mini', max_tokens: 5, messages: [{ role: 'system', content: 'Reply positive or negative.' }, { role: 'user', content: review }] }),
  });
  return response.json();
}`,
      calls: [{ line: 3, column: 26, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', maxOutputTokens: 5, promptIncludes: ['Reply positive or negative.', '{{review}}'] }],
    },
    {
      name: 'Anthropic messages through axios, body in a constant',
      code: `import axios from 'axios';
export async function draft(topic: string) {
  const payload = { model: 'claude-3-5-sonnet-latest', max_tokens: 1024, system: 'You write release notes.', messages: [{ role: 'user', content: \`Notes for \${topic}\` }] };
  return axios.post('https://api.anthropic.com/v1/messages', payload, { headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' } });
}`,
      calls: [{ line: 4, method: 'axios.post /v1/messages', provider: 'anthropic', model: 'claude-3-5-sonnet-latest', maxOutputTokens: 1024, promptIncludes: ['You write release notes.', 'Notes for {{topic}}'] }],
    },
    {
      name: 'Gemini REST with the model in the URL; Ollama /api/generate on its port',
      code: `const key = process.env.GEMINI_API_KEY;
await fetch(\`https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key=\${key}\`, { method: 'POST', body: JSON.stringify({ contents: [{ parts: [{ text: 'Explain how AI works' }] }], generationConfig: { maxOutputTokens: 800 } }) });
await fetch('http://localhost:11434/api/generate', { method: 'POST', body: JSON.stringify({ model: 'llama3.2', prompt: 'Why is the sky blue?', stream: false }) });`,
      calls: [
        { line: 2, provider: 'google', model: 'gemini-1.5-flash', maxOutputTokens: 800, promptIncludes: ['Explain how AI works'] },
        { line: 3, method: 'fetch /api/generate', provider: 'ollama', endpoint: 'completion', model: 'llama3.2', promptIncludes: ['Why is the sky blue?'] },
      ],
    },
    {
      name: 'an OpenAI-compatible server: base URL from env, Groq host, axios instance',
      code: `import axios from 'axios';
const VLLM_URL = process.env.VLLM_URL ?? 'http://localhost:8000';
await fetch(\`\${VLLM_URL}/v1/chat/completions\`, { method: 'POST', body: JSON.stringify({ model: 'Qwen/Qwen2.5-7B-Instruct', stream: true, messages }) });
const groq = axios.create({ baseURL: 'https://api.groq.com/openai/v1' });
await groq.post('/chat/completions', { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: 'hi' }] });
await fetch(\`\${process.env.LLM_BASE_URL}/v1/chat/completions\`, { method: 'POST', body: JSON.stringify(request) });`,
      calls: [
        { line: 3, provider: 'self-hosted', model: 'Qwen/Qwen2.5-7B-Instruct', features: { streaming: true }, holeKinds: ['history'] },
        { line: 5, method: 'axios.post /openai/v1/chat/completions', provider: 'groq', model: 'llama-3.1-8b-instant' },
        { line: 6, provider: 'openai-compatible', model: null, modelSource: 'dynamic' },
      ],
    },
    {
      name: 'OpenAI embeddings and an Ollama host named in a constant',
      code: `const OLLAMA_HOST = process.env.OLLAMA_HOST ?? 'http://ollama:11434';
await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input: chunk }) });
await fetch(OLLAMA_HOST + '/api/chat', { method: 'POST', body: JSON.stringify({ model: 'mistral', messages: [{ role: 'user', content: 'hello' }] }) });`,
      calls: [
        { line: 2, endpoint: 'embedding', provider: 'openai', model: 'text-embedding-3-small' },
        { line: 3, endpoint: 'chat', provider: 'ollama', model: 'mistral', promptIncludes: ['hello'] },
      ],
    },
    {
      name: 'new URL(path, base): a constant base, an env base with a default, URL resolution rules',
      code: `const BASE = 'https://api.openai.com';
await fetch(new URL('/v1/chat/completions', BASE), { method: 'POST', body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }) });
await fetch(new URL('chat/completions', process.env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1/'), { method: 'POST', body: JSON.stringify({ model: 'gpt-4.1', messages }) });
await fetch(new URL('v1/messages', 'https://api.anthropic.com'), { method: 'POST', body: JSON.stringify({ model: 'claude-sonnet-4-5', max_tokens: 100, messages }) });
await fetch(new URL('/chat/completions', 'https://api.groq.com/openai/v1'), { method: 'POST', body: JSON.stringify({ model: 'llama-3.1-8b-instant', messages }) });`,
      calls: [
        { line: 2, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', model: 'gpt-4o-mini', promptIncludes: ['hi'] },
        { line: 3, method: 'fetch /v1/chat/completions', provider: 'openai', model: 'gpt-4.1' },
        { line: 4, method: 'fetch /v1/messages', provider: 'anthropic', model: 'claude-sonnet-4-5', maxOutputTokens: 100 },
        { line: 5, method: 'fetch /chat/completions', provider: 'groq', model: 'llama-3.1-8b-instant' },
      ],
    },
    {
      name: "a provider client's path helper joining constants of another module to its base; a let URL assigned in a branch before the request; an app fetch shim",
      files: {
        'src/constant.ts': `export const OPENAI_BASE_URL = 'https://api.openai.com';\nexport const OpenaiPath = { ChatPath: 'v1/chat/completions', ImagePath: 'v1/images/generations', ListModelPath: 'v1/models' };\nexport const Azure = { ChatPath: (deployment: string) => \`deployments/\${deployment}/chat/completions\` };\n`,
        'src/shim.ts': `export function fetch(url: string, options?: RequestInit): Promise<Response> {\n  return window.fetch(url, options);\n}\n`,
      },
      code: `import { OPENAI_BASE_URL, OpenaiPath, Azure } from './constant';
import { fetch } from './shim';
export class ChatApi {
  path(path: string): string {
    let baseUrl = settings.customUrl ?? '';
    if (baseUrl.length === 0) baseUrl = settings.isApp ? OPENAI_BASE_URL : '/api/openai';
    return [baseUrl, path].join('/');
  }
  async chat(model: string, messages: unknown[], isAzure: boolean, isImage: boolean) {
    let chatPath = '';
    if (isAzure) {
      chatPath = this.path(Azure.ChatPath(model));
    } else {
      chatPath = this.path(isImage ? OpenaiPath.ImagePath : OpenaiPath.ChatPath);
    }
    const res = await fetch(chatPath, { method: 'POST', body: JSON.stringify({ model, messages, max_tokens: 500 }) });
    await fetch(this.path(OpenaiPath.ListModelPath), { method: 'GET' });
    return res.json();
  }
}
declare const settings: { customUrl?: string; isApp: boolean };`,
      calls: [{ line: 16, method: 'fetch /v1/chat/completions', provider: 'openai', endpoint: 'chat', maxOutputTokens: 500, evidenceIncludes: ["fetch() is the app's own wrapper"] }],
    },
    {
      name: "an app SSE helper handed the URL (fetchEventSource in a function nested in it) is a wrapper; a constant path function's return with the caller's argument; fetchEventSource of a fork; DashScope's and Qianfan's own chat paths",
      files: {
        'src/sse.ts': `import { fetchEventSource } from '@microsoft/fetch-event-source';\nexport function stream(chatPath: string, requestPayload: unknown, onText: (text: string) => void) {\n  function chatApi(chatPath: string, payload: unknown) {\n    fetchEventSource(chatPath, { method: 'POST', body: JSON.stringify(payload), onmessage: (event) => onText(event.data) });\n  }\n  chatApi(chatPath, requestPayload);\n}\n`,
      },
      code: `import { stream } from './sse';
import { fetchEventSource } from '@fortaine/fetch-event-source';
const GEMINI_BASE_URL = 'https://generativelanguage.googleapis.com/';
const Google = { ChatPath: (modelName: string) => \`v1beta/models/\${modelName}:streamGenerateContent\` };
const Alibaba = { ChatPath: (modelName: string) => { if (modelName.includes('vl')) return 'v1/services/aigc/multimodal-generation/generation'; return 'v1/services/aigc/text-generation/generation'; } };
export class GeminiApi {
  path(path: string): string {
    const base = GEMINI_BASE_URL.endsWith('/') ? GEMINI_BASE_URL.slice(0, -1) : GEMINI_BASE_URL;
    let url = [base, path].join('/');
    if (path.includes('stream')) url += '?alt=sse';
    return url;
  }
  chat(model: string, text: string) {
    return stream(this.path(Google.ChatPath(model)), { contents: [{ role: 'user', parts: [{ text }] }] }, console.log);
  }
}
function dashscopePath(path: string) { return \`https://dashscope.aliyuncs.com/api/\${path}\`; }
export function qwen(model: string, text: string) {
  fetchEventSource(dashscopePath(Alibaba.ChatPath(model)), { method: 'POST', body: JSON.stringify({ model, input: { messages: [{ role: 'user', content: text }] } }) });
}
export function ernie(token: string, text: string) {
  return fetchEventSource(\`https://aip.baidubce.com/rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions_pro?access_token=\${token}\`, { method: 'POST', body: JSON.stringify({ messages: [{ role: 'user', content: text }] }) });
}`,
      calls: [
        { line: 14, method: 'stream /v1beta/models/{model}:streamGenerateContent', provider: 'google', endpoint: 'chat', evidenceIncludes: ["stream() is the app's own wrapper"], promptIncludes: ['{{text}}'] },
        { line: 19, method: 'fetch /api/v1/services/aigc/text-generation/generation', provider: 'alibaba', endpoint: 'chat' },
        { line: 22, method: 'fetch /rpc/2.0/ai_custom/v1/wenxinworkshop/chat/completions_pro', provider: 'baidu', endpoint: 'chat' },
      ],
    },
    {
      name: 'a URL object held in a constant, passed as is, as .href or .toString(), and to axios',
      code: `import axios from 'axios';
const OLLAMA = process.env.OLLAMA_HOST ?? 'http://localhost:11434';
const chatUrl = new URL('/api/chat', OLLAMA);
const embedUrl = new URL('/v1/embeddings', 'https://api.openai.com');
export const chat = (content: string) => fetch(chatUrl, { method: 'POST', body: JSON.stringify({ model: 'llama3.2', messages: [{ role: 'user', content }] }) });
export const embed = (input: string) => fetch(embedUrl.href, { method: 'POST', body: JSON.stringify({ model: 'text-embedding-3-small', input }) });
export const generate = (prompt: string) => axios.post(new URL('/api/generate', OLLAMA).toString(), { model: 'llama3.2', prompt });`,
      calls: [
        { line: 5, method: 'fetch /api/chat', provider: 'ollama', endpoint: 'chat', model: 'llama3.2' },
        { line: 6, method: 'fetch /v1/embeddings', provider: 'openai', endpoint: 'embedding', model: 'text-embedding-3-small' },
        { line: 7, method: 'axios.post /api/generate', provider: 'ollama', endpoint: 'completion', model: 'llama3.2' },
      ],
    },
  ],
});
